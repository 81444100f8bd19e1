package dev.chainrule.core.scalar;

import java.util.Arrays;

/**
 * Runs a {@link Layout} over a range of elements, chunk by chunk, each instruction one call of
 * {@link Loops#run}: the fused loops' interpreter, and every elementwise operation's forward. It
 * holds one thread's frame (registers, gathers, offsets), so an instance serves one thread.
 */
public final class ChunkLoop {
  private final Layout l;
  private final double[][] frame;
  private final int[] at;
  private final int[] positional;
  private final Gather[] gathers;
  private final Primitive[] primitive;

  /**
   * Prepares a frame. Its first {@link Layout#sharedRegisters} registers are {@code shared[r]}
   * (arrays of at least a chunk that other loops of the same thread may use between two runs of
   * this one), or arrays of its own when {@code shared} is null; its other registers are its own.
   */
  public ChunkLoop(Layout layout, double[][] shared) {
    this.l = layout;
    this.frame = new double[l.slots][];
    this.at = new int[l.slots];
    this.gathers = new Gather[l.modes.length];
    int[] moving = new int[l.slots];
    int count = 0;
    for (int s = 0; s < l.slots; s++) {
      if (l.offset[s] != Layout.Offset.ZERO) {
        moving[count++] = s;
      }
    }
    this.positional = Arrays.copyOf(moving, count);
    for (int s = 0; s < l.shared; s++) {
      frame[s] = shared != null ? shared[s] : new double[l.chunk];
    }
    for (int e = 0; e < l.modes.length; e++) {
      int s = l.externalSlot[e];
      if (l.modes[e] == Layout.Mode.BROADCAST) {
        gathers[e] = new Gather(l.externalShapes[e], l.shape);
      } else if (l.offset[s] == Layout.Offset.ZERO) {
        frame[s] = new double[l.chunk];
      }
    }
    for (int s = 0; s < l.slots; s++) {
      if (l.isConstant[s]) {
        frame[s] = new double[l.chunk];
        Arrays.fill(frame[s], l.constantOf[s]);
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
    bind(in, out);
    int row = l.row;
    for (int s = from; s < to; ) {
      int n = Math.min(l.chunk, to - s);
      if (row > Layout.CHUNK) {
        n = Math.min(n, row - s % row);
      }
      for (int e = 0; e < gathers.length; e++) {
        if (gathers[e] != null) {
          gathers[e].read(in[e], s, n, frame[l.externalSlot[e]]);
        }
      }
      for (int p : positional) {
        at[p] = l.offset[p] == Layout.Offset.POSITION ? s : s % row;
      }
      runChunk(n);
      s += n;
    }
  }

  private void bind(double[][] in, double[][] out) {
    for (int e = 0; e < in.length; e++) {
      int s = l.externalSlot[e];
      switch (l.modes[e]) {
        case SCALAR:
          Arrays.fill(frame[s], in[e][0]);
          break;
        case ROW:
          if (l.offset[s] == Layout.Offset.ZERO) {
            for (int r = 0; r < l.chunk; r += l.row) {
              System.arraycopy(in[e], 0, frame[s], r, l.row);
            }
          } else {
            frame[s] = in[e];
          }
          break;
        case FULL:
          frame[s] = in[e];
          break;
        default:
      }
    }
    for (int j = 0; j < out.length; j++) {
      frame[l.outputSlot[j]] = out[j];
    }
  }

  private void runChunk(int n) {
    double[][] f = frame;
    int[] o = at;
    for (int k = 0; k < primitive.length; k++) {
      int[] s = l.slotsOf[k];
      Loops.run(primitive[k], f[s[0]], o[s[0]], f[s[1]], o[s[1]], f[s[2]], o[s[2]], f[s[3]],
          o[s[3]], n);
    }
  }
}
