package dev.chainrule.nn.manual;

import dev.chainrule.core.tensor.Shape;

/**
 * How one manual gradient compares with autograd's.
 *
 * @param name the gradient's name in the seed's notation, e.g. {@code dW[1]}
 * @param autogradShape the shape autograd computed (the parameter's shape)
 * @param manualShape the shape the manual formula produced
 * @param maxAbsDiff the largest |autograd − manual| over the elements; NaN when the shapes differ
 * @param maxRelDiff {@code maxAbsDiff} divided by the largest |autograd| element (normwise, so
 *     elements near zero do not inflate it); NaN when the shapes differ
 * @param verdict whether the formula agrees with autograd within the tolerance used
 */
public record GradientDiff(String name, Shape autogradShape, Shape manualShape, double maxAbsDiff,
    double maxRelDiff, Verdict verdict) {

  /** The outcome of one comparison. */
  public enum Verdict {
    /** Equal shapes and a relative difference within the tolerance. */
    AGREES("agrees"),
    /** Equal shapes but a relative difference above the tolerance. */
    DIFFERS("DIFFERS"),
    /** The manual formula's result does not even have the parameter's shape. */
    SHAPE_MISMATCH("SHAPE MISMATCH");

    private final String label;

    Verdict(String label) {
      this.label = label;
    }

    /** Returns the verdict as printed in tables: "agrees", "DIFFERS" or "SHAPE MISMATCH". */
    public String label() {
      return label;
    }
  }

  /** Returns true when the verdict is {@link Verdict#AGREES}. */
  public boolean agrees() {
    return verdict == Verdict.AGREES;
  }
}
