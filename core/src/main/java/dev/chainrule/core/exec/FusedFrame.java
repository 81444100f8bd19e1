package dev.chainrule.core.exec;

import static dev.chainrule.core.exec.Opcodes.ADD;
import static dev.chainrule.core.exec.Opcodes.SELECT;

import dev.chainrule.core.exec.FusedProgram.Mode;
import java.util.Arrays;

/**
 * Runs a {@link FusedProgram} over a range of elements: the registers and broadcast readers of one
 * thread. In chunk mode every instruction runs as a loop over a chunk of elements before the next
 * instruction starts; in scalar mode the instructions run one after another on single numbers.
 */
final class FusedFrame {
  private final FusedProgram p;
  private final double[][] frame;
  private final int[] offset;
  private final double[] file;
  private final Gather[] gathers;
  private final int chunk;

  FusedFrame(FusedProgram p) {
    this.p = p;
    this.chunk = Math.max(1, Math.min(FusedProgram.CHUNK, p.size));
    this.gathers = new Gather[p.externals];
    if (p.scalar) {
      this.file = new double[Math.max(1, p.registers)];
      this.frame = null;
      this.offset = null;
      return;
    }
    this.file = null;
    int slots = p.registers + p.fullExternals() + p.outputs;
    this.frame = new double[Math.max(1, slots)][];
    this.offset = new int[frame.length];
    for (int r = 0; r < p.registers; r++) {
      frame[r] = new double[chunk];
    }
    for (int e = 0; e < p.externals; e++) {
      if (p.modes[e] == Mode.BROADCAST) {
        gathers[e] = new Gather(p.externalShapes[e], p.shape);
      }
    }
  }

  /**
   * Computes elements [from, to) of every output {@code out[j]} from the outside operands
   * {@code in[e]}.
   */
  void run(double[][] in, double[][] out, int from, int to) {
    if (p.scalar) {
      runScalar(in, out);
      return;
    }
    int k = p.registers;
    for (int e = 0; e < p.externals; e++) {
      int r = p.externalRegister[e];
      if (r < 0) {
        frame[k++] = in[e];
      } else if (p.modes[e] == Mode.SCALAR) {
        Arrays.fill(frame[r], in[e][0]);
      }
    }
    for (int j = 0; j < p.outputs; j++) {
      frame[k++] = out[j];
    }
    for (int s = from; s < to; s += chunk) {
      int n = Math.min(chunk, to - s);
      for (int i = p.registers; i < k; i++) {
        offset[i] = s;
      }
      for (int e = 0; e < p.externals; e++) {
        if (gathers[e] != null) {
          gathers[e].read(in[e], s, n, frame[p.externalRegister[e]]);
        }
      }
      runChunk(n);
    }
  }

  private void runChunk(int n) {
    int[] code = p.code;
    int[] dst = p.dst;
    int[] srcA = p.srcA;
    int[] srcB = p.srcB;
    Object[] attr = p.attr;
    for (int k = 0; k < code.length; k++) {
      int c = code[k];
      int d = dst[k];
      int a = srcA[k];
      if (c < ADD) {
        ElementLoops.unary(c, attr[k], frame[a], offset[a], frame[d], offset[d], n);
      } else if (c < SELECT) {
        int b = srcB[k];
        ElementLoops.binary(c, attr[k], frame[a], offset[a], frame[b], offset[b], frame[d],
            offset[d], n);
      } else {
        int b = srcB[k];
        int e = p.srcC[k];
        ElementLoops.select(frame[a], offset[a], frame[b], offset[b], frame[e], offset[e],
            frame[d], offset[d], n);
      }
    }
  }

  private void runScalar(double[][] in, double[][] out) {
    double[] r = file;
    for (int e = 0; e < p.externals; e++) {
      r[p.externalRegister[e]] = in[e][0];
    }
    int[] code = p.code;
    int[] dst = p.dst;
    int[] srcA = p.srcA;
    int[] srcB = p.srcB;
    int[] srcC = p.srcC;
    Object[] attr = p.attr;
    for (int k = 0; k < code.length; k++) {
      r[dst[k]] = ElementLoops.scalar(code[k], attr[k], r[srcA[k]], r[srcB[k]], r[srcC[k]]);
    }
    for (int j = 0; j < p.outputs; j++) {
      out[j][0] = r[p.outputRegister[j]];
    }
  }
}
