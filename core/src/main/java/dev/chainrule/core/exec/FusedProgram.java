package dev.chainrule.core.exec;

import dev.chainrule.core.graph.Op;
import dev.chainrule.core.tensor.Shape;
import java.util.Arrays;

/**
 * Connected elementwise operations of one shape compiled into one loop: a list of {@link Opcodes}
 * instructions over registers, the group's outside operands and its outputs. Values only used
 * inside the group live in registers. A shape of up to {@link #SMALL} elements runs element by
 * element, each register a single number, so a chain of scalar operations runs as a straight list
 * of instructions; a larger shape runs instruction by instruction over chunks of {@link #CHUNK}
 * elements (which stay in the L1 cache), each register an array as long as the shape shared by all
 * the loops of a workspace, so that every operand of a loop is indexed alike and the JIT vectorises
 * it. Immutable; {@link FusedFrame} runs it.
 */
final class FusedProgram {
  /** Elements per chunk: long enough to amortise dispatch, short enough to stay in L1. */
  static final int CHUNK = 512;
  /** Shapes up to this many elements run element by element. */
  static final int SMALL = 8;

  /** How an outside operand is read. */
  enum Mode {
    /** As many elements as the group: read in place at the same flat position. */
    FULL,
    /** One element, repeated. */
    SCALAR,
    /** Broadcast along some axes: gathered into a register chunk by chunk. */
    BROADCAST
  }

  final Shape shape;
  final int size;
  final boolean small;
  /** Four ints per instruction: code, destination, first and second operand. */
  final int[] ins;
  /** Per instruction: the third operand (where's value if false), else 0. */
  final int[] srcC;
  /** Per instruction: the operation, for codes that need its attributes or its methods. */
  final Object[] attr;
  /** Registers in all; in chunk mode the first ones hold scalar and broadcast operands. */
  final int registers;
  final Mode[] modes;
  final Shape[] externalShapes;
  /** Per outside operand: its register (scalar, broadcast, small mode) or -1 (read in place). */
  final int[] externalRegister;
  /** Small mode: per outside operand, the position read for each element. */
  final int[][] elementMap;
  /** Per output: the register holding it (small mode only). */
  final int[] outputRegister;
  /** Per outside operand: the last instruction that reads it. */
  final int[] externalLastRead;
  /** Per output: the instruction that computes it. */
  final int[] outputInstruction;
  final int externals;
  final int outputs;

  /**
   * Compiles a group. The operands of member {@code m} are {@code args[argStart[m]]} up to
   * {@code args[argStart[m + 1]]}: a member index when non-negative, or {@code -(e + 1)} for
   * outside operand {@code e}. Members are in topological order, all of shape {@code shape};
   * {@code isOutput[m]} marks the members needed outside.
   */
  FusedProgram(Shape shape, Op[] ops, int[] argStart, int[] args, Shape[] externalShapes,
      boolean[] isOutput) {
    this.shape = shape;
    this.size = shape.size();
    this.small = size <= SMALL;
    int n = ops.length;
    this.ins = new int[4 * n];
    this.attr = new Object[n];
    this.srcC = new int[n];
    this.externalShapes = externalShapes;
    this.externals = externalShapes.length;
    this.modes = new Mode[externals];
    this.externalRegister = new int[externals];
    int outs = 0;
    for (boolean o : isOutput) {
      outs += o ? 1 : 0;
    }
    this.outputs = outs;
    this.outputRegister = new int[outs];
    this.externalLastRead = new int[externalShapes.length];
    this.outputInstruction = new int[outs];
    this.elementMap = small ? new int[externals][] : null;
    int fixed = 0;
    for (int e = 0; e < externals; e++) {
      int s = externalShapes[e].size();
      modes[e] = s == size ? Mode.FULL : s == 1 ? Mode.SCALAR : Mode.BROADCAST;
      externalRegister[e] = small || modes[e] != Mode.FULL ? fixed++ : -1;
      if (small) {
        elementMap[e] = new int[size];
        Gather g = modes[e] == Mode.BROADCAST ? new Gather(externalShapes[e], shape) : null;
        for (int i = 0; i < size; i++) {
          elementMap[e][i] = modes[e] == Mode.FULL ? i : g != null ? g.offsetOf(i) : 0;
        }
      }
    }
    this.registers = allocate(ops, argStart, args, isOutput, fixed);
  }

  /** The compiled code of a small program, once {@link #compiled()} has made it (or failed). */
  private volatile ElementKernel kernel;
  private volatile boolean compileTried;

  /**
   * Returns the program compiled to JVM code (see {@link ElementCompiler}), compiling it on the
   * first call; null for chunk mode, or when compiling failed (the interpreter then runs it).
   */
  ElementKernel compiled() {
    if (!compileTried) {
      synchronized (this) {
        if (!compileTried) {
          kernel = ElementCompiler.compile(this);
          compileTried = true;
        }
      }
    }
    return kernel;
  }

  /** Returns the compiled code if it exists already, without compiling. */
  ElementKernel compiledIfReady() {
    return kernel;
  }

