package dev.chainrule.examples.custom;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.ops.UnaryElementwise;
import dev.chainrule.core.scalar.Scalar;

/**
 * A user-written operation, mish(x) = x·tanh(softplus(x)), a smooth self-gated rectifier that
 * core does not have. Everything an operation needs is in this one file: the function of one
 * element as a scalar form (softplus in its stable max(x, 0) + log1p(e^−|x|), so no exponential
 * overflows for any finite x), from which its kernel follows and with which it runs inside fused
 * loops like the built-in operations; the local derivative
 * d mish/dx = tanh(softplus(x)) + x·σ(x)·(1 − tanh²(softplus(x))) written as graph operations
 * (so the gradient is a graph and can be differentiated again); and how it is written in
 * formulas. Its forward-mode derivative is inherited: the operation is elementwise, its Jacobian
 * diagonal, so {@code jvp} is {@code vjp} applied to the tangent.
 */
public final class Mish implements UnaryElementwise {
  /** The single instance; the operation has no attributes. */
  public static final Mish INSTANCE = new Mish();

  private Mish() {}

  /** Returns mish({@code x}), a new node in {@code x}'s graph. */
  public static Node of(Node x) {
    return x.graph().apply(INSTANCE, x);
  }

  @Override
  public String name() {
    return "mish";
  }

  /** Returns x·tanh(max(x, 0) + log1p(e^−|x|)): finite for any finite x, exact in both tails. */
  @Override
  public Scalar form(Scalar x) {
    Scalar softplus = x.max(0.0).add(x.abs().neg().exp().log1p());
    return x.mul(softplus.tanh());
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Node x = output.inputs().get(0);
    Node gate = x.softplus().tanh();
    return upstream.mul(gate.add(x.mul(x.sigmoid()).mul(gate.square().rsub(1.0))));
  }

  @Override
  public Notation notation() {
    return Notation.function("mish", "\\operatorname{mish}");
  }
}
