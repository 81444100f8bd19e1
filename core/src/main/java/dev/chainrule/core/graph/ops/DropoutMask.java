package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/**
 * The mask of inverted dropout: a tensor of the given shape whose elements are 0 with probability
 * {@code rate} and 1/(1 − rate) otherwise, so that x ∘ mask keeps x's expected value. The mask is
 * a pure function of the seed, its input (a scalar draw number, which a training loop advances
 * once per step for a fresh mask) and the element's position: the same draw gives the same mask,
 * so the forward pass and its gradient agree, and runs are reproducible. No gradient flows
 * through it; the gradient of x ∘ mask with respect to x is g ∘ mask, by the product rule.
 *
 * @param rate the probability that an element is dropped, in [0, 1)
 * @param seed the random source's seed
 * @param shape the mask's shape
 */
public record DropoutMask(double rate, long seed, Shape shape) implements Op {
  /** Checks that the rate is a probability below 1. */
  public DropoutMask {
    if (!(rate >= 0 && rate < 1)) {
      throw new IllegalArgumentException("a dropout rate must be at least 0 and below 1, got "
          + rate);
    }
  }

  @Override
  public String name() {
    return "dropout_mask";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    if (inputs.get(0).size() != 1) {
      throw new IllegalArgumentException("the draw number must be a single number, got shape "
          + inputs.get(0));
    }
    return shape;
  }

  @Override
  public void forward(Tensor[] inputs, Tensor out) {
    long draw = (long) inputs[0].item();
    double kept = 1 / (1 - rate);
    float[] floats = out.dtype() == DType.FLOAT32 ? out.floatBuffer() : null;
    double[] doubles = floats == null ? out.buffer() : null;
    long stream = mix(seed ^ mix(draw + 0x632BE59BD9B4E019L));
    for (int i = 0; i < out.size(); i++) {
      double u = (mix(stream + i * 0x9E3779B97F4A7C15L) >>> 11) * 0x1.0p-53;
      double m = u < rate ? 0.0 : kept;
      if (floats != null) {
        floats[i] = (float) m;
      } else {
        doubles[i] = m;
      }
    }
  }

  /**
   * Returns true: in float32 the mask drops the same elements as in float64 and keeps the others
   * at 1/(1 − rate) rounded to float. (A float32 draw number counts exactly up to 2²⁴ steps.)
   */
  @Override
  public boolean supports(DType dtype) {
    return true;
  }

  /** SplitMix64's finaliser: a bijection of 64-bit numbers that spreads every input bit. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Returns false: the mask is piecewise constant in its draw number. */
  @Override
  public boolean differentiable(int input) {
    return false;
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    return null;
  }

  /** Returns null: the mask depends on no input (only on its seed), so no tangent moves it. */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return null;
  }

  @Override
  public Notation notation() {
    return Notation.function("mask", "\\operatorname{mask}");
  }

  @Override
  public String label() {
    return "dropout mask p=" + rate;
  }
}
