package dev.chainrule.core.tensor;

import java.util.Arrays;

/**
 * The three products of a 2-D convolution in NCHW layout, each as im2col and the {@link Gemm}
 * per sample and channel group, with the column matrix as scratch space kept by the instance (so
 * one instance must not run on two threads at once):
 *
 * <ul>
 *   <li>{@link #forward}: Z = W ⋆ X, Z[n, o] = Σ over taps of W[o] times the window of X[n];
 *   <li>{@link #inputGradient}: dX = W ⋆ᵀ dZ, the transposed convolution (for stride 1, the full
 *       convolution of dZ with the flipped kernel);
 *   <li>{@link #kernelGradient}: dW = X ⋆ dZ, the correlation of the input with the output
 *       gradient summed over the batch.
 * </ul>
 *
 * <p>The products run on the pure-Java GEMM unless the native BLAS is forced ({@code
 * chainrule.blas=native}): per sample they are small to medium (16 × 25 × 784 to 32 × 400 × 196
 * in the {@code cnn} example), where the JNI call and OpenBLAS's thread hand-off cost more than
 * they save — the {@code cnn} training step (bench W6) ran 2.7 times faster on the Java kernel
 * than through OpenBLAS on this project's 2-core machine.
 */
public final class Convolution {
  private final ConvGeometry g;
  private final double[] cols;

  /** Creates the kernels of the convolution {@code geometry}, allocating its scratch space. */
  public Convolution(ConvGeometry geometry) {
    this.g = geometry;
    this.cols = new double[geometry.patch() * geometry.positions()];
  }

  /** Returns the Java kernel, or the native BLAS when the user forces it. */
  private static GemmBackend backend() {
    return GemmBackend.configured() == GemmBackend.NATIVE ? GemmBackend.NATIVE : GemmBackend.JAVA;
  }

  /** Returns the geometry. */
  public ConvGeometry geometry() {
    return g;
  }

  /** Writes Z = W ⋆ X: {@code x} (n, c, h, w), {@code kernel} (f, c/groups, kh, kw) into z. */
  public void forward(double[] x, double[] kernel, double[] z) {
    int patch = g.patch();
    int positions = g.positions();
    int groupFilters = g.f() / g.groups();
    for (int s = 0; s < g.n(); s++) {
      for (int group = 0; group < g.groups(); group++) {
        Im2col.fill(g, x, s, group, cols);
        Gemm.gemm(backend(), false, false, groupFilters, positions, patch, 1.0, kernel,
            group * groupFilters * patch, patch, cols, 0, positions, 0.0, z,
            (s * g.f() + group * groupFilters) * positions, positions);
      }
    }
  }

  /** Writes dX = W ⋆ᵀ dZ: {@code kernel} and the output gradient {@code dz} into dx. */
  public void inputGradient(double[] kernel, double[] dz, double[] dx) {
    int patch = g.patch();
    int positions = g.positions();
    int groupFilters = g.f() / g.groups();
    Arrays.fill(dx, 0, g.n() * g.c() * g.h() * g.w(), 0.0);
    for (int s = 0; s < g.n(); s++) {
      for (int group = 0; group < g.groups(); group++) {
        Gemm.gemm(backend(), true, false, patch, positions, groupFilters, 1.0, kernel,
            group * groupFilters * patch, patch, dz,
            (s * g.f() + group * groupFilters) * positions, positions, 0.0, cols, 0, positions);
        Im2col.accumulate(g, cols, s, group, dx);
      }
    }
  }

  /** Writes dW = X ⋆ dZ: the input {@code x} and the output gradient {@code dz} into dk. */
  public void kernelGradient(double[] x, double[] dz, double[] dk) {
    int patch = g.patch();
    int positions = g.positions();
    int groupFilters = g.f() / g.groups();
    for (int s = 0; s < g.n(); s++) {
      for (int group = 0; group < g.groups(); group++) {
        Im2col.fill(g, x, s, group, cols);
        Gemm.gemm(backend(), false, true, groupFilters, patch, positions, 1.0, dz,
            (s * g.f() + group * groupFilters) * positions, positions, cols, 0, positions,
            s == 0 ? 0.0 : 1.0, dk, group * groupFilters * patch, patch);
      }
    }
  }
}
