package dev.chainrule.core.tensor;

/**
 * What the windowed kernels, {@link Convolution} (through {@link Im2col}) and {@link Pooling}, do
 * differently for each element type {@code A} ({@code double[]} or {@code float[]}): the
 * innermost loops over a row of a column matrix or over the taps of one window, which Java cannot
 * share between primitive types. The geometry, the tap offsets and the loops over samples,
 * channels and positions are written once in those classes. Implemented by {@link
 * DoubleWindowLoops} and {@link FloatWindowLoops}.
 *
 * @param <A> the array type of the tensors
 */
interface WindowLoops<A> {
  /** Returns the GEMM loops of the same element type, for the convolutions' products. */
  GemmPrecision<A> gemm();

  /** Returns a new zeroed array of {@code length} elements. */
  A allocate(int length);

  /** Writes zeros into {@code a} from index {@code from} up to, not including, {@code to}. */
  void zero(A a, int from, int to);

  /**
   * Copies {@code count} elements of {@code src}, {@code step} apart from {@code from}, to
   * consecutive places of {@code dst} from {@code to}; modifies {@code dst}.
   */
  void gather(A src, int from, int step, A dst, int to, int count);

  /** Copies {@code src[from]} to {@code dst[to]}; modifies {@code dst}. */
  void copy(A src, int from, A dst, int to);

  /**
   * Adds {@code count} consecutive elements of {@code src} from {@code from} onto elements of
   * {@code dst} {@code step} apart from {@code to}; modifies {@code dst}.
   */
  void scatterAdd(A src, int from, A dst, int to, int step, int count);

  /**
   * Returns the offset of the first largest of the window's taps {@code offsets[from..to)} in
   * the plane of {@code x} starting at {@code plane}, skipping taps over padding (offset −1).
   */
  int argmax(A x, int plane, int[] offsets, int from, int to);

  /**
   * Writes into {@code out[at]} the sum of the window's taps {@code offsets[from..to)} of the
   * plane of {@code x} starting at {@code plane} (padding counting 0), divided by {@code taps}.
   */
  void average(A x, int plane, int[] offsets, int from, int to, int taps, A out, int at);

  /**
   * Adds {@code g[at] / taps} onto each of the window's taps {@code offsets[from..to)} of the plane
   * of {@code dx} starting at {@code plane}, skipping taps over padding; modifies {@code dx}.
   */
  void spread(A g, int at, int taps, A dx, int plane, int[] offsets, int from, int to);
}
