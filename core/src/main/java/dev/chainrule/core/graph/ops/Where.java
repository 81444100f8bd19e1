package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * Chooses elementwise between two tensors by a 0/1 condition, with broadcasting: c ≠ 0 ? a : b.
 * The gradient goes to a where the condition holds and to b elsewhere; none to the condition.
 */
public final class Where implements Op {
  /** The single instance; the operation has no attributes. */
  public static final Where INSTANCE = new Where();

  private Where() {}

  @Override
  public String name() {
    return "where";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    Shape ab = BinaryElementwise.broadcastShape(inputs.get(1), inputs.get(2));
    return BinaryElementwise.broadcastShape(inputs.get(0), ab);
  }

  @Override
  public void forward(Tensor[] inputs, Tensor out) {
    Tensor c = fit(inputs[0], out);
    Tensor a = fit(inputs[1], out);
    Tensor b = fit(inputs[2], out);
    double[] cs = c.buffer();
    double[] as = a.buffer();
    double[] bs = b.buffer();
    double[] o = out.buffer();
    for (int i = 0; i < o.length; i++) {
      o[i] = cs[i] != 0 ? as[i] : bs[i];
    }
  }

  private static Tensor fit(Tensor t, Tensor out) {
    return t.shape().equals(out.shape()) ? t : t.broadcastTo(out.shape());
  }

  @Override
  public List<Node> vjp(Node output, Node upstream) {
    Node condition = output.inputs().get(0);
    Node zero = output.graph().scalar(0.0);
    Node toA = condition.where(upstream, zero);
    Node toB = condition.where(zero, upstream);
    return Arrays.asList(null,
        Unbroadcast.sumTo(toA, output.inputs().get(1).shape()),
        Unbroadcast.sumTo(toB, output.inputs().get(2).shape()));
  }

  @Override
  public Notation notation() {
    return Notation.function("where", "\\operatorname{where}");
  }
}
