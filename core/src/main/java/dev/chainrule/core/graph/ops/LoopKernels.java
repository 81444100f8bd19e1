package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Kernel;
import dev.chainrule.core.tensor.DType;

/**
 * Kernels made of a prepared loop written once per element type, as the reductions, pools and
 * convolutions have them: {@link #unary} and {@link #binary} pick, by the plan's dtype, the loop on
 * {@code double[]} or the one on {@code float[]}, and run it on the inputs' and the output's
 * buffers of that type.
 */
final class LoopKernels {
  private LoopKernels() {}

  /**
   * A loop from one input's buffer to the output's.
   *
   * @param <A> the buffer type, {@code double[]} or {@code float[]}
   */
  @FunctionalInterface
  interface UnaryLoop<A> {
    /** Writes every element of {@code out} from {@code in}. */
    void run(A in, A out);
  }

  /**
   * A loop from two inputs' buffers to the output's.
   *
   * @param <A> the buffer type, {@code double[]} or {@code float[]}
   */
  @FunctionalInterface
  interface BinaryLoop<A> {
    /** Writes every element of {@code out} from {@code first} and {@code second}. */
    void run(A first, A second, A out);
  }

  /** Returns the kernel running {@code narrow} on float32 tensors, {@code wide} on float64. */
  static Kernel unary(DType dtype, UnaryLoop<double[]> wide, UnaryLoop<float[]> narrow) {
    if (dtype == DType.FLOAT32) {
      return (in, out) -> narrow.run(in[0].floatBuffer(), out.floatBuffer());
    }
    return (in, out) -> wide.run(in[0].buffer(), out.buffer());
  }

  /**
   * Returns the kernel running {@code narrow} on float32 tensors, {@code wide} on float64, with
   * input 0 as the loop's first operand and input 1 as its second.
   */
  static Kernel binary(DType dtype, BinaryLoop<double[]> wide, BinaryLoop<float[]> narrow) {
    if (dtype == DType.FLOAT32) {
      return (in, out) -> narrow.run(in[0].floatBuffer(), in[1].floatBuffer(), out.floatBuffer());
    }
    return (in, out) -> wide.run(in[0].buffer(), in[1].buffer(), out.buffer());
  }
}
