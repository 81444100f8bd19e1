package dev.chainrule.examples.custom;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/**
 * A user-written operation, softplus(x) = log(1 + eˣ), a smooth ReLU. Everything an operation
 * needs is in this one file: the shape rule, the forward kernel (in the stable form
 * max(x, 0) + log1p(e^−|x|), finite for any finite x), the local derivative d softplus/dx = σ(x)
 * written as graph operations (so the gradient is a graph and can be differentiated again), and
 * how it is written in formulas.
 */
public final class Softplus implements Op {
  /** The single instance; the operation has no attributes. */
  public static final Softplus INSTANCE = new Softplus();

  private Softplus() {}

  /** Returns softplus({@code x}), a new node in {@code x}'s graph. */
  public static Node of(Node x) {
    return x.graph().apply(INSTANCE, x);
  }

  @Override
  public String name() {
    return "softplus";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    return inputs.get(0);
  }

  @Override
  public void forward(Tensor[] inputs, Tensor out) {
    double[] x = inputs[0].buffer();
    double[] o = out.buffer();
    for (int i = 0; i < o.length; i++) {
      o[i] = Math.max(x[i], 0) + Math.log1p(Math.exp(-Math.abs(x[i])));
    }
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Node x = output.inputs().get(0);
    return upstream.mul(x.sigmoid());
  }

  @Override
  public Notation notation() {
    return Notation.function("softplus", "\\operatorname{softplus}");
  }
}
