package dev.chainrule.core.tensor;

import static dev.chainrule.core.tensor.BlockedGemm.MR;

import java.util.Arrays;

/**
 * One thread's workspace of the blocked GEMM on floats, as {@link DoubleTiles} is on doubles: a
 * packed panel of op(B) and a tile of C rows, allocated once per thread and reused. The panel,
 * {@code KC · NC · 4} bytes, is as large in bytes as the double one, twice as wide.
 */
final class FloatTiles implements GemmTiles<float[]> {
  /** Rows of op(B) (the k direction) in one packed panel. */
  static final int KC = 256;
  /** Columns of op(B) and C (the n direction) in one packed panel. */
  static final int NC = 384;

  private static final ThreadLocal<FloatTiles> PER_THREAD =
      ThreadLocal.withInitial(FloatTiles::new);

  /** {@code panel[p][j]} holds op(B)[pc + p][jc + j] of the panel being multiplied. */
  private final float[][] panel = new float[KC][NC];
  /** {@code tile[r][j]} holds C[i + r][jc + j] while its rows are being accumulated. */
  private final float[][] tile = new float[MR][NC];

  private FloatTiles() {}

  /** Returns the calling thread's workspace. */
  static FloatTiles get() {
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
  public void rows4(GemmCall<float[]> g, int i, int pc, int jc, int kw, int nw, double beta) {
    float[][] t = tile;
    int rs = g.rowStrideA();
    int cs = g.columnStrideA();
    int ai = g.aOff() + i * rs + pc * cs;
    int even = kw & ~1;
    for (int r = 0; r < MR; r++) {
      load(g, i + r, jc, t[r], nw, beta);
    }
    float alpha = (float) g.alpha();
    FloatKernel.rows4(nw, even, alpha, g.a(), ai, rs, cs, panel, t[0], t[1], t[2], t[3]);
    if (even < kw) {
      FloatKernel.rows4Last(nw, alpha, g.a(), ai + even * cs, rs, panel[even], t[0], t[1], t[2],
          t[3]);
    }
    for (int r = 0; r < MR; r++) {
      store(g, i + r, jc, t[r], nw);
    }
  }

  @Override
  public void row(GemmCall<float[]> g, int i, int pc, int jc, int kw, int nw, double beta) {
    float[] t = tile[0];
    int cs = g.columnStrideA();
    int ai = g.aOff() + i * g.rowStrideA() + pc * cs;
    int even = kw & ~1;
    load(g, i, jc, t, nw, beta);
    float alpha = (float) g.alpha();
    FloatKernel.rows1(nw, even, alpha, g.a(), ai, cs, panel, t);
    if (even < kw) {
      FloatKernel.rows1Last(nw, alpha * g.a()[ai + even * cs], panel[even], t);
    }
    store(g, i, jc, t, nw);
  }

  /**
   * Copies {@code beta · C[i][jc + j]} into {@code t[j]} for {@code j < nw}, without reading C when
   * beta is 0.
   */
  private static void load(GemmCall<float[]> g, int i, int jc, float[] t, int nw,
      double betaAsDouble) {
    float[] c = g.c();
    float beta = (float) betaAsDouble;
    if (beta == 0.0) {
      Arrays.fill(t, 0, nw, 0.0f);
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
  private static void store(GemmCall<float[]> g, int i, int jc, float[] t, int nw) {
    if (g.transC()) {
      float[] c = g.c();
      int to = g.cOff() + jc * g.ldc() + i;
      for (int j = 0; j < nw; j++) {
        c[to + j * g.ldc()] = t[j];
      }
    } else {
      System.arraycopy(t, 0, g.c(), g.cOff() + i * g.ldc() + jc, nw);
    }
  }

  @Override
  public void pack(GemmCall<float[]> g, int pc, int jc, int kw, int nw) {
    float[] b = g.b();
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
