package dev.chainrule.core.scalar;

import dev.chainrule.core.tensor.Shape;

/**
 * How a {@link Program} runs over a shape in chunks: each instruction is a loop over one chunk
 * before the next instruction starts, so a chunk's intermediate values stay in the L1 cache. The
 * layout decides how each outside operand is read and where every value lives, as a slot of the
 * frame a {@link ChunkLoop} runs on:
 *
 * <ul>
 *   <li>an operand of the output's size is read in place, at the chunk's position;
 *   <li>a single number is written once per run into a register as long as a chunk;
 *   <li>a row broadcast along the leading axes (a bias of shape (n) added to (m, n)) is read in
 *       place at its offset when a row is longer than a chunk, and otherwise copied once per run
 *       into a register holding as many rows as a chunk does, chunks being whole rows;
 *   <li>any other broadcast operand is gathered into a register chunk by chunk;
 *   <li>constants live in registers filled once; intermediate results share registers by
 *       liveness; outputs are written in place.
 * </ul>
 */
public final class Layout {
  /** Elements per chunk at most: long enough to amortise dispatch, short enough to stay in L1. */
  public static final int CHUNK = 512;

  /** How an outside operand is read. */
  public enum Mode {
    /** As many elements as the output: read in place at the same flat position. */
    FULL,
    /** One element, repeated. */
    SCALAR,
    /** One row, repeated along every leading axis. */
    ROW,
    /** Broadcast along some other axes: gathered into a register chunk by chunk. */
    BROADCAST
  }

  /** Where a slot of the frame is read at, chunk by chunk. */
  enum Offset {
    /** At 0: a register. */
    ZERO,
    /** At the chunk's position: an array as long as the output. */
    POSITION,
    /** At the chunk's position within its row: a row longer than a chunk. */
    IN_ROW
  }

  final Program program;
  final Shape shape;
  final int size;
  final Mode[] modes;
  final Shape[] externalShapes;
  /** The length of a row when chunks are aligned to rows, else 0. */
  final int row;
  /** Elements per chunk: a multiple of the row when rows are copied into registers. */
  final int chunk;
  /** Registers a frame may share with other loops of the same thread: rewritten every chunk. */
  final int shared;
  /** Slots in all; after the shared registers come the frame's own ones, then arrays in place. */
  final int slots;
  final Offset[] offset;
  /** Per outside operand: its slot. */
  final int[] externalSlot;
  /** Per output: its slot. */
  final int[] outputSlot;
  /** Per slot: the constant it holds, when it is a constant's register. */
  final double[] constantOf;
  final boolean[] isConstant;
  /** Per instruction: the slots of its result and of its (up to three) operands. */
  final int[][] slotsOf;

