package dev.chainrule.core.exec.fused;

import dev.chainrule.core.exec.codegen.ElementCode;
import dev.chainrule.core.exec.codegen.ElementCompiler;
import dev.chainrule.core.exec.codegen.FloatElementKernel;
import dev.chainrule.core.scalar.FloatChunkLoop;
import dev.chainrule.core.scalar.Primitive;

/**
 * Runs a {@link FusedProgram} in float32 over a range of elements for one thread, as {@link
 * FusedFrame} does in float64: in chunk mode a {@link FloatChunkLoop} (registers of its own), in
 * small mode the instructions on single floats, as generated float code once {@link Compiled} has
 * it. Every path computes {@link Primitive#applyFloat}, so they agree bit for bit.
 */
public final class FloatFusedFrame {
  private final FusedProgram p;
  private final Compiled compiled;
  private final FloatChunkLoop chunks;
  private final float[] file;

  /** Prepares a frame of {@code p}, whose generated float code {@code compiled} holds. */
  public FloatFusedFrame(FusedProgram p, Compiled compiled) {
    this.p = p;
    this.compiled = compiled;
    if (p.isSmall()) {
      this.chunks = null;
      double[] constants = p.code().constants();
      this.file = new float[constants.length];
      for (int r = 0; r < file.length; r++) {
        file[r] = (float) constants[r];
      }
    } else {
      this.chunks = new FloatChunkLoop(p.layout(), null);
      this.file = null;
    }
  }

  /**
   * Computes elements [from, to) of every output {@code out[j]} from the outside operands
   * {@code in[e]} (a small program always computes all its elements).
   */
  public void run(float[][] in, float[][] out, int from, int to) {
    if (!p.isSmall()) {
      chunks.run(in, out, from, to);
      return;
    }
    FloatElementKernel k = compiled.kernel;
    if (k != null) {
      try {
        for (int i = 0; i < p.size(); i++) {
          k.run(in, out, file, i);
        }
        return;
      } catch (LinkageError e) {
        compiled.discard(e);
      }
    }
    ElementCode c = p.code();
    int[] registers = c.externalRegister();
    int[][] map = c.elementMap();
    Primitive[] primitive = c.primitive();
    int[][] of = c.registersOf();
    int[] outs = c.outputRegister();
    float[] r = file;
    for (int i = 0; i < p.size(); i++) {
      for (int e = 0; e < registers.length; e++) {
        r[registers[e]] = in[e][map[e][i]];
      }
      for (int k2 = 0; k2 < primitive.length; k2++) {
        int[] s = of[k2];
        r[s[0]] = primitive[k2].applyFloat(r[s[1]], r[s[2]], r[s[3]]);
      }
      for (int j = 0; j < outs.length; j++) {
        out[j][i] = r[outs[j]];
      }
    }
  }

  /**
   * The generated float32 code of one small program, made once for all threads that run it (or
   * the reason it could not be made, which the plan's description shows).
   */
  public static final class Compiled {
    private final FusedProgram p;
    private volatile FloatElementKernel kernel;
    private volatile String notCompiled;

    /** Holds the code of {@code p}, not compiled yet. */
    public Compiled(FusedProgram p) {
      this.p = p;
    }

    /** Compiles the program's float code unless done or tried already (a small program only). */
    public synchronized void compile() {
      if (p.isSmall() && kernel == null && notCompiled == null) {
        try {
          kernel = ElementCompiler.compileFloat(p.code());
        } catch (ElementCompiler.NotCompiledException e) {
          notCompiled = e.getMessage();
        }
      }
    }

    private void discard(Throwable why) {
      notCompiled = "generated code failed: " + why;
      kernel = null;
    }

    /** Returns true once the generated code exists. */
    public boolean isCompiled() {
      return kernel != null;
    }

    /** Returns how the program runs in float32, as {@link FusedProgram#mode()} words it. */
    public String mode() {
      if (!p.isSmall()) {
        return "float32 chunks of " + p.layout().chunk();
      }
      String why = notCompiled;
      return why == null ? "float32 element by element"
          : "float32 element by element, interpreted: " + why;
    }
  }
}
