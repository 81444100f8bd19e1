package dev.chainrule.core.scalar;

import java.util.Arrays;

/**
 * Runs a {@link Layout} over a range of elements, chunk by chunk, each instruction one call of
 * {@link Loops#run} over registers: the fused loops' interpreter, and every elementwise
 * operation's forward. It holds one thread's frame (registers and gathers), so an instance serves
 * one thread.
 */
public final class ChunkLoop {
  private final Layout l;
  private final double[][] r;
  private final Gather[] gathers;
  private final Primitive[] primitive;

  /**
   * Prepares a frame. Its first {@link Layout#sharedRegisters} registers are {@code shared[i]}
   * (arrays of at least a chunk that other loops of the same thread may use between two runs of
   * this one), or arrays of its own when {@code shared} is null; its other registers are its own.
   */
  public ChunkLoop(Layout layout, double[][] shared) {
    this.l = layout;
    this.r = new double[l.registers][];
    for (int i = 0; i < l.registers; i++) {
      r[i] = shared != null && i < l.shared ? shared[i] : new double[l.chunk];
      if (l.isConstant[i]) {
        Arrays.fill(r[i], l.constantOf[i]);
      }
    }
    this.gathers = new Gather[l.modes.length];
    for (int e = 0; e < gathers.length; e++) {
      if (l.modes[e] == Layout.Mode.BROADCAST) {
        gathers[e] = new Gather(l.externalShapes[e], l.shape);
      }
    }
    this.primitive = new Primitive[l.program.length()];
    for (int k = 0; k < primitive.length; k++) {
      primitive[k] = l.program.primitive(k);
    }
  }

  /**
   * Computes elements [from, to) of every output {@code out[j]} from the outside operands
   * {@code in[e]}; {@code from} must be a start given by {@link Layout#split}.
   */
  public void run(double[][] in, double[][] out, int from, int to) {
    fillOnce(in);
    int row = l.row;
    for (int s = from; s < to; ) {
      int n = Math.min(l.chunk, to - s);
      if (row > Layout.CHUNK) {
        n = Math.min(n, row - s % row);
      }
      for (int e = 0; e < in.length; e++) {
        if (l.perChunk[e]) {
          double[] dst = r[l.externalRegister[e]];
          if (gathers[e] != null) {
            gathers[e].read(in[e], s, n, dst);
          } else {
            System.arraycopy(in[e], l.modes[e] == Layout.Mode.FULL ? s : s % row, dst, 0, n);
          }
        }
      }
      for (int k = 0; k < primitive.length; k++) {
        int[] x = l.registersOf[k];
        Loops.run(primitive[k], r[x[0]], r[x[1]], r[x[2]], r[x[3]], n);
      }
      for (int j = 0; j < out.length; j++) {
        System.arraycopy(r[l.outputRegister[j]], 0, out[j], s, n);
      }
      s += n;
    }
  }

  /** Writes the scalars and the rows copied once per run into their registers. */
  private void fillOnce(double[][] in) {
    for (int e = 0; e < in.length; e++) {
      if (l.modes[e] == Layout.Mode.SCALAR) {
        Arrays.fill(r[l.externalRegister[e]], in[e][0]);
      } else if (l.modes[e] == Layout.Mode.ROW && !l.perChunk[e]) {
        for (int k = 0; k < l.chunk; k += l.row) {
          System.arraycopy(in[e], 0, r[l.externalRegister[e]], k, l.row);
        }
      }
    }
  }
}
