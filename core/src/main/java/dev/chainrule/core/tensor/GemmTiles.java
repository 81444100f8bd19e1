package dev.chainrule.core.tensor;

/**
 * One thread's workspace of the blocked GEMM for element type {@code A}, and the steps of
 * {@link BlockedGemm#block} that touch elements: packing a panel of op(B), and adding {@code alpha
 * · A-block · B-panel} into rows of C, staged through a tile so that the inner loops index every
 * array by the bare loop counter (see {@link DoubleKernel}).
 *
 * @param <A> the array type of the operands
 */
interface GemmTiles<A> {
  /** Returns the most rows of op(B) (the k direction) one packed panel holds. */
  int panelDepth();

  /** Returns the most columns of op(B) and C (the n direction) one packed panel holds. */
  int panelWidth();

  /**
   * Packs op(B)[pc + p][jc + j] for {@code p < kw}, {@code j < nw} into the panel; {@code kw} and
   * {@code nw} are at most {@link #panelDepth()} and {@link #panelWidth()}.
   */
  void pack(GemmCall<A> g, int pc, int jc, int kw, int nw);

  /**
   * Sets the {@link BlockedGemm#MR} rows of C from row {@code i}, columns {@code jc ≤ j < jc + nw},
   * to {@code beta · C + alpha · op(A)[i..][pc..pc + kw] · panel}; beta 0 ignores what C held.
   */
  void rows4(GemmCall<A> g, int i, int pc, int jc, int kw, int nw, double beta);

  /** Like {@link #rows4} for the single row {@code i}. */
  void row(GemmCall<A> g, int i, int pc, int jc, int kw, int nw, double beta);
}
