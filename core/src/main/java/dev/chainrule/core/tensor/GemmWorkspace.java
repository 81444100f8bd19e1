package dev.chainrule.core.tensor;

/**
 * Per-thread scratch of the blocked GEMM: a packed panel of op(B), one array per row, and a tile of
 * C rows. Allocated once per thread and reused, so repeated products do not allocate. The panel,
 * {@code KC · NC · 8} bytes = 384 KiB, stays in a 1 MiB L2 cache while rows of A stream past it;
 * 256 × 192 measured best among 128–512 × 64–512 on a 1024³ product and an MLP's shapes.
 */
final class GemmWorkspace {
  /** Rows of op(B) (the k direction) in one packed panel. */
  static final int KC = 256;
  /** Columns of op(B) and C (the n direction) in one packed panel. */
  static final int NC = 192;

  private static final ThreadLocal<GemmWorkspace> PER_THREAD =
      ThreadLocal.withInitial(GemmWorkspace::new);

  /** {@code panel[p][j]} holds op(B)[pc + p][jc + j] of the panel being multiplied. */
  final double[][] panel = new double[KC][NC];
  /** {@code tile[r][j]} holds C[i + r][jc + j] while its rows are being accumulated. */
  final double[][] tile = new double[GemmKernel.MR][NC];

  private GemmWorkspace() {}

  /** Returns the calling thread's workspace. */
  static GemmWorkspace get() {
    return PER_THREAD.get();
  }
}
