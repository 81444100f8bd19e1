package dev.chainrule.core.tensor;

/**
 * The cache-blocked GEMM, for either element type: op(B) is packed into panels of {@code depth ×
 * width} that stay in cache while every row of the C block streams past them, {@link #MR} rows at a
 * time through the type's {@link GemmTiles}. Large products are cut into blocks of C that {@link
 * KernelPool} runs in parallel; each C element is computed by one thread in one fixed order, so
 * results do not depend on the thread count.
 */
final class BlockedGemm {
  /** Rows of C computed together by {@link GemmTiles#rows4}. */
  static final int MR = 4;
  /** The fewest rows of C a parallel task gets when there are enough rows to go round. */
  static final int MIN_ROWS_PER_TASK = 64;

  private BlockedGemm() {}

  /**
   * Computes the whole call, on up to {@code threads} threads. The blocks of C handed out are
   * column panels of op(B) times row blocks of about four tasks per thread, so that a thread that
   * wakes late or runs slowly delays the product by a small block only; a row block keeps at least
   * {@link #MIN_ROWS_PER_TASK} rows so that re-packing its B panel stays cheap.
   */
  static <A> void run(GemmCall<A> g, GemmPrecision<A> precision, int threads) {
    int width = panelWidth(g.n(), precision.tiles().panelWidth(), precision.lanes());
    int panels = (g.n() + width - 1) / width;
    int perThread = Math.min(threads, (g.m() + MR - 1) / MR);
    int rowBlocks = Math.min((4 * threads + panels - 1) / panels,
        Math.max(g.m() / MIN_ROWS_PER_TASK, perThread));
    if (threads <= 1 || rowBlocks * panels <= 1) {
      block(g, precision, 0, g.m(), 0, g.n());
      return;
    }
    int rowsPerBlock = ((g.m() + rowBlocks - 1) / rowBlocks + MR - 1) / MR * MR;
    int blocks = (g.m() + rowsPerBlock - 1) / rowsPerBlock;
    KernelPool.run(threads, blocks * panels, task -> {
      int i0 = task / panels * rowsPerBlock;
      int j0 = task % panels * width;
      block(g, precision, i0, Math.min(g.m(), i0 + rowsPerBlock), j0,
          Math.min(g.n(), j0 + width));
    });
  }

  /**
   * Returns the width of the column panels that cut {@code n} columns into as few panels of at most
   * {@code most} as possible, all of about the same width (a multiple of {@code lanes} where it can
   * be), so that no thin last panel runs the kernel on fewer than one vector of columns.
   */
  static int panelWidth(int n, int most, int lanes) {
    int panels = (n + most - 1) / most;
    return Math.min(most, ((n + panels - 1) / panels + lanes - 1) / lanes * lanes);
  }

  /** Computes rows {@code [i0, i1)} and columns {@code [j0, j1)} of C on the calling thread. */
  static <A> void block(GemmCall<A> g, GemmPrecision<A> precision, int i0, int i1, int j0,
      int j1) {
    GemmTiles<A> w = precision.tiles();
    int width = panelWidth(j1 - j0, w.panelWidth(), precision.lanes());
    int depth = w.panelDepth();
    for (int jc = j0; jc < j1; jc += width) {
      int nw = Math.min(width, j1 - jc);
      for (int pc = 0; pc < g.k(); pc += depth) {
        int kw = Math.min(depth, g.k() - pc);
        w.pack(g, pc, jc, kw, nw);
        double beta = pc == 0 ? g.beta() : 1.0;
        int i = i0;
        for (; i + MR <= i1; i += MR) {
          w.rows4(g, i, pc, jc, kw, nw, beta);
        }
        for (; i < i1; i++) {
          w.row(g, i, pc, jc, kw, nw, beta);
        }
      }
    }
  }
}
