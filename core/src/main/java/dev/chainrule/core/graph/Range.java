package dev.chainrule.core.graph;

/**
 * The positions a slice keeps along one axis, as NumPy's {@code start:stop:step}: negative
 * {@code start} and {@code stop} count from the end, out-of-range ones are clipped to the axis,
 * a missing one (null) means the axis's end in the direction of the step, and a negative step
 * walks backwards. {@code Range.of(1, -1)} is NumPy's {@code 1:-1}, {@code Range.every(-1)} its
 * {@code ::-1}.
 *
 * @param start the first position, or null for the beginning (the end for a negative step)
 * @param stop the position before which to stop, or null to run to the end (the beginning)
 * @param step the distance between kept positions; not 0
 */
public record Range(Integer start, Integer stop, int step) {
  /** Returns {@code :}, every position. */
  public static Range all() {
    return new Range(null, null, 1);
  }

  /** Returns {@code start:stop}. */
  public static Range of(int start, int stop) {
    return new Range(start, stop, 1);
  }

  /** Returns {@code start:stop:step}. */
  public static Range of(int start, int stop, int step) {
    return new Range(start, stop, step);
  }

  /** Returns {@code start:}, from {@code start} to the end. */
  public static Range from(int start) {
    return new Range(start, null, 1);
  }

  /** Returns {@code :stop}, from the beginning up to {@code stop}. */
  public static Range until(int stop) {
    return new Range(null, stop, 1);
  }

  /** Returns {@code ::step}, every {@code step}-th position (backwards for a negative step). */
  public static Range every(int step) {
    return new Range(null, null, step);
  }

  /**
   * Returns this range resolved on an axis of {@code size} positions as {first, step, count}, the
   * way NumPy resolves a slice.
   *
   * @throws IllegalArgumentException when the step is 0
   */
  public int[] resolve(int size) {
    if (step == 0) {
      throw new IllegalArgumentException("slice " + this + " has step 0; a step must be non-zero");
    }
    int first = start == null ? (step > 0 ? 0 : size - 1) : clip(start, size);
    int last = stop == null ? (step > 0 ? size : -1) : clip(stop, size);
    int span = step > 0 ? last - first : first - last;
    int count = span <= 0 ? 0 : (span - 1) / Math.abs(step) + 1;
    return new int[] {first, step, count};
  }

  private int clip(int position, int size) {
    int p = position < 0 ? position + size : position;
    if (p < 0) {
      return step < 0 ? -1 : 0;
    }
    if (p >= size) {
      return step < 0 ? size - 1 : size;
    }
    return p;
  }

  /** Returns the range as NumPy writes it, e.g. {@code 1:-1}, {@code ::2} or {@code :}. */
  @Override
  public String toString() {
    String s =
        (start == null ? "" : start.toString()) + ":" + (stop == null ? "" : stop.toString());
    return step == 1 ? s : s + ":" + step;
  }
}
