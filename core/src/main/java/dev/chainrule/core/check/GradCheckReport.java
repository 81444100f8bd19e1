package dev.chainrule.core.check;

import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.stream.Collectors;

/** The outcome of a gradient check: per checked node, the largest absolute and relative errors. */
public final class GradCheckReport {
  private final List<Entry> entries;

  GradCheckReport(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** Returns one entry per checked node, in the order checked. */
  public List<Entry> entries() {
    return entries;
  }

  /** Returns the largest relative error over all nodes. */
  public double maxRelativeError() {
    return entries.stream().mapToDouble(Entry::maxRelative).max().orElse(0);
  }

  /** Returns the largest absolute error over all nodes. */
  public double maxAbsoluteError() {
    return entries.stream().mapToDouble(Entry::maxAbsolute).max().orElse(0);
  }

  /**
   * Returns true when every element agrees: absolute error ≤ {@code tolerance} or relative error ≤
   * {@code tolerance}.
   */
  public boolean passes(double tolerance) {
    return entries.stream().allMatch(e -> e.maxAbsolute() <= tolerance
        || e.maxRelative() <= tolerance);
  }

  /** Returns one line per node with its errors. */
  @Override
  public String toString() {
    return entries.stream().map(Entry::toString).collect(Collectors.joining("\n"));
  }

  /**
   * The comparison for one node.
   *
   * @param name the node's name
   * @param analytic the gradient reverse mode computed
   * @param numeric the central-difference estimate
   * @param maxAbsolute the largest |analytic − numeric|
   * @param maxRelative the largest |analytic − numeric| / max(|analytic|, |numeric|, 1e-12)
   * @param worstIndex the flat index of the element with the largest relative error
   */
  public record Entry(String name, Tensor analytic, Tensor numeric, double maxAbsolute,
      double maxRelative, int worstIndex) {
    static Entry compare(String name, Tensor analytic, Tensor numeric) {
      double[] a = analytic.buffer();
      double[] n = numeric.buffer();
      double maxAbs = 0;
      double maxRel = 0;
      int worst = -1;
      for (int i = 0; i < a.length; i++) {
        double diff = Math.abs(a[i] - n[i]);
        double rel = diff / Math.max(Math.max(Math.abs(a[i]), Math.abs(n[i])), 1e-12);
        maxAbs = Math.max(maxAbs, diff);
        if (rel > maxRel || worst < 0) {
          maxRel = Math.max(maxRel, rel);
          worst = i;
        }
      }
      return new Entry(name, analytic, numeric, maxAbs, maxRel, worst);
    }

    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "%s %s: max abs error %.3e, max rel error %.3e",
          name, analytic.shape(), maxAbsolute, maxRelative);
    }
  }
}
