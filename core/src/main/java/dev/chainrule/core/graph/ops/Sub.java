package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import java.util.Arrays;
import java.util.List;

/** Elementwise subtraction with broadcasting: d(a − b) = (g, −g). */
public final class Sub implements BinaryElementwise {
  /** The single instance; the operation has no attributes. */
  public static final Sub INSTANCE = new Sub();

  private Sub() {}

  @Override
  public String name() {
    return "sub";
  }

  @Override
  public double applyAsDouble(double a, double b) {
    return a - b;
  }

  @Override
  public List<Node> vjp(Node output, Node upstream) {
    Node a = output.inputs().get(0);
    Node b = output.inputs().get(1);
    return Arrays.asList(Unbroadcast.sumTo(upstream, a.shape()),
        Unbroadcast.sumTo(upstream.neg(), b.shape()));
  }

  @Override
  public Notation notation() {
    return Notation.infix("−", "-", Notation.ADDITIVE);
  }
}
