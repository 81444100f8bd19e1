package dev.chainrule.core.tensor;

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
 * <p>Each product has a {@code double[]} and a {@code float[]} form, for an instance made for
 * that {@link DType}: the float one fills float column matrices and calls the float GEMM, so
 * every product accumulates in float, as {@code sgemm} does. The loops are written once, with
 * the element type's innermost loops taken from {@link WindowLoops}.
 *
 * <p>The products run on the pure-Java GEMM unless the native BLAS is forced ({@code
 * chainrule.blas=native}): per sample they are small to medium (16 × 25 × 784 to 32 × 400 × 196
 * in the {@code cnn} example), where the JNI call and OpenBLAS's thread hand-off cost more than
 * they save — the {@code cnn} training step (bench W6) ran 2.7 times faster on the Java kernel
 * than through OpenBLAS on this project's 2-core machine.
 */
public final class Convolution {
  private final ConvGeometry g;
  private final DType dtype;
  private final Object cols;

  /** Creates the float64 kernels of the convolution {@code geometry}, allocating its scratch. */
  public Convolution(ConvGeometry geometry) {
    this(geometry, DType.FLOAT64);
  }

  /**
   * Creates the kernels of the convolution {@code geometry} on tensors of {@code dtype},
   * allocating its scratch space (a column matrix of that dtype).
   */
  public Convolution(ConvGeometry geometry, DType dtype) {
    this.g = geometry;
    this.dtype = dtype;
    this.cols = loops(dtype).allocate(geometry.patch() * geometry.positions());
  }

  private static WindowLoops<?> loops(DType dtype) {
    return dtype == DType.FLOAT32 ? FloatWindowLoops.INSTANCE : DoubleWindowLoops.INSTANCE;
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
    forward(x, kernel, z, doubleCols(), DoubleWindowLoops.INSTANCE);
  }

  /** Writes Z = W ⋆ X as the double {@code forward} does, on floats, accumulating in float. */
  public void forward(float[] x, float[] kernel, float[] z) {
    forward(x, kernel, z, floatCols(), FloatWindowLoops.INSTANCE);
  }

  /** Writes dX = W ⋆ᵀ dZ: {@code kernel} and the output gradient {@code dz} into dx. */
  public void inputGradient(double[] kernel, double[] dz, double[] dx) {
    inputGradient(kernel, dz, dx, doubleCols(), DoubleWindowLoops.INSTANCE);
  }

  /** Writes dX = W ⋆ᵀ dZ as the double {@code inputGradient} does, on floats. */
  public void inputGradient(float[] kernel, float[] dz, float[] dx) {
    inputGradient(kernel, dz, dx, floatCols(), FloatWindowLoops.INSTANCE);
  }

  /** Writes dW = X ⋆ dZ: the input {@code x} and the output gradient {@code dz} into dk. */
  public void kernelGradient(double[] x, double[] dz, double[] dk) {
    kernelGradient(x, dz, dk, doubleCols(), DoubleWindowLoops.INSTANCE);
  }

  /** Writes dW = X ⋆ dZ as the double {@code kernelGradient} does, on floats. */
  public void kernelGradient(float[] x, float[] dz, float[] dk) {
    kernelGradient(x, dz, dk, floatCols(), FloatWindowLoops.INSTANCE);
  }

  private double[] doubleCols() {
    requireDType(DType.FLOAT64);
    return (double[]) cols;
  }

  private float[] floatCols() {
    requireDType(DType.FLOAT32);
    return (float[]) cols;
  }

  private void requireDType(DType called) {
    if (called != dtype) {
      throw new IllegalStateException("this convolution " + g.inputShape() + " ⋆ "
          + g.kernelShape() + " was prepared for " + dtype + " tensors but called on " + called
          + " ones; make one with new Convolution(geometry, DType." + called.name() + ")");
    }
  }

  private <A> void forward(A x, A kernel, A z, A cols, WindowLoops<A> loops) {
    int patch = g.patch();
    int positions = g.positions();
    int groupFilters = g.f() / g.groups();
    for (int s = 0; s < g.n(); s++) {
      for (int group = 0; group < g.groups(); group++) {
        Im2col.fill(g, x, s, group, cols, loops);
        Gemm.run(backend(), false, false, groupFilters, positions, patch, 1.0, kernel,
            group * groupFilters * patch, patch, cols, 0, positions, 0.0, z,
            (s * g.f() + group * groupFilters) * positions, positions, loops.gemm());
      }
    }
  }

  private <A> void inputGradient(A kernel, A dz, A dx, A cols, WindowLoops<A> loops) {
    int patch = g.patch();
    int positions = g.positions();
    int groupFilters = g.f() / g.groups();
    loops.zero(dx, 0, g.n() * g.c() * g.h() * g.w());
    for (int s = 0; s < g.n(); s++) {
      for (int group = 0; group < g.groups(); group++) {
        Gemm.run(backend(), true, false, patch, positions, groupFilters, 1.0, kernel,
            group * groupFilters * patch, patch, dz,
            (s * g.f() + group * groupFilters) * positions, positions, 0.0, cols, 0, positions,
            loops.gemm());
        Im2col.accumulate(g, cols, s, group, dx, loops);
      }
    }
  }

  private <A> void kernelGradient(A x, A dz, A dk, A cols, WindowLoops<A> loops) {
    int patch = g.patch();
    int positions = g.positions();
    int groupFilters = g.f() / g.groups();
    for (int s = 0; s < g.n(); s++) {
      for (int group = 0; group < g.groups(); group++) {
        Im2col.fill(g, x, s, group, cols, loops);
        Gemm.run(backend(), false, true, groupFilters, patch, positions, 1.0, dz,
            (s * g.f() + group * groupFilters) * positions, positions, cols, 0, positions,
            s == 0 ? 0.0 : 1.0, dk, group * groupFilters * patch, patch, loops.gemm());
      }
    }
  }
}
