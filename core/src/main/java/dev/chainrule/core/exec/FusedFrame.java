package dev.chainrule.core.exec;

import static dev.chainrule.core.exec.Opcodes.ABS;
import static dev.chainrule.core.exec.Opcodes.ADD;
import static dev.chainrule.core.exec.Opcodes.COPY;
import static dev.chainrule.core.exec.Opcodes.DIV;
import static dev.chainrule.core.exec.Opcodes.EQ;
import static dev.chainrule.core.exec.Opcodes.EXP;
import static dev.chainrule.core.exec.Opcodes.GE;
import static dev.chainrule.core.exec.Opcodes.GT;
import static dev.chainrule.core.exec.Opcodes.LE;
import static dev.chainrule.core.exec.Opcodes.LOG;
import static dev.chainrule.core.exec.Opcodes.LT;
import static dev.chainrule.core.exec.Opcodes.MUL;
import static dev.chainrule.core.exec.Opcodes.NEG;
import static dev.chainrule.core.exec.Opcodes.RELU;
import static dev.chainrule.core.exec.Opcodes.SELECT;
import static dev.chainrule.core.exec.Opcodes.SIGMOID;
import static dev.chainrule.core.exec.Opcodes.SQRT;
import static dev.chainrule.core.exec.Opcodes.SQUARE;
import static dev.chainrule.core.exec.Opcodes.SUB;
import static dev.chainrule.core.exec.Opcodes.TANH;

import dev.chainrule.core.exec.FusedProgram.Mode;
import dev.chainrule.core.graph.ops.Abs;
import dev.chainrule.core.graph.ops.Add;
import dev.chainrule.core.graph.ops.Div;
import dev.chainrule.core.graph.ops.Exp;
import dev.chainrule.core.graph.ops.Log;
import dev.chainrule.core.graph.ops.Mul;
import dev.chainrule.core.graph.ops.Neg;
import dev.chainrule.core.graph.ops.Relu;
import dev.chainrule.core.graph.ops.Sigmoid;
import dev.chainrule.core.graph.ops.Sqrt;
import dev.chainrule.core.graph.ops.Square;
import dev.chainrule.core.graph.ops.Sub;
import dev.chainrule.core.graph.ops.Tanh;
import java.util.Arrays;

/**
 * Runs a {@link FusedProgram} over a range of elements: the registers and broadcast readers of one
 * thread. In chunk mode every instruction runs as a loop over a chunk of elements before the next
 * instruction starts; in small mode the instructions run one after another on single numbers, the
 * common codes dispatched right here so that the JIT compiles them into this loop.
 */
final class FusedFrame {
  private final FusedProgram p;
  private final double[][] frame;
  private final double[] file;
  private final Gather[] gathers;
  private final int chunk;

  /**
   * Prepares a frame; in chunk mode its registers are {@code scratch[0 .. registers)}, arrays of
   * at least the program's size that every loop of the thread's workspace shares (loops run one
   * after another, and split loops write disjoint ranges).
   */
  FusedFrame(FusedProgram p, double[][] scratch) {
    this.p = p;
    this.chunk = Math.max(1, Math.min(FusedProgram.CHUNK, p.size));
    this.gathers = new Gather[p.externals];
    if (p.small) {
      this.file = new double[Math.max(1, p.registers)];
      this.frame = null;
      return;
    }
    this.file = null;
    int slots = p.registers + p.fullExternals() + p.outputs;
    this.frame = new double[Math.max(1, slots)][];
    for (int r = 0; r < p.registers; r++) {
      frame[r] = scratch[r];
    }
    for (int e = 0; e < p.externals; e++) {
      if (p.modes[e] == Mode.BROADCAST) {
        gathers[e] = new Gather(p.externalShapes[e], p.shape);
      }
    }
  }

