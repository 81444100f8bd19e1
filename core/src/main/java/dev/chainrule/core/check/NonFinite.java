package dev.chainrule.core.check;

import dev.chainrule.core.tensor.Tensor;

/**
 * Where a hand-derived formula and reverse mode disagree by a value that is not finite: how many
 * elements, the first of them, and which side is NaN or infinite there, e.g. "manual is NaN at 1
 * of 3 elements, first at (1), where autograd is 4".
 *
 * @param count the number of non-finite mismatches
 * @param firstFlat the flat index of the first
 * @param side "manual" or "autograd": the side that is not finite at the first
 * @param allNaN true when that side is NaN (not ±∞) at every mismatch where it is not finite
 * @param other the other side's value at the first
 */
record NonFinite(int count, int firstFlat, String side, boolean allNaN, double other) {
  /** Returns the non-finite mismatches of {@code manual} against {@code autograd}, or null. */
  static NonFinite of(Tensor manual, Tensor autograd) {
    int count = 0;
    int first = -1;
    boolean manualSide = true;
    boolean allNaN = true;
    for (int i = 0; i < manual.size(); i++) {
      double m = manual.buffer()[i];
      double a = autograd.buffer()[i];
      if (!Errors.nonFiniteMismatch(m, a)) {
        continue;
      }
      if (count++ == 0) {
        first = i;
        manualSide = !Double.isFinite(m);
      }
      double v = manualSide ? m : a;
      allNaN &= Double.isNaN(v) || Double.isFinite(v);
    }
    if (count == 0) {
      return null;
    }
    return new NonFinite(count, first, manualSide ? "manual" : "autograd", allNaN,
        (manualSide ? autograd : manual).buffer()[first]);
  }

  /**
   * Returns the words for the mismatches of a gradient of {@code size} elements, the first at
   * index {@code at}, e.g. {@code manual is NaN at 1 of 3 elements, first at (1), where autograd
   * is 4}; for a single element, {@code manual is NaN where autograd is 4}.
   */
  String describe(int size, String at) {
    String otherSide = side.equals("manual") ? "autograd" : "manual";
    String what = side + " is " + (allNaN ? "NaN" : "not finite");
    String where = size == 1 ? "" : " at " + count + " of " + size + " elements, first at " + at
        + ",";
    return what + where + " where " + otherSide + " is " + ComparisonText.num(other);
  }
}
