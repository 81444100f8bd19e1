package dev.chainrule.core.exec;

/**
 * How a {@link Plan} (or a training step, which runs one) is compiled: which optimisations the
 * compiler applies. Every optimisation gives the same numbers as the unoptimised plan, bit for bit,
 * except transposes folded into matrix products and the update fused into a gradient's matrix
 * product, which may round differently in the last bits. {@link #defaults()} turns everything on;
 * {@link #unoptimised()} runs each operation's own {@code forward} into a buffer of its own, the
 * reference the optimisations are tested and measured against.
 *
 * @param prepareKernels run each operation's {@link dev.chainrule.core.graph.Op#prepare prepared}
 *     kernel rather than its {@code forward}
 * @param fuseElementwise run connected elementwise operations of one shape as one loop
 * @param foldTransposes read a transposed matrix product operand in place instead of copying it
 * @param reuseBuffers let values whose last reader has run hand their buffers on to later values
 * @param fuseUpdates let a training step's gradient descent update run inside the gradient's own
 *     matrix product, so that the gradient is never stored
 * @param threads how many threads one large fused elementwise loop may be split across (matrix
 *     products follow {@link dev.chainrule.core.tensor.Gemm}'s own setting)
 */
public record ExecOptions(boolean prepareKernels, boolean fuseElementwise, boolean foldTransposes,
    boolean reuseBuffers, boolean fuseUpdates, int threads) {

  /** Checks the thread count. */
  public ExecOptions {
    if (threads < 1) {
      throw new IllegalArgumentException("a plan needs at least 1 thread, got " + threads);
    }
  }

  /** Returns every optimisation on, with as many threads as the machine has processors. */
  public static ExecOptions defaults() {
    return Defaults.ALL;
  }

  /** Returns every optimisation off: each operation's {@code forward}, one buffer per node. */
  public static ExecOptions unoptimised() {
    return new ExecOptions(false, false, false, false, false, 1);
  }

  /** Returns these options with the given thread count for large elementwise loops. */
  public ExecOptions withThreads(int count) {
    return new ExecOptions(prepareKernels, fuseElementwise, foldTransposes, reuseBuffers,
        fuseUpdates, count);
  }

  /** Holds the default options, made once. */
  private static final class Defaults {
    static final ExecOptions ALL = new ExecOptions(true, true, true, true, true,
        Runtime.getRuntime().availableProcessors());
  }
}
