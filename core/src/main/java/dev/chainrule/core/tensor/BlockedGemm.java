package dev.chainrule.core.tensor;

import static dev.chainrule.core.tensor.GemmKernel.MR;
import static dev.chainrule.core.tensor.GemmWorkspace.KC;
import static dev.chainrule.core.tensor.GemmWorkspace.NC;

import java.util.Arrays;

/**
 * The cache-blocked GEMM: op(B) is packed into panels of {@code KC × NC} that stay in cache while
 * every row of the C block streams past them, four rows at a time through {@link GemmKernel}.
 * Large products are cut into blocks of C that {@link GemmPool} runs in parallel; each C element is
 * computed by one thread in one fixed order, so results do not depend on the thread count.
 */
final class BlockedGemm {
  /**
   * The fewest columns worth a call of the vectorised kernel: one vector of doubles. Calls with
   * fewer columns would also teach C2 to compile the kernel without vectorising it.
   */
  static final int MIN_WIDTH = 8;
  /** The fewest rows of C a parallel task gets when there are enough rows to go round. */
  static final int MIN_ROWS_PER_TASK = 64;

  private BlockedGemm() {}

  /**
   * Computes the whole call, on up to {@code threads} threads. The blocks of C handed out are
   * column panels of op(B) times row blocks of about four tasks per thread, so that a thread that
   * wakes late or runs slowly delays the product by a small block only; a row block keeps at least
   * {@link #MIN_ROWS_PER_TASK} rows so that re-packing its B panel stays cheap.
   */
  static void run(GemmCall g, int threads) {
    int width = panelWidth(g.n());
    int panels = (g.n() + width - 1) / width;
    int perThread = Math.min(threads, (g.m() + MR - 1) / MR);
    int rowBlocks = Math.min((4 * threads + panels - 1) / panels,
        Math.max(g.m() / MIN_ROWS_PER_TASK, perThread));
    if (threads <= 1 || rowBlocks * panels <= 1) {
      block(g, GemmWorkspace.get(), 0, g.m(), 0, g.n());
      return;
    }
    int rowsPerBlock = ((g.m() + rowBlocks - 1) / rowBlocks + MR - 1) / MR * MR;
    int blocks = (g.m() + rowsPerBlock - 1) / rowsPerBlock;
    GemmPool.run(threads, blocks * panels, task -> {
      int i0 = task / panels * rowsPerBlock;
      int j0 = task % panels * width;
      block(g, GemmWorkspace.get(), i0, Math.min(g.m(), i0 + rowsPerBlock), j0,
          Math.min(g.n(), j0 + width));
    });
  }

  /**
   * Returns the width of the column panels that cut {@code n} columns into as few panels of at most
   * {@code NC} as possible, all of about the same width (a multiple of 8 where it can be), so that
   * no thin last panel runs the kernel on fewer than {@link #MIN_WIDTH} columns.
   */
  static int panelWidth(int n) {
    int panels = (n + NC - 1) / NC;
    return Math.min(NC, ((n + panels - 1) / panels + 7) / 8 * 8);
  }

  /** Computes rows {@code [i0, i1)} and columns {@code [j0, j1)} of C. */
  static void block(GemmCall g, GemmWorkspace w, int i0, int i1, int j0, int j1) {
    int rs = g.transA() ? 1 : g.lda();
    int cs = g.transA() ? g.lda() : 1;
    int width = panelWidth(j1 - j0);
    double[][] t = w.tile;
    for (int jc = j0; jc < j1; jc += width) {
      int nw = Math.min(width, j1 - jc);
      for (int pc = 0; pc < g.k(); pc += KC) {
        int kw = Math.min(KC, g.k() - pc);
        pack(g, pc, jc, kw, nw, w.panel);
        double beta = pc == 0 ? g.beta() : 1.0;
        int even = kw & ~1;
        int i = i0;
        for (; i + MR <= i1; i += MR) {
          int ai = g.aOff() + i * rs + pc * cs;
          for (int r = 0; r < MR; r++) {
            load(g, i + r, jc, t[r], nw, beta);
          }
          GemmKernel.rows4(nw, even, g.alpha(), g.a(), ai, rs, cs, w.panel, t[0], t[1], t[2], t[3]);
          if (even < kw) {
            GemmKernel.rows4Last(nw, g.alpha(), g.a(), ai + even * cs, rs, w.panel[even], t[0],
                t[1], t[2], t[3]);
          }
          for (int r = 0; r < MR; r++) {
            store(g, i + r, jc, t[r], nw);
          }
        }
        for (; i < i1; i++) {
          int ai = g.aOff() + i * rs + pc * cs;
          load(g, i, jc, t[0], nw, beta);
          GemmKernel.rows1(nw, even, g.alpha(), g.a(), ai, cs, w.panel, t[0]);
          if (even < kw) {
            GemmKernel.rows1Last(nw, g.alpha() * g.a()[ai + even * cs], w.panel[even], t[0]);
          }
          store(g, i, jc, t[0], nw);
        }
      }
    }
  }

  /**
   * Copies {@code beta · C[i][jc + j]} into {@code t[j]} for {@code j < nw}, without reading C when
   * beta is 0.
   */
  private static void load(GemmCall g, int i, int jc, double[] t, int nw, double beta) {
    double[] c = g.c();
    if (beta == 0.0) {
      Arrays.fill(t, 0, nw, 0.0);
    } else if (g.transC()) {
      int from = g.cOff() + jc * g.ldc() + i;
      for (int j = 0; j < nw; j++) {
        t[j] = beta * c[from + j * g.ldc()];
      }
    } else if (beta == 1.0) {
      System.arraycopy(c, g.cOff() + i * g.ldc() + jc, t, 0, nw);
    } else {
      int from = g.cOff() + i * g.ldc() + jc;
      for (int j = 0; j < nw; j++) {
        t[j] = beta * c[from + j];
      }
    }
  }

  /** Copies {@code t[j]} back into {@code C[i][jc + j]} for {@code j < nw}. */
  private static void store(GemmCall g, int i, int jc, double[] t, int nw) {
    if (g.transC()) {
      double[] c = g.c();
      int to = g.cOff() + jc * g.ldc() + i;
      for (int j = 0; j < nw; j++) {
        c[to + j * g.ldc()] = t[j];
      }
    } else {
      System.arraycopy(t, 0, g.c(), g.cOff() + i * g.ldc() + jc, nw);
    }
  }

  /** Packs op(B)[pc + p][jc + j] for {@code p < kw}, {@code j < nw} into {@code panel[p][j]}. */
  private static void pack(GemmCall g, int pc, int jc, int kw, int nw, double[][] panel) {
    double[] b = g.b();
    int ldb = g.ldb();
    if (!g.transB()) {
      int from = g.bOff() + pc * ldb + jc;
      for (int p = 0; p < kw; p++) {
        System.arraycopy(b, from + p * ldb, panel[p], 0, nw);
      }
      return;
    }
    int from = g.bOff() + jc * ldb + pc;
    for (int j = 0; j < nw; j++) {
      int row = from + j * ldb;
      for (int p = 0; p < kw; p++) {
        panel[p][j] = b[row + p];
      }
    }
  }
}
