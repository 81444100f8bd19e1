package dev.chainrule.core.exec.fused;

import dev.chainrule.core.exec.codegen.ElementCode;
import dev.chainrule.core.exec.codegen.ElementKernel;
import dev.chainrule.core.scalar.ChunkLoop;
import dev.chainrule.core.scalar.Primitive;

/**
 * Runs a {@link FusedProgram} over a range of elements for one thread. In chunk mode a {@link
 * ChunkLoop} runs each primitive as a loop over a chunk; in small mode the instructions run one
 * after another on single numbers held in registers, as generated JVM code once it exists.
 */
public final class FusedFrame {
  private final FusedProgram p;
  private final ChunkLoop chunks;
  private final double[] file;

  /**
   * Prepares a frame; in chunk mode its shared registers are {@code scratch[r]} (arrays of a chunk
   * that every loop of the thread's workspace shares, loops running one after another), or its own
   * when {@code scratch} is null (a helper thread's part of a split loop).
   */
  public FusedFrame(FusedProgram p, double[][] scratch) {
    this.p = p;
    if (p.isSmall()) {
      this.chunks = null;
      this.file = p.code().constants().clone();
    } else {
      this.chunks = new ChunkLoop(p.layout(), scratch);
      this.file = null;
    }
  }

  /**
   * Computes elements [from, to) of every output {@code out[j]} from the outside operands
   * {@code in[e]} (a small program always computes all its elements).
   */
  public void run(double[][] in, double[][] out, int from, int to) {
    if (!p.isSmall()) {
      chunks.run(in, out, from, to);
      return;
    }
    ElementKernel k = p.compiledIfReady();
    if (k != null) {
      try {
        for (int i = 0; i < p.size(); i++) {
          k.run(in, out, file, i);
        }
        return;
      } catch (LinkageError e) {
        p.discardCompiled(e);
      }
    }
    for (int i = 0; i < p.size(); i++) {
      runElement(in, out, i);
    }
  }

  /** Runs every instruction on element {@code i}: the registers hold single numbers. */
  private void runElement(double[][] in, double[][] out, int i) {
    ElementCode c = p.code();
    double[] r = file;
    int[] registers = c.externalRegister();
    int[][] map = c.elementMap();
    for (int e = 0; e < registers.length; e++) {
      r[registers[e]] = in[e][map[e][i]];
    }
    Primitive[] primitive = c.primitive();
    int[][] of = c.registersOf();
    for (int k = 0; k < primitive.length; k++) {
      int[] s = of[k];
      r[s[0]] = primitive[k].apply(r[s[1]], r[s[2]], r[s[3]]);
    }
    int[] outs = c.outputRegister();
    for (int j = 0; j < outs.length; j++) {
      out[j][i] = r[outs[j]];
    }
  }
}