  /** Drops compiled code that failed to link; the interpreter runs the program from now on. */
  void discardCompiled() {
    kernel = null;
  }

  /** Returns how the program runs: element by element, or in chunks. */
  String mode() {
    return small ? "element by element" : "chunks of " + Math.min(CHUNK, size);
  }

  /**
   * Assigns operands and destinations and returns the number of registers used. A register is
   * free again after its value's last reader (so an instruction may write where it reads), except
   * that outputs of small mode keep theirs: the frame copies them out after each element. In chunk
   * mode operands are frame indices: registers, then outside operands read in place, then outputs.
   */
  private int allocate(Op[] ops, int[] argStart, int[] args, boolean[] isOutput, int fixed) {
    int n = ops.length;
    int[] lastUse = new int[n];
    for (int m = 0; m < n; m++) {
      for (int k = argStart[m]; k < argStart[m + 1]; k++) {
        if (args[k] >= 0) {
          lastUse[args[k]] = m;
        }
      }
    }
    // While compiling: register r is r; outside operand e read in place is -(1 + e); output j
    // of chunk mode is -(1 + externals + j); frameIndices() maps them once registers are counted.
    int[] location = new int[n];
    int[] free = new int[16];
    int freeCount = 0;
    int next = fixed;
    int out = 0;
    int[] dst = new int[n];
    int[] srcA = new int[n];
    int[] srcB = new int[n];
    int[][] operands = {srcA, srcB, srcC};
    for (int m = 0; m < n; m++) {
      attr[m] = ops[m];
      int code = Opcodes.of(ops[m]);
      // A comparison's vectorised loop needs its operands intact after writing (see ElementLoops),
      // so its destination is taken before its operands' registers are released.
      boolean early = code >= Opcodes.GT && code <= Opcodes.EQ && !small && !isOutput[m];
      if (early) {
        location[m] = freeCount == 0 ? next++ : free[--freeCount];
      }
      for (int k = argStart[m], j = 0; k < argStart[m + 1]; k++, j++) {
        int a = args[k];
        int e = -a - 1;
        if (a < 0) {
          externalLastRead[e] = m;
        }
        operands[j][m] = a >= 0 ? location[a]
            : externalRegister[e] >= 0 ? externalRegister[e] : -(1 + e);
      }
      for (int k = argStart[m]; k < argStart[m + 1]; k++) {
        int a = args[k];
        if (a >= 0 && lastUse[a] == m && !isOutput[a]) {
          if (freeCount == free.length) {
            free = java.util.Arrays.copyOf(free, 2 * freeCount);
          }
          free[freeCount++] = location[a];
          lastUse[a] = -1;
        }
      }
      if (early) {
        dst[m] = location[m];
        continue;
      }
      if (isOutput[m]) {
        outputInstruction[out] = m;
      }
      if (isOutput[m] && !small) {
        location[m] = -(1 + externals + out++);
      } else {
        location[m] = freeCount == 0 ? next++ : free[--freeCount];
        if (isOutput[m]) {
          outputRegister[out++] = location[m];
        }
      }
      dst[m] = location[m];
    }
    if (!small) {
      int[] frame = frameIndices(next);
      for (int[] refs : new int[][] {dst, srcA, srcB, srcC}) {
        for (int i = 0; i < n; i++) {
          refs[i] = refs[i] < 0 ? frame[-refs[i] - 1] : refs[i];
        }
      }
    }
    for (int m = 0; m < n; m++) {
      ins[4 * m] = Opcodes.of(ops[m]);
      ins[4 * m + 1] = dst[m];
      ins[4 * m + 2] = srcA[m];
      ins[4 * m + 3] = srcB[m];
    }
    return next;
  }

  /** Returns the frame index of each outside operand read in place, then of each output. */
  private int[] frameIndices(int registerCount) {
    int[] frame = new int[externals + outputs];
    int k = registerCount;
    for (int e = 0; e < externals; e++) {
      frame[e] = externalRegister[e] < 0 ? k++ : -1;
    }
    for (int j = 0; j < outputs; j++) {
      frame[externals + j] = k++;
    }
    return frame;
  }

  /**
   * Returns, per output, an outside operand read at the same flat positions whose buffer the
   * output may be written into (no instruction after the output's reads that operand), or -1.
   * Each operand is offered to one output at most.
   */
  int[] overwritable() {
    int[] offer = new int[outputs];
    boolean[] taken = new boolean[externals];
    for (int j = 0; j < outputs; j++) {
      offer[j] = -1;
      for (int e = 0; e < externals && offer[j] < 0; e++) {
        if (!taken[e] && modes[e] == Mode.FULL && externalLastRead[e] <= outputInstruction[j]) {
          offer[j] = e;
          taken[e] = true;
        }
      }
    }
    return offer;
  }

  /** Returns how many outside operands are read in place (chunk mode). */
  int fullExternals() {
    int full = 0;
    for (int r : externalRegister) {
      full += r < 0 ? 1 : 0;
    }
    return full;
  }

  /** Returns the number of instructions. */
  int length() {
    return attr.length;
  }
}
