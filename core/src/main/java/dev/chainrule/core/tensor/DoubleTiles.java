package dev.chainrule.core.tensor;

import static dev.chainrule.core.tensor.BlockedGemm.MR;

import java.util.Arrays;

/**
 * One thread's workspace of the blocked GEMM on doubles: a packed panel of op(B), one array per
 * row, and a tile of C rows, allocated once per thread and reused, so repeated products do not
 * allocate. The panel, {@code KC · NC · 8} bytes = 384 KiB, stays in a 1 MiB L2 cache while rows
 * of A stream past it; 256 × 192 measured best among 128–512 × 64–512 on a 1024³ product and an
 * MLP's shapes.
 */
final class DoubleTiles implements GemmTiles<double[]> {
  /** Rows of op(B) (the k direction) in one packed panel. */
  static final int KC = 256;
  /** Columns of op(B) and C (the n direction) in one packed panel. */
  static final int NC = 192;

  private static final ThreadLocal<DoubleTiles> PER_THREAD =
      ThreadLocal.withInitial(DoubleTiles::new);

  /** {@code panel[p][j]} holds op(B)[pc + p][jc + j] of the panel being multiplied. */
  private final double[][] panel = new double[KC][NC];
  /** {@code tile[r][j]} holds C[i + r][jc + j] while its rows are being accumulated. */
  private final double[][] tile = new double[MR][NC];

  private DoubleTiles() {}

  /** Returns the calling thread's workspace. */
  static DoubleTiles get() {
    return PER_THREAD.get();
  }

  @Override
  public int panelDepth() {
    return KC;
  }

  @Override
  public int panelWidth() {
    return NC;
  }

  @Override
  public void rows4(GemmCall<double[]> g, int i, int pc, int jc, int kw, int nw, double beta) {
    double[][] t = tile;
    int rs = g.rowStrideA();
    int cs = g.columnStrideA();
    int ai = g.aOff() + i * rs + pc * cs;
    int even = kw & ~1;
    for (int r = 0; r < MR; r++) {
      load(g, i + r, jc, t[r], nw, beta);
    }
    DoubleKernel.rows4(nw, even, g.alpha(), g.a(), ai, rs, cs, panel, t[0], t[1], t[2], t[3]);
    if (even < kw) {
      DoubleKernel.rows4Last(nw, g.alpha(), g.a(), ai + even * cs, rs, panel[even], t[0], t[1],
          t[2], t[3]);
    }
    for (int r = 0; r < MR; r++) {
      store(g, i + r, jc, t[r], nw);
    }
  }

  @Override
  public void row(GemmCall<double[]> g, int i, int pc, int jc, int kw, int nw, double beta) {
    double[] t = tile[0];
    int cs = g.columnStrideA();
    int ai = g.aOff() + i * g.rowStrideA() + pc * cs;
    int even = kw & ~1;
    load(g, i, jc, t, nw, beta);
    DoubleKernel.rows1(nw, even, g.alpha(), g.a(), ai, cs, panel, t);
    if (even < kw) {
      DoubleKernel.rows1Last(nw, g.alpha() * g.a()[ai + even * cs], panel[even], t);
    }
    store(g, i, jc, t, nw);
  }

  /**
   * Copies {@code beta · C[i][jc + j]} into {@code t[j]} for {@code j < nw}, without reading C when
   * beta is 0.
   */
  private static void load(GemmCall<double[]> g, int i, int jc, double[] t, int nw, double beta) {
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
  private static void store(GemmCall<double[]> g, int i, int jc, double[] t, int nw) {
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

  @Override
  public void pack(GemmCall<double[]> g, int pc, int jc, int kw, int nw) {
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
