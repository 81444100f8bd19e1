package dev.chainrule.core.scalar;

import dev.chainrule.core.tensor.Shape;

/**
 * How a {@link Program} runs over a shape in chunks: each instruction is a loop over one chunk
 * held in registers (arrays as long as a chunk, which stay in the L1 cache) before the next
 * instruction starts. The layout decides how each outside operand reaches its register and where
 * every value lives:
 *
 * <ul>
 *   <li>an operand of the output's size is copied in, chunk by chunk;
 *   <li>a single number is written into its register once per run;
 *   <li>a row broadcast along the leading axes (a bias of shape (n) added to (m, n)) is copied
 *       once per run into a register holding as many rows as a chunk does, chunks being whole
 *       rows; a row longer than a chunk is copied in piece by piece instead;
 *   <li>any other broadcast operand is gathered in, chunk by chunk;
 *   <li>constants live in registers filled once; intermediate results share registers by
 *       liveness; outputs are copied out at the end of each chunk.
 * </ul>
 *
 * <p>So every loop reads and writes registers only, all indexed alike, which the JIT vectorises;
 * the copies in and out are the one pass over memory the loop needs anyway.
 */
public final class Layout {
  /** Elements per chunk at most: long enough to amortise dispatch, short enough to stay in L1. */
  public static final int CHUNK = 512;

  /** How an outside operand is read. */
  public enum Mode {
    /** As many elements as the output: copied in at the chunk's position. */
    FULL,
    /** One element, repeated: written once per run. */
    SCALAR,
    /** One row, repeated along every leading axis: copied once per run, or piece by piece. */
    ROW,
    /** Broadcast along some other axes: gathered in chunk by chunk. */
    BROADCAST
  }

  final Program program;
  final Shape shape;
  final int size;
  final Mode[] modes;
  final Shape[] externalShapes;
  /** The length of a row when chunks are aligned to rows, else 0. */
  final int row;
  /** Elements per chunk: a multiple of the row when rows are copied once per run. */
  final int chunk;
  /** Registers rewritten every chunk, which a frame may share with other loops of its thread. */
  final int shared;
  /** Registers in all: the shared ones, then the frame's own (constants, scalars, rows). */
  final int registers;
  /** Per outside operand: its register. */
  final int[] externalRegister;
  /** Per outside operand: true when it is copied in chunk by chunk. */
  final boolean[] perChunk;
  /** Per output: its register. */
  final int[] outputRegister;
  /** Per register: the constant it holds, when {@link #isConstant}. */
  final double[] constantOf;
  final boolean[] isConstant;
  /** Per instruction: the registers of its result and of its (up to three) operands. */
  final int[][] registersOf;

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
    this.perChunk = new boolean[e];
    int values = p.values();
    boolean[] liveIn = new boolean[values];
    boolean[] pooled = new boolean[values];
    boolean[] kept = new boolean[values];
    for (int x = 0; x < e; x++) {
      perChunk[x] = modes[x] == Mode.FULL || modes[x] == Mode.BROADCAST
          || (modes[x] == Mode.ROW && row > CHUNK);
      liveIn[x] = perChunk[x];
      pooled[x] = perChunk[x];
    }
    for (int v = e; v < values; v++) {
      pooled[v] = p.kind(v) == Program.Kind.RESULT;
    }
    for (int v : p.outputs()) {
      kept[v] = true;
    }
    Registers r = new Registers(p, liveIn, pooled, kept);
    this.shared = r.count();
    int[] registerOf = new int[values];
    int next = shared;
    for (int v = 0; v < values; v++) {
      boolean own = r.of(v) < 0;
      registerOf[v] = own ? next++ : r.of(v);
    }
    this.registers = Math.max(1, next);
    this.constantOf = new double[registers];
    this.isConstant = new boolean[registers];
    for (int v = e; v < values; v++) {
      if (p.kind(v) == Program.Kind.CONSTANT) {
        constantOf[registerOf[v]] = p.constant(v);
        isConstant[registerOf[v]] = true;
      }
    }
    this.externalRegister = java.util.Arrays.copyOf(registerOf, e);
    int[] outs = p.outputs();
    this.outputRegister = new int[outs.length];
    for (int j = 0; j < outs.length; j++) {
      outputRegister[j] = registerOf[outs[j]];
    }
    this.registersOf = new int[p.length()][];
    for (int k = 0; k < p.length(); k++) {
      int[] s = new int[4];
      s[0] = registerOf[p.result(k)];
      for (int j = 0; j < 3; j++) {
        s[j + 1] = j < p.primitive(k).arity() ? registerOf[p.operand(k, j)] : s[0];
      }
      registersOf[k] = s;
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
   * Returns, per output, an outside operand of the output's size whose array the output may be
   * written into (no instruction after the one computing the output reads it), or -1. Each
   * operand is offered to one output at most.
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
