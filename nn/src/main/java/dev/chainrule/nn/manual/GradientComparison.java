package dev.chainrule.nn.manual;

import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares manual gradients with autograd's, by name: per gradient the largest absolute and
 * relative difference and a verdict. Plain tensors and maps in, {@link GradientDiff} records out,
 * so a richer checker can replace it without touching the formulas.
 *
 * <p>The relative difference is normwise, max|a − m| / max|a| with a the autograd gradient: an
 * element that should be 0 and comes out as 1e-17 does not count as a 100% error. When a whole
 * set of gradients is compared ({@link #compareAll}), the scale is the largest element of all of
 * them, ‖∇J‖∞: the relative error of the full gradient vector. A bias gradient such as
 * db = (1/m)·Σ dZ is a sum whose terms nearly cancel, so its own size says nothing about the
 * rounding error its m terms carry; measured against ‖∇J‖∞ it is judged like every other element.
 */
public final class GradientComparison {
  /** The tolerance the seeds' comparisons use: formulas agree to 1e-12 relative. */
  public static final double TOLERANCE = 1e-12;

  private GradientComparison() {}

  /** Compares one gradient; different shapes give {@link GradientDiff.Verdict#SHAPE_MISMATCH}. */
  public static GradientDiff compare(String name, Tensor autograd, Tensor manual,
      double tolerance) {
    return compare(name, autograd, manual, tolerance, largest(autograd));
  }

  private static double largest(Tensor t) {
    double scale = 0;
    for (double v : t.buffer()) {
      scale = Math.max(scale, Math.abs(v));
    }
    return scale;
  }

  private static GradientDiff compare(String name, Tensor autograd, Tensor manual,
      double tolerance, double scale) {
    if (!autograd.shape().equals(manual.shape())) {
      return new GradientDiff(name, autograd.shape(), manual.shape(), Double.NaN, Double.NaN,
          GradientDiff.Verdict.SHAPE_MISMATCH);
    }
    double maxAbs = autograd.maxAbsDifference(manual);
    double maxRel = maxAbs == 0 ? 0 : maxAbs / Math.max(scale, Double.MIN_NORMAL);
    GradientDiff.Verdict verdict = maxRel <= tolerance ? GradientDiff.Verdict.AGREES
        : GradientDiff.Verdict.DIFFERS;
    return new GradientDiff(name, autograd.shape(), manual.shape(), maxAbs, maxRel, verdict);
  }

  /**
   * Compares every gradient of {@code autograd} with the manual gradient of the same name, in
   * {@code autograd}'s order, relative to ‖∇J‖∞, the largest element of all of them; throws naming
   * a gradient the manual side does not have.
   */
  public static List<GradientDiff> compareAll(Map<String, Tensor> autograd,
      Map<String, Tensor> manual, double tolerance) {
    double scale = 0;
    for (Tensor t : autograd.values()) {
      scale = Math.max(scale, largest(t));
    }
    List<GradientDiff> out = new ArrayList<>();
    for (Map.Entry<String, Tensor> e : autograd.entrySet()) {
      Tensor m = manual.get(e.getKey());
      if (m == null) {
        throw new IllegalArgumentException("autograd computed " + e.getKey()
            + " but the manual formulas give only " + manual.keySet());
      }
      out.add(compare(e.getKey(), e.getValue(), m, tolerance, scale));
    }
    return out;
  }

  /** Returns the largest relative difference, +∞ when some shapes differ, 0 for an empty list. */
  public static double maxRelative(List<GradientDiff> diffs) {
    double max = 0;
    for (GradientDiff d : diffs) {
      max = Math.max(max, Double.isNaN(d.maxRelDiff()) ? Double.POSITIVE_INFINITY
          : d.maxRelDiff());
    }
    return max;
  }

  /**
   * Returns the single factor r with autograd = r·manual elementwise, to {@code tolerance}
   * relative, or NaN when the shapes differ, manual is all zeros or no single factor fits: the
   * evidence for a slip that is "off by a factor m".
   */
  public static double commonFactor(Tensor autograd, Tensor manual, double tolerance) {
    if (!autograd.shape().equals(manual.shape())) {
      return Double.NaN;
    }
    double[] a = autograd.buffer();
    double[] m = manual.buffer();
    double dot = 0;
    double norm = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * m[i];
      norm += m[i] * m[i];
    }
    if (norm == 0) {
      return Double.NaN;
    }
    double r = dot / norm;
    GradientDiff fit = compare("", autograd, manual.mul(r), tolerance);
    return fit.agrees() ? r : Double.NaN;
  }
}
