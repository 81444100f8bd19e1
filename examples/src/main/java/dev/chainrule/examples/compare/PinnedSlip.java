package dev.chainrule.examples.compare;

import java.util.List;

/**
 * One slip of a seed, pinned: the formula as the seed writes it, what it gives against autograd
 * for each gradient it touches, the numeric evidence for the explanation, the cause and the
 * corrected formula.
 *
 * @param id where the seed writes the formula, as seed:line, e.g. {@code 000:353}
 * @param formula the seed's formula, quoted
 * @param cause why it is a slip
 * @param corrected the formula that agrees with autograd
 * @param rows one row per gradient the slip touches
 */
public record PinnedSlip(String id, String formula, String cause, String corrected,
    List<Row> rows) {
  /** Keeps an unmodifiable copy of the rows. */
  public PinnedSlip {
    rows = List.copyOf(rows);
  }

  /** Returns true when every row's stated explanation was confirmed numerically. */
  public boolean explained() {
    return rows.stream().allMatch(Row::explained);
  }

  /** What the seed's formula gives for one gradient. */
  public enum Outcome {
    /** It agrees with autograd (shown where the slip lies elsewhere, e.g. in the cost). */
    AGREES("agrees"),
    /** It differs from the gradient of a mean exactly as a per-sample gradient does: by 1/m. */
    AGREES_PER_SAMPLE("AGREES per sample"),
    /** It evaluates to the right shape but a different value. */
    DIFFERS("DIFFERS"),
    /** It evaluates, but not to the parameter's shape. */
    SHAPE_MISMATCH("SHAPE MISMATCH"),
    /** It cannot be evaluated: its factors do not conform. */
    CANNOT_BE_EVALUATED("CANNOT BE EVALUATED");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    /** Returns the outcome as printed in tables. */
    public String label() {
      return label;
    }
  }

  /**
   * The seed's formula for one gradient against autograd.
   *
   * @param gradient the gradient's name in the seed's notation
   * @param shape the shape the seed's formula gives (and autograd's, when they differ)
   * @param maxAbsDiff the largest |autograd − seed's|; NaN when not comparable
   * @param maxRelDiff {@code maxAbsDiff} over the largest |autograd|; NaN when not comparable
   * @param outcome what the formula gives
   * @param evidence the numeric evidence for the explanation, e.g. "autograd = 7 × seed's (m)"
   * @param explained whether that evidence was confirmed to 1e-12
   */
  public record Row(String gradient, String shape, double maxAbsDiff, double maxRelDiff,
      Outcome outcome, String evidence, boolean explained) {}
}
