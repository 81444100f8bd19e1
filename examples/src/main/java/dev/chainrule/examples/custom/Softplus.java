package dev.chainrule.examples.custom;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.ops.UnaryElementwise;
import dev.chainrule.core.scalar.Scalar;

/**
 * A user-written operation, softplus(x) = log(1 + eˣ), a smooth ReLU. Everything an operation
 * needs is in this one file: the function of one element as a scalar form (the stable
 * max(x, 0) + log1p(e^−|x|), finite for any finite x), from which its kernel follows and with
 * which it runs inside fused loops like the built-in operations; the local derivative
 * d softplus/dx = σ(x) written as graph operations (so the gradient is a graph and can be
 * differentiated again); and how it is written in formulas.
 */
public final class Softplus implements UnaryElementwise {
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
  public Scalar form(Scalar x) {
    return x.max(0.0).add(x.abs().neg().exp().log1p());
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
