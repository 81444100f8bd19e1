package dev.chainrule.core.exec;

import dev.chainrule.core.exec.fused.FloatFusedFrame;
import dev.chainrule.core.exec.fused.FusedProgram;
import dev.chainrule.core.tensor.Tensor;

/**
 * The float32 {@link FusedStep}: binds the operands' and outputs' {@code float[]} buffers and runs
 * the program in float32 over all elements, split across threads when the loop is long, a small
 * loop compiled to float JVM code after {@link FusedStep#compileAfterRuns} runs.
 */
final class FloatFusedStep implements Step {
  private final FusedStep.Spec spec;
  private final FloatFusedFrame[] frames;
  private final float[][] in;
  private final float[][] out;
  private final int parts;
  private final int[] fedExternals;
  private int runs;

  FloatFusedStep(FusedStep.Spec spec, Tensor[] values, boolean[] fed) {
    this.spec = spec;
    FusedProgram p = spec.program();
    long work = (long) p.size() * p.members();
    int chunks = (p.size() + p.layout().chunk() - 1) / p.layout().chunk();
    this.parts = work >= FusedStep.PARALLEL_WORK ? Math.max(1, Math.min(spec.threads(), chunks))
        : 1;
    this.frames = new FloatFusedFrame[parts];
    frames[0] = new FloatFusedFrame(p, spec.floatCode());
    this.in = new float[p.externals()][];
    this.out = new float[p.outputs()][];
    int[] inputs = spec.inputs();
    int fedCount = 0;
    for (int e = 0; e < in.length; e++) {
      in[e] = values[inputs[e]] == null ? null : values[inputs[e]].floatBuffer();
      fedCount += fed[inputs[e]] ? 1 : 0;
    }
    this.fedExternals = new int[fedCount];
    for (int e = 0, k = 0; e < in.length; e++) {
      if (fed[inputs[e]]) {
        fedExternals[k++] = e;
      }
    }
    for (int j = 0; j < out.length; j++) {
      out[j] = values[spec.outputs()[j]].floatBuffer();
    }
  }

  @Override
  public void run(Workspace ws) {
    for (int e : fedExternals) {
      in[e] = ws.values[spec.inputs()[e]].floatBuffer();
    }
    FusedProgram p = spec.program();
    if (runs <= FusedStep.compileAfterRuns && p.isSmall()
        && runs++ == FusedStep.compileAfterRuns) {
      spec.floatCode().compile();
    }
    if (parts == 1) {
      frames[0].run(in, out, 0, p.size());
      return;
    }
    Workers.run(parts, t -> {
      if (frames[t] == null) {
        frames[t] = new FloatFusedFrame(p, spec.floatCode());
      }
      frames[t].run(in, out, p.layout().split(t, parts), p.layout().split(t + 1, parts));
    });
  }
}