  /** Lays out {@code p} over {@code shape}, outside operand e having shape {@code operands[e]}. */
  public Layout(Program p, Shape shape, Shape... operands) {
    this.program = p;
    this.shape = shape;
    this.size = shape.size();
    this.externalShapes = operands.clone();
    int e = p.externals();
    this.modes = new Mode[e];
    int rowLength = shape.rank() >= 2 ? shape.dim(shape.rank() - 1) : 0;
    boolean rows = false;
    for (int x = 0; x < e; x++) {
      modes[x] = mode(operands[x], rowLength);
      rows |= modes[x] == Mode.ROW;
    }
    this.row = rows ? rowLength : 0;
    int whole = rows && rowLength <= CHUNK ? CHUNK / rowLength * rowLength : CHUNK;
    this.chunk = Math.max(1, Math.min(whole, size));
    int values = p.values();
    boolean[] gathered = new boolean[values];
    boolean[] pooled = new boolean[values];
    boolean[] kept = new boolean[values];
    boolean[] output = new boolean[values];
    for (int v : p.outputs()) {
      output[v] = true;
    }
    for (int v = 0; v < values; v++) {
      gathered[v] = v < e && (modes[v] == Mode.BROADCAST);
      pooled[v] = p.kind(v) == Program.Kind.RESULT && !output[v];
    }
    Registers r = new Registers(p, gathered, pooled, kept);
    this.shared = r.count();
    int[] slotOfValue = new int[values];
    int next = shared;
    for (int v = 0; v < values; v++) {
      boolean own = p.kind(v) == Program.Kind.CONSTANT
          || (v < e && (modes[v] == Mode.SCALAR || (modes[v] == Mode.ROW && row <= CHUNK)));
      slotOfValue[v] = own ? next++ : r.of(v);
    }
    int own = next;
    for (int v = 0; v < e; v++) {
      if (slotOfValue[v] < 0) {
        slotOfValue[v] = next++;
      }
    }
    int[] outs = p.outputs();
    this.outputSlot = new int[outs.length];
    for (int j = 0; j < outs.length; j++) {
      outputSlot[j] = next;
      slotOfValue[outs[j]] = next++;
    }
    this.slots = Math.max(1, next);
    this.offset = new Offset[slots];
    this.constantOf = new double[slots];
    this.isConstant = new boolean[slots];
    java.util.Arrays.fill(offset, Offset.ZERO);
    for (int v = 0; v < values; v++) {
      int s = slotOfValue[v];
      if (p.kind(v) == Program.Kind.CONSTANT) {
        constantOf[s] = p.constant(v);
        isConstant[s] = true;
      } else if (s >= own) {
        offset[s] = v < e && modes[v] == Mode.ROW ? Offset.IN_ROW : Offset.POSITION;
      }
    }
    this.externalSlot = java.util.Arrays.copyOf(slotOfValue, e);
    this.slotsOf = new int[p.length()][];
    for (int k = 0; k < p.length(); k++) {
      int[] s = new int[4];
      s[0] = slotOfValue[p.result(k)];
      for (int j = 0; j < 3; j++) {
        s[j + 1] = j < p.primitive(k).arity() ? slotOfValue[p.operand(k, j)] : s[0];
      }
      slotsOf[k] = s;
    }
  }

  private Mode mode(Shape operand, int rowLength) {
    int s = operand.size();
    if (s == size) {
      return Mode.FULL;
    }
    if (s == 1) {
      return Mode.SCALAR;
    }
    boolean isRow = rowLength > 1 && s == rowLength
        && operand.dim(operand.rank() - 1) == rowLength;
    return isRow ? Mode.ROW : Mode.BROADCAST;
  }

  /** Returns the program laid out. */
  public Program program() {
    return program;
  }

  /** Returns how outside operand {@code e} is read. */
  public Mode mode(int e) {
    return modes[e];
  }

  /** Returns the number of elements of a chunk at most, the length of every register. */
  public int chunk() {
    return chunk;
  }

  /** Returns how many registers a frame may share with other loops run by the same thread. */
  public int sharedRegisters() {
    return shared;
  }

  /**
   * Returns where part {@code t} of {@code parts} starts, so that the parts cover the output in
   * contiguous ranges that each start a chunk ({@code t = parts} gives the end).
   */
  public int split(int t, int parts) {
    int unit = row > 0 ? row : chunk;
    int units = (size + unit - 1) / unit;
    return Math.min(size, (int) ((long) units * t / parts) * unit);
  }

  /**
   * Returns, per output, an outside operand read in place whose array the output may be written
   * into (no instruction after the one computing the output reads it), or -1. Each operand is
   * offered to one output at most.
   */
  public int[] overwritable() {
    int[] outs = program.outputs();
    int e = program.externals();
    int[] lastRead = new int[e];
    java.util.Arrays.fill(lastRead, -1);
    for (int k = 0; k < program.length(); k++) {
      for (int j = 0; j < program.primitive(k).arity(); j++) {
        int v = program.operand(k, j);
        if (v < e) {
          lastRead[v] = k;
        }
      }
    }
    int[] offer = new int[outs.length];
    boolean[] taken = new boolean[e];
    for (int j = 0; j < outs.length; j++) {
      offer[j] = -1;
      int computed = program.definer(outs[j]);
      for (int x = 0; x < e && offer[j] < 0; x++) {
        if (!taken[x] && modes[x] == Mode.FULL && lastRead[x] <= computed) {
          offer[j] = x;
          taken[x] = true;
        }
      }
    }
    return offer;
  }
}
