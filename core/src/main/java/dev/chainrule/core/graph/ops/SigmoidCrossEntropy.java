package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.FormulaWriter;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.scalar.Scalar;

/**
 * Binary cross-entropy of σ(z) against a target y, elementwise and fused:
 * −[y·log σ(z) + (1 − y)·log(1 − σ(z))] = max(z, 0) − z·y + log(1 + e^−|z|), finite for any z.
 * Its derivative is the textbook one, d/dz = σ(z) − y (seed 004's dZ[2] = A[2] − Y), and
 * d/dy = −z. The rewriter puts it in place of the unfused expression the user wrote.
 */
public final class SigmoidCrossEntropy implements BinaryElementwise {
  /** The single instance; the operation has no attributes. */
  public static final SigmoidCrossEntropy INSTANCE = new SigmoidCrossEntropy();

  private SigmoidCrossEntropy() {}

  @Override
  public String name() {
    return "sigmoid_cross_entropy";
  }

  @Override
  public Scalar form(Scalar z, Scalar y) {
    return z.max(0.0).sub(z.mul(y)).add(z.abs().neg().exp().log1p());
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Node z = output.inputs().get(0);
    Node y = output.inputs().get(1);
    return input == 0 ? Unbroadcast.sumTo(z.sigmoid().sub(y).mul(upstream), z.shape())
        : Unbroadcast.sumTo(upstream.mul(z).neg(), y.shape());
  }

  /**
   * Returns d BCE(σ(z), y) = (σ(z) − y) ∘ tz − z ∘ ty, one term per input, each of the output's
   * shape because the other operand broadcasts it; σ is the stable sigmoid, finite for any z.
   */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    Node z = output.inputs().get(0);
    Node y = output.inputs().get(1);
    return input == 0 ? z.sigmoid().sub(y).mul(tangent) : z.mul(tangent).neg();
  }

  /** Writes BCE(σ(z), y). */
  @Override
  public <F> F formula(FormulaWriter<F> w) {
    return w.function("BCE", w.function("σ", w.operand(0)), w.operand(1));
  }

  @Override
  public Notation notation() {
    return Notation.function("BCE", "\\operatorname{BCE}");
  }

  @Override
  public String label() {
    return "BCE(σ(z), y)";
  }
}
