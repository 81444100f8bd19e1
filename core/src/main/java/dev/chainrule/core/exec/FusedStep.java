package dev.chainrule.core.exec;

import dev.chainrule.core.tensor.Tensor;

/**
 * A step running one {@link FusedProgram}: binds the operands' and outputs' buffers and runs the
 * program over all elements, split into contiguous ranges across threads when the loop is long.
 */
final class FusedStep implements Step {
  /** Element-instructions from which a loop is split across threads (about half a millisecond). */
  static final long PARALLEL_WORK = 1L << 19;

  private final Spec spec;
  private final FusedFrame[] frames;
  private final double[][] in;
  private final double[][] out;
  private final int parts;

  private FusedStep(Spec spec, int threads) {
    this.spec = spec;
    FusedProgram p = spec.program;
    long work = (long) p.size * p.length();
    int chunks = (p.size + FusedProgram.CHUNK - 1) / FusedProgram.CHUNK;
    this.parts = work >= PARALLEL_WORK ? Math.max(1, Math.min(threads, chunks)) : 1;
    this.frames = new FusedFrame[parts];
    frames[0] = new FusedFrame(p);
    this.in = new double[p.externals][];
    this.out = new double[p.outputs][];
  }

  @Override
  public void run(Workspace ws) {
    Tensor[] values = ws.values;
    for (int e = 0; e < in.length; e++) {
      in[e] = values[spec.inputs[e]].buffer();
    }
    for (int j = 0; j < out.length; j++) {
      out[j] = values[spec.outputs[j]].buffer();
    }
    int size = spec.program.size;
    if (parts == 1) {
      frames[0].run(in, out, 0, size);
      return;
    }
    int chunks = (size + FusedProgram.CHUNK - 1) / FusedProgram.CHUNK;
    Workers.run(parts, t -> {
      if (frames[t] == null) {
        frames[t] = new FusedFrame(spec.program);
      }
      int from = (int) ((long) chunks * t / parts) * FusedProgram.CHUNK;
      int to = Math.min(size, (int) ((long) chunks * (t + 1) / parts) * FusedProgram.CHUNK);
      frames[t].run(in, out, from, to);
    });
  }

  /**
   * The plan's description of a fused step.
   *
   * @param program the compiled loop
   * @param inputs the value slot of each outside operand
   * @param outputs the value slot of each output
   * @param threads how many threads a long loop may use
   */
  record Spec(FusedProgram program, int[] inputs, int[] outputs, int threads)
      implements StepSpec {
    @Override
    public Step newStep() {
      return new FusedStep(this, threads);
    }

    @Override
    public int[] reads() {
      return inputs;
    }

    @Override
    public int[] writes() {
      return outputs;
    }
  }
}
