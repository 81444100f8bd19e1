package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.scalar.Scalar;

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
  public Scalar form(Scalar a, Scalar b) {
    return a.sub(b);
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Node part = input == 0 ? upstream : upstream.neg();
    return Unbroadcast.sumTo(part, output.inputs().get(input).shape());
  }

  @Override
  public Notation notation() {
    return Notation.infix("−", "-", Notation.ADDITIVE);
  }
}
