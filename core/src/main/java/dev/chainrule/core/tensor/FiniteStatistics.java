package dev.chainrule.core.tensor;

/**
 * The finite elements of an array summarised, NaN and infinities left out: how many there are,
 * their sum, smallest and largest, from which follow their {@link #mean()} and, in a second pass
 * about a centre the caller picks, their {@link #sd standard deviation}. What a node's label in a
 * picture and the explorer's node panel say of a tensor too big to show in full.
 *
 * @param count how many elements are finite
 * @param sum their sum, added in array order
 * @param min the smallest of them (+∞ when none is finite)
 * @param max the largest of them (−∞ when none is finite)
 */
public record FiniteStatistics(int count, double sum, double min, double max) {
  /** Returns the summary of the finite elements of {@code values}, in one pass. */
  public static FiniteStatistics of(double[] values) {
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int count = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        sum += v;
        min = Math.min(min, v);
        max = Math.max(max, v);
        count++;
      }
    }
    return new FiniteStatistics(count, sum, min, max);
  }

  /** Returns the mean of the finite elements, sum / count; NaN when none is finite. */
  public double mean() {
    return count == 0 ? Double.NaN : sum / count;
  }

  /**
   * Returns the population standard deviation about {@code center}, √(Σ (v − center)² / count)
   * over the finite elements v of {@code values}, the array this summarises (the centre is
   * usually the {@link #mean()}, or a mean the caller has rounded); NaN when none is finite.
   */
  public double sd(double[] values, double center) {
    double squares = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        squares += (v - center) * (v - center);
      }
    }
    return Math.sqrt(squares / count);
  }
}
