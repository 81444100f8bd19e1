package dev.chainrule.core.exec;

import dev.chainrule.core.exec.fused.FloatFusedFrame;
import dev.chainrule.core.exec.fused.FusedFrame;
import dev.chainrule.core.exec.fused.FusedProgram;
import dev.chainrule.core.tensor.Tensor;

/**
 * A step running one {@link FusedProgram}: binds the operands' and outputs' buffers and runs the
 * program over all elements, split into contiguous ranges across threads when the loop is long.
 */
final class FusedStep implements Step {
  /** Element-instructions from which a loop is split across threads (about half a millisecond). */
  static final long PARALLEL_WORK = 1L << 19;
  /**
   * Runs after which a small loop is compiled to JVM code: a plan run only a few times (built
   * afresh each pass) keeps the interpreter rather than pay for a class and its JIT warm-up.
   */
  static volatile int compileAfterRuns = 200;

  private final Spec spec;
  private final FusedFrame[] frames;
  private final double[][] in;
  private final double[][] out;
  private final int parts;

  private final int[] fedExternals;
  private int runs;

  /**
   * Prepares the step; its first part runs on the workspace's shared registers {@code scratch},
   * the parts helper threads run on registers of their own.
   */
  private FusedStep(Spec spec, int threads, Tensor[] values, boolean[] fed, double[][] scratch) {
    this.spec = spec;
    FusedProgram p = spec.program;
    long work = (long) p.size() * p.members();
    int chunks = p.isSmall() ? 1 : (p.size() + p.layout().chunk() - 1) / p.layout().chunk();
    this.parts = work >= PARALLEL_WORK ? Math.max(1, Math.min(threads, chunks)) : 1;
    this.frames = new FusedFrame[parts];
    frames[0] = new FusedFrame(p, scratch);
    this.in = new double[p.externals()][];
    this.out = new double[p.outputs()][];
    int fedCount = 0;
    for (int e = 0; e < in.length; e++) {
      in[e] = values[spec.inputs[e]] == null ? null : values[spec.inputs[e]].buffer();
      fedCount += fed[spec.inputs[e]] ? 1 : 0;
    }
    this.fedExternals = new int[fedCount];
    for (int e = 0, k = 0; e < in.length; e++) {
      if (fed[spec.inputs[e]]) {
        fedExternals[k++] = e;
      }
    }
    for (int j = 0; j < out.length; j++) {
      out[j] = values[spec.outputs[j]].buffer();
    }
  }

  @Override
  public void run(Workspace ws) {
    for (int e : fedExternals) {
      in[e] = ws.values[spec.inputs[e]].buffer();
    }
    if (runs <= compileAfterRuns && spec.program.isSmall() && runs++ == compileAfterRuns) {
      spec.program.compiled();
    }
    int size = spec.program.size();
    if (parts == 1) {
      frames[0].run(in, out, 0, size);
      return;
    }
    Workers.run(parts, t -> {
      if (frames[t] == null) {
        frames[t] = new FusedFrame(spec.program, null);
      }
      frames[t].run(in, out, spec.program.layout().split(t, parts),
          spec.program.layout().split(t + 1, parts));
    });
  }

  /**
   * The plan's description of a fused step.
   *
   * @param program the compiled loop
   * @param inputs the value slot of each outside operand
   * @param outputs the value slot of each output
   * @param threads how many threads a long loop may use
   * @param floatCode the generated float32 code of a loop over float32 values, else null
   */
  record Spec(FusedProgram program, int[] inputs, int[] outputs, int threads,
      FloatFusedFrame.Compiled floatCode) implements StepSpec {
    @Override
    public Step newStep(Tensor[] values, boolean[] fed, double[][] scratch) {
      return floatCode != null ? new FloatFusedStep(this, values, fed)
          : new FusedStep(this, threads, values, fed, scratch);
    }

    @Override
    public int[] reads() {
      return inputs;
    }

    @Override
    public int[] writes() {
      return outputs;
    }

    @Override
    public int[][] overwritable() {
      int[][] offer = program.overwritable();
      for (int[] candidates : offer) {
        for (int k = 0; k < candidates.length; k++) {
          candidates[k] = inputs[candidates[k]];
        }
      }
      return offer;
    }

    @Override
    public String describe(java.util.function.IntFunction<String> slots) {
      StringBuilder sb = new StringBuilder();
      for (int j = 0; j < outputs.length; j++) {
        sb.append(j == 0 ? "" : ", ").append(slots.apply(outputs[j]));
      }
      sb.append(" = loop over ").append(program.shape()).append(" of ").append(program.members())
          .append(" operations (").append(floatCode != null ? floatCode.mode() : program.mode())
          .append(") reading ");
      for (int e = 0; e < inputs.length; e++) {
        sb.append(e == 0 ? "" : ", ").append(slots.apply(inputs[e]));
      }
      return sb.toString();
    }
  }
}
