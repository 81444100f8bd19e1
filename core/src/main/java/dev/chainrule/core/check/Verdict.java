package dev.chainrule.core.check;

/** The outcome of comparing a hand-derived formula with reverse mode. */
public enum Verdict {
  /** Same shape, and equal to reverse mode within the tolerance. */
  AGREES,
  /** Same shape, different values. */
  DIFFERS,
  /** The formula cannot be evaluated (its products do not conform) or has another shape. */
  SHAPE_MISMATCH
}
