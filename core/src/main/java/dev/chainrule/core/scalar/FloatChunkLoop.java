package dev.chainrule.core.scalar;

import java.util.Arrays;

/**
 * The float32 {@link ChunkLoop}: runs a {@link Layout} over a range of elements of {@code float[]}
 * arrays, chunk by chunk, each instruction one call of {@link FloatLoops#run} (a comparison and the
 * selection by it, one call of {@code FloatLoops.compareSelect}). It holds one thread's frame
 * (float registers and gathers), so an instance serves one thread.
 */
public final class FloatChunkLoop {
  private final Layout l;
  private final float[][] f;
  private final Gather[] gathers;
  private final Primitive[] primitive;

  /**
   * Prepares a frame. Its first {@link Layout#sharedRegisters} registers are {@code shared[i]}
   * (arrays of at least a chunk that other loops of the same thread may use between two runs of
   * this one), or arrays of its own when {@code shared} is null; its other registers are its own.
   */
  public FloatChunkLoop(Layout layout, float[][] shared) {
    this.l = layout;
    this.f = new float[l.slots][];
    for (int i = 0; i < l.slots; i++) {
      if (l.isRegister[i]) {
        f[i] = shared != null && i < l.shared ? shared[i] : new float[l.chunk];
      }
      if (l.isConstant[i]) {
        Arrays.fill(f[i], (float) l.constantOf[i]);
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
  public void run(float[][] in, float[][] out, int from, int to) {
    bind(in, out);
    int row = l.row;
    for (int s = from; s < to; ) {
      int n = Math.min(l.chunk, to - s);
      if (row > Layout.CHUNK) {
        n = Math.min(n, row - s % row);
      }
      for (int e = 0; e < in.length; e++) {
        if (l.perChunk[e]) {
          float[] dst = f[l.externalSlot[e]];
          if (gathers[e] != null) {
            gathers[e].read(in[e], s, n, dst);
          } else {
            System.arraycopy(in[e], l.modes[e] == Layout.Mode.FULL ? s : s % row, dst, 0, n);
          }
        }
      }
      for (int k = 0; k < primitive.length; k++) {
        int[] x = l.slotsOf[k];
        int at = l.direct[k] ? s : 0;
        if (l.selectsNext[k]) {
          int[] select = l.slotsOf[k + 1];
          FloatLoops.compareSelect(primitive[k], f[select[0]], f[x[1]], f[x[2]], f[select[2]],
              f[select[3]], at, at + n);
          k++;
        } else {
          FloatLoops.run(primitive[k], f[x[0]], f[x[1]], f[x[2]], f[x[3]], at, at + n);
        }
      }
      for (int j = 0; j < out.length; j++) {
        if (l.copiedOut[j]) {
          System.arraycopy(f[l.outputSlot[j]], 0, out[j], s, n);
        }
      }
      s += n;
    }
  }

  /**
   * Binds the arrays read and written in place, and writes the scalars and the rows copied once
   * per run into their registers.
   */
  private void bind(float[][] in, float[][] out) {
    for (int e = 0; e < in.length; e++) {
      int slot = l.externalSlot[e];
      if (!l.isRegister[slot]) {
        f[slot] = in[e];
      } else if (l.modes[e] == Layout.Mode.SCALAR) {
        Arrays.fill(f[slot], in[e][0]);
      } else if (l.modes[e] == Layout.Mode.ROW && !l.perChunk[e]) {
        for (int k = 0; k < l.chunk; k += l.row) {
          System.arraycopy(in[e], 0, f[slot], k, l.row);
        }
      }
    }
    for (int j = 0; j < out.length; j++) {
      if (!l.copiedOut[j]) {
        f[l.outputSlot[j]] = out[j];
      }
    }
  }
}
