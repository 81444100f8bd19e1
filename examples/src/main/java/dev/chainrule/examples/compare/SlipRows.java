package dev.chainrule.examples.compare;

import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.manual.FormulaShapeException;
import dev.chainrule.nn.manual.GradientComparison;
import dev.chainrule.nn.manual.GradientDiff;
import java.util.Locale;
import java.util.function.Supplier;

/** Builds the rows of a pinned slip, confirming each stated explanation numerically. */
public final class SlipRows {
  private static final double TOL = GradientComparison.TOLERANCE;

  private SlipRows() {}

  /** A formula off by a factor: autograd = {@code expected} × seed's, e.g. m. */
  public static PinnedSlip.Row factor(String gradient, Tensor autograd, Tensor seed,
      double expected, String what) {
    GradientDiff d = GradientComparison.compare(gradient, autograd, seed, TOL);
    double r = GradientComparison.commonFactor(autograd, seed, TOL);
    boolean ok = Math.abs(r - expected) <= 1e-9 * Math.abs(expected);
    String evidence = Double.isNaN(r) ? "no single factor relates them"
        : String.format(Locale.ROOT, "autograd = %.12g × seed's (%s)", r, what);
    return row(d, evidence, ok);
  }

  /**
   * A per-sample gradient ∂L⁽ⁱ⁾/∂·, stacked, against the gradient of the mean of m per-sample
   * losses: it agrees per sample, and differs from the batch gradient by exactly autograd =
   * (1/m) × seed's, which confirms it.
   */
  public static PinnedSlip.Row perSample(String gradient, Tensor autograd, Tensor seed, int m) {
    PinnedSlip.Row r = factor(gradient, autograd, seed, 1.0 / m, "1/m = 1/" + m);
    return new PinnedSlip.Row(r.gradient(), r.shape(), r.maxAbsDiff(), r.maxRelDiff(),
        r.explained() ? PinnedSlip.Outcome.AGREES_PER_SAMPLE : r.outcome(),
        "DIFFERS from the batch gradient: " + r.evidence(), r.explained());
  }

  /**
   * A formula whose result is predicted exactly by the explanation: {@code predicted} (built from
   * autograd's own quantities) must equal the seed's result to 1e-12.
   */
  public static PinnedSlip.Row relation(String gradient, Tensor autograd, Tensor seed,
      Tensor predicted, String relation) {
    GradientDiff d = GradientComparison.compare(gradient, autograd, seed, TOL);
    GradientDiff check = GradientComparison.compare(gradient, predicted, seed, TOL);
    return row(d, relation, check.agrees());
  }

  /** A quantity shown to agree with autograd, to place the slip (e.g. the δ's of seed 002). */
  public static PinnedSlip.Row agrees(String gradient, Tensor autograd, Tensor seed,
      String evidence) {
    GradientDiff d = GradientComparison.compare(gradient, autograd, seed, TOL);
    return row(d, evidence, d.agrees());
  }

  /** A formula that evaluates to the wrong shape: confirmed when the shapes differ. */
  public static PinnedSlip.Row shapeMismatch(String gradient, Tensor autograd, Tensor seed,
      String evidence) {
    GradientDiff d = GradientComparison.compare(gradient, autograd, seed, TOL);
    return row(d, evidence, d.verdict() == GradientDiff.Verdict.SHAPE_MISMATCH);
  }

  /** A formula that cannot be evaluated: confirmed when it throws a shape error. */
  public static PinnedSlip.Row cannotEvaluate(String gradient, Supplier<Tensor> formula) {
    try {
      Tensor t = formula.get();
      return new PinnedSlip.Row(gradient, t.shape().toString(), Double.NaN, Double.NaN,
          PinnedSlip.Outcome.DIFFERS, "evaluated without a shape error", false);
    } catch (FormulaShapeException e) {
      String shapes = e.shapes().stream().map(Object::toString)
          .reduce((a, b) -> a + "·" + b).orElse("");
      return new PinnedSlip.Row(gradient, shapes, Double.NaN, Double.NaN,
          PinnedSlip.Outcome.CANNOT_BE_EVALUATED, e.reason(), true);
    }
  }

  private static PinnedSlip.Row row(GradientDiff d, String evidence, boolean explained) {
    PinnedSlip.Outcome outcome = switch (d.verdict()) {
      case AGREES -> PinnedSlip.Outcome.AGREES;
      case DIFFERS -> PinnedSlip.Outcome.DIFFERS;
      case SHAPE_MISMATCH -> PinnedSlip.Outcome.SHAPE_MISMATCH;
    };
    String shape = d.manualShape().equals(d.autogradShape()) ? d.manualShape().toString()
        : d.manualShape() + " vs " + d.autogradShape();
    return new PinnedSlip.Row(d.name(), shape, d.maxAbsDiff(), d.maxRelDiff(), outcome, evidence,
        explained);
  }
}