  /**
   * Computes elements [from, to) of every output {@code out[j]} from the outside operands
   * {@code in[e]} (a small program always computes all its elements).
   */
  void run(double[][] in, double[][] out, int from, int to) {
    if (p.small) {
      ElementKernel k = p.compiledIfReady();
      if (k != null) {
        try {
          for (int i = 0; i < p.size; i++) {
            k.run(in, out, file, i);
          }
          return;
        } catch (LinkageError e) {
          p.discardCompiled();
        }
      }
      for (int i = 0; i < p.size; i++) {
        runElement(in, out, i);
      }
      return;
    }
    int k = p.registers;
    for (int e = 0; e < p.externals; e++) {
      if (p.externalRegister[e] < 0) {
        frame[k++] = in[e];
      }
    }
    for (int j = 0; j < p.outputs; j++) {
      frame[k++] = out[j];
    }
    for (int s = from; s < to; s += chunk) {
      int n = Math.min(chunk, to - s);
      for (int e = 0; e < p.externals; e++) {
        int r = p.externalRegister[e];
        if (gathers[e] != null) {
          gathers[e].read(in[e], s, n, frame[r]);
        } else if (r >= 0) {
          Arrays.fill(frame[r], s, s + n, in[e][0]);
        }
      }
      runChunk(s, s + n);
    }
  }

  private void runChunk(int from, int to) {
    int[] ins = p.ins;
    Object[] attr = p.attr;
    for (int k = 0, q = 0; q < ins.length; k++, q += 4) {
      int c = ins[q];
      double[] d = frame[ins[q + 1]];
      double[] a = frame[ins[q + 2]];
      if (c < ADD) {
        ElementLoops.unary(c, attr[k], a, d, from, to);
      } else if (c < SELECT) {
        ElementLoops.binary(c, attr[k], a, frame[ins[q + 3]], d, from, to);
      } else {
        ElementLoops.select(a, frame[ins[q + 3]], frame[p.srcC[k]], d, from, to);
      }
    }
  }

  /** Runs every instruction on element {@code i}: the registers hold single numbers. */
  private void runElement(double[][] in, double[][] out, int i) {
    double[] r = file;
    for (int e = 0; e < p.externals; e++) {
      r[p.externalRegister[e]] = in[e][p.elementMap[e][i]];
    }
    int[] ins = p.ins;
    for (int q = 0; q < ins.length; q += 4) {
      double a = r[ins[q + 2]];
      double v;
      switch (ins[q]) {
        case COPY: v = a; break;
        case NEG: v = Neg.INSTANCE.apply(a); break;
        case EXP: v = Exp.INSTANCE.apply(a); break;
        case LOG: v = Log.INSTANCE.apply(a); break;
        case SQRT: v = Sqrt.INSTANCE.apply(a); break;
        case ABS: v = Abs.INSTANCE.apply(a); break;
        case SQUARE: v = Square.INSTANCE.apply(a); break;
        case SIGMOID: v = Sigmoid.INSTANCE.apply(a); break;
        case TANH: v = Tanh.INSTANCE.apply(a); break;
        case RELU: v = Relu.INSTANCE.apply(a); break;
        case ADD: v = Add.INSTANCE.applyAsDouble(a, r[ins[q + 3]]); break;
        case SUB: v = Sub.INSTANCE.applyAsDouble(a, r[ins[q + 3]]); break;
        case MUL: v = Mul.INSTANCE.applyAsDouble(a, r[ins[q + 3]]); break;
        case DIV: v = Div.INSTANCE.applyAsDouble(a, r[ins[q + 3]]); break;
        case GT: v = ElementLoops.gt(a, r[ins[q + 3]]); break;
        case GE: v = ElementLoops.ge(a, r[ins[q + 3]]); break;
        case LT: v = ElementLoops.lt(a, r[ins[q + 3]]); break;
        case LE: v = ElementLoops.le(a, r[ins[q + 3]]); break;
        case EQ: v = ElementLoops.eq(a, r[ins[q + 3]]); break;
        default:
          v = ElementLoops.scalar(ins[q], p.attr[q >> 2], a, r[ins[q + 3]], r[p.srcC[q >> 2]]);
      }
      r[ins[q + 1]] = v;
    }
    for (int j = 0; j < p.outputs; j++) {
      out[j][i] = r[p.outputRegister[j]];
    }
  }
}
