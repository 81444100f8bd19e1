package dev.chainrule.core.scalar;

import dev.chainrule.core.tensor.Shape;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * How a {@link Program} runs over a shape in chunks: each instruction is a loop over one chunk
 * held in registers (arrays as long as a chunk, which stay in the L1 cache) before the next
 * instruction starts. The layout decides how each outside operand reaches its register and where
 * every value lives:
 *
 * <ul>
 *   <li>an operand of the output's size is copied in, chunk by chunk, unless every instruction
 *       that reads it reads and writes only such arrays and outputs: those instructions run on
 *       the arrays themselves (an operation's own forward, a + b, copies nothing);
 *   <li>a single number is written into its register once per run;
 *   <li>a row broadcast along the leading axes (a bias of shape (n) added to (m, n)) is copied
 *       once per run into a register holding as many rows as a chunk does, chunks being whole
 *       rows; a row longer than a chunk is copied in piece by piece instead;
 *   <li>any other broadcast operand is gathered in, chunk by chunk;
 *   <li>constants live in registers filled once; intermediate results share registers by
 *       liveness; outputs are copied out at the end of each chunk, unless written in place.
 * </ul>
 *
 * <p>So every loop reads and writes arrays indexed alike (registers, or arrays in place at the
 * chunk's position), which the JIT vectorises; the copies in and out are the one pass over memory
 * the loop needs anyway. One pair of instructions runs as a single loop: a comparison that only the
 * selection right after it reads ({@code selectsNext}).
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
  /** Slots in all: the shared registers, the frame's own, then the arrays read in place. */
  final int slots;
  /** Per outside operand: its slot. */
  final int[] externalSlot;
  /** Per outside operand: true when it is copied into its register chunk by chunk. */
  final boolean[] perChunk;
  /** Per output: its slot. */
  final int[] outputSlot;
  /** Per output: true when it is computed in a register and copied out. */
  final boolean[] copiedOut;
  /** Per slot: the constant it holds, when {@link #isConstant}. */
  final double[] constantOf;
  final boolean[] isConstant;
  /** Per slot: true for a register, false for an array as long as the output. */
  final boolean[] isRegister;
  /** Per instruction: the slots of its result and of its (up to three) operands. */
  final int[][] slotsOf;
  /** Per instruction: true when it reads and writes arrays as long as the output, in place. */
  final boolean[] direct;
  /**
   * Per instruction: true for a comparison whose 1 or 0 only the next instruction reads, a
   * selection by it indexed alike: the two run as one loop that selects by the comparison itself
   * ({@link Comparisons#compareSelect}), as ReLU's derivative where(x &gt; 0, g, 0) does.
   */
  final boolean[] selectsNext;

  /** Lays out {@code p} over {@code shape}, outside operand e having shape {@code operands[e]}. */
  public Layout(Program p, Shape shape, Shape... operands) {
    this.program = p;
    this.shape = shape;
    this.size = shape.size();
    this.externalShapes = operands.clone();
    int e = p.externals();
    this.modes = modes(shape, operands);
    int rowLength = shape.rank() >= 2 ? shape.dim(shape.rank() - 1) : 0;
    boolean rows = false;
    for (int x = 0; x < e; x++) {
      rows |= modes[x] == Mode.ROW;
    }
    this.row = rows ? rowLength : 0;
    int whole = rows && rowLength <= CHUNK ? CHUNK / rowLength * rowLength : CHUNK;
    this.chunk = Math.max(1, Math.min(whole, size));
    boolean[] inPlace = inPlace(p, modes);
    int values = p.values();
    this.perChunk = new boolean[e];
    boolean[] liveIn = new boolean[values];
    boolean[] pooled = new boolean[values];
    boolean[] kept = new boolean[values];
    for (int x = 0; x < e; x++) {
      perChunk[x] = !inPlace[x] && (modes[x] == Mode.FULL || modes[x] == Mode.BROADCAST
          || (modes[x] == Mode.ROW && row > CHUNK));
      liveIn[x] = perChunk[x];
      pooled[x] = perChunk[x];
    }
    for (int v = e; v < values; v++) {
      pooled[v] = p.kind(v) == Program.Kind.RESULT && !inPlace[v];
    }
    for (int v : p.outputs()) {
      kept[v] = true;
    }
    Registers r = new Registers(p, liveIn, pooled, kept);
    this.shared = r.count();
    int[] slotOf = new int[values];
    int next = shared;
    for (int v = 0; v < values; v++) {
      slotOf[v] = r.of(v) >= 0 ? r.of(v) : inPlace[v] ? -1 : next++;
    }
    int registers = next;
    for (int v = 0; v < values; v++) {
      slotOf[v] = slotOf[v] >= 0 ? slotOf[v] : next++;
    }
    this.slots = Math.max(1, next);
    this.isRegister = new boolean[slots];
    Arrays.fill(isRegister, 0, registers, true);
    this.constantOf = new double[slots];
    this.isConstant = new boolean[slots];
    for (int v = e; v < values; v++) {
      if (p.kind(v) == Program.Kind.CONSTANT) {
        constantOf[slotOf[v]] = p.constant(v);
        isConstant[slotOf[v]] = true;
      }
    }
    this.externalSlot = Arrays.copyOf(slotOf, e);
    int[] outs = p.outputs();
    this.outputSlot = new int[outs.length];
    this.copiedOut = new boolean[outs.length];
    for (int j = 0; j < outs.length; j++) {
      outputSlot[j] = slotOf[outs[j]];
      copiedOut[j] = !inPlace[outs[j]];
    }
    this.slotsOf = new int[p.length()][];
    this.direct = new boolean[p.length()];
    for (int k = 0; k < p.length(); k++) {
      int[] s = new int[4];
      s[0] = slotOf[p.result(k)];
      for (int j = 0; j < 3; j++) {
        s[j + 1] = j < p.primitive(k).arity() ? slotOf[p.operand(k, j)] : s[0];
      }
      slotsOf[k] = s;
      direct[k] = inPlace[p.result(k)];
    }
    this.selectsNext = comparisonsFeedingSelections(p, direct);
  }

  /**
   * Returns, per instruction, whether it is a comparison whose result is read once, as the
   * condition of the selection right after it, which is indexed as it is (both in place or both in
   * registers), and is no output.
   */
  private static boolean[] comparisonsFeedingSelections(Program p, boolean[] direct) {
    int[] reads = new int[p.values()];
    for (int k = 0; k < p.length(); k++) {
      for (int j = 0; j < p.primitive(k).arity(); j++) {
        reads[p.operand(k, j)]++;
      }
    }
    for (int v : p.outputs()) {
      reads[v]++;
    }
    boolean[] fused = new boolean[p.length()];
    for (int k = 0; k + 1 < p.length(); k++) {
      int t = p.result(k);
      fused[k] = p.primitive(k).isComparison() && p.primitive(k + 1) == Primitive.SELECT
          && p.operand(k + 1, 0) == t && reads[t] == 1 && direct[k] == direct[k + 1];
    }
    return fused;
  }

  /**
   * Returns, per value, whether it is read or written in place in an array as long as the output:
   * an outside operand of the output's size, or an output, such that every instruction touching
   * it touches only such values (so its loop indexes them all alike). The others live in
   * registers: an instruction mixing the two kinds copies its arrays in or out.
   */
  private static boolean[] inPlace(Program p, Mode[] modes) {
    boolean[] in = new boolean[p.values()];
    for (int x = 0; x < modes.length; x++) {
      in[x] = modes[x] == Mode.FULL;
    }
    for (int v : p.outputs()) {
      in[v] = true;
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int k = 0; k < p.length(); k++) {
        boolean all = in[p.result(k)];
        for (int j = 0; j < p.primitive(k).arity(); j++) {
          all &= in[p.operand(k, j)];
        }
        if (!all) {
          changed |= in[p.result(k)];
          in[p.result(k)] = false;
          for (int j = 0; j < p.primitive(k).arity(); j++) {
            changed |= in[p.operand(k, j)];
            in[p.operand(k, j)] = false;
          }
        }
      }
    }
    return in;
  }

  /**
   * Returns how a loop over {@code shape} reads outside operands of shapes {@code operands}: the
   * modes a layout of them would choose, without laying out a program.
   */
  public static Mode[] modes(Shape shape, Shape... operands) {
    int rowLength = shape.rank() >= 2 ? shape.dim(shape.rank() - 1) : 0;
    Mode[] modes = new Mode[operands.length];
    for (int x = 0; x < operands.length; x++) {
      modes[x] = modeOf(operands[x], shape.size(), rowLength);
    }
    return modes;
  }

  private static Mode modeOf(Shape operand, int size, int rowLength) {
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
   * Returns, per output, the outside operands of the output's size whose arrays the output may be
   * written into (no instruction after the one computing the output reads them), in operand order,
   * for a program whose outside operands are read as {@code modes} say (from {@link #modes}). The
   * caller gives each operand to one output at most, and only once nothing else reads it.
   */
  public static int[][] overwritable(Program program, Mode[] modes) {
    int[] outs = program.outputs();
    int e = program.externals();
    int[] lastRead = new int[e];
    Arrays.fill(lastRead, -1);
    for (int k = 0; k < program.length(); k++) {
      for (int j = 0; j < program.primitive(k).arity(); j++) {
        int v = program.operand(k, j);
        if (v < e) {
          lastRead[v] = k;
        }
      }
    }
    int[][] offer = new int[outs.length][];
    for (int j = 0; j < outs.length; j++) {
      int computed = program.definer(outs[j]);
      offer[j] = IntStream.range(0, e)
          .filter(x -> modes[x] == Mode.FULL && lastRead[x] <= computed).toArray();
    }
    return offer;
  }
}
