package dev.chainrule.core.exec;

import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.ops.Abs;
import dev.chainrule.core.graph.ops.Add;
import dev.chainrule.core.graph.ops.BinaryElementwise;
import dev.chainrule.core.graph.ops.BroadcastTo;
import dev.chainrule.core.graph.ops.Compare;
import dev.chainrule.core.graph.ops.Div;
import dev.chainrule.core.graph.ops.Exp;
import dev.chainrule.core.graph.ops.Identity;
import dev.chainrule.core.graph.ops.LeakyRelu;
import dev.chainrule.core.graph.ops.Log;
import dev.chainrule.core.graph.ops.Mul;
import dev.chainrule.core.graph.ops.Neg;
import dev.chainrule.core.graph.ops.Pow;
import dev.chainrule.core.graph.ops.Relu;
import dev.chainrule.core.graph.ops.Reshape;
import dev.chainrule.core.graph.ops.Sigmoid;
import dev.chainrule.core.graph.ops.Sqrt;
import dev.chainrule.core.graph.ops.Square;
import dev.chainrule.core.graph.ops.Sub;
import dev.chainrule.core.graph.ops.Tanh;
import dev.chainrule.core.graph.ops.UnaryElementwise;
import dev.chainrule.core.graph.ops.Where;

/**
 * The instruction set of fused elementwise loops: one code per elementwise operation of the
 * catalogue, so that each runs in a loop of its own, plus generic codes that call any other
 * {@link UnaryElementwise} or {@link BinaryElementwise} through its interface. The loops compute
 * each element with the operation's own method (or, for comparisons, its definition), so a fused
 * loop gives exactly the numbers of the operation's {@code forward}.
 */
final class Opcodes {
  static final int COPY = 0;
  static final int NEG = 1;
  static final int EXP = 2;
  static final int LOG = 3;
  static final int SQRT = 4;
  static final int ABS = 5;
  static final int SQUARE = 6;
  static final int SIGMOID = 7;
  static final int TANH = 8;
  static final int RELU = 9;
  static final int LEAKY_RELU = 10;
  static final int POW = 11;
  static final int UNARY = 12;
  /** Codes from here on take two operands. */
  static final int ADD = 13;
  static final int SUB = 14;
  static final int MUL = 15;
  static final int DIV = 16;
  static final int GT = 17;
  static final int GE = 18;
  static final int LT = 19;
  static final int LE = 20;
  static final int EQ = 21;
  static final int BINARY = 22;
  /** The one code with three operands: condition, value if true, value if false. */
  static final int SELECT = 23;

  private Opcodes() {}

  /** Returns true when {@code op} can run inside a fused elementwise loop. */
  static boolean fusable(Op op) {
    return op instanceof UnaryElementwise || op instanceof BinaryElementwise
        || op == Where.INSTANCE || op == Identity.INSTANCE || op instanceof BroadcastTo
        || op instanceof Reshape;
  }

  /** Returns the instruction code of a {@link #fusable} operation. */
  static int of(Op op) {
    if (op == Identity.INSTANCE || op instanceof BroadcastTo || op instanceof Reshape) {
      return COPY;
    }
    if (op == Where.INSTANCE) {
      return SELECT;
    }
    if (op instanceof Compare) {
      switch (((Compare) op).relation()) {
        case GT: return GT;
        case GE: return GE;
        case LT: return LT;
        case LE: return LE;
        default: return EQ;
      }
    }
    if (op == Add.INSTANCE) {
      return ADD;
    }
    if (op == Sub.INSTANCE) {
      return SUB;
    }
    if (op == Mul.INSTANCE) {
      return MUL;
    }
    if (op == Div.INSTANCE) {
      return DIV;
    }
    if (op instanceof BinaryElementwise) {
      return BINARY;
    }
    return unary(op);
  }

  private static int unary(Op op) {
    if (op == Neg.INSTANCE) {
      return NEG;
    } else if (op == Exp.INSTANCE) {
      return EXP;
    } else if (op == Log.INSTANCE) {
      return LOG;
    } else if (op == Sqrt.INSTANCE) {
      return SQRT;
    } else if (op == Abs.INSTANCE) {
      return ABS;
    } else if (op == Square.INSTANCE) {
      return SQUARE;
    } else if (op == Sigmoid.INSTANCE) {
      return SIGMOID;
    } else if (op == Tanh.INSTANCE) {
      return TANH;
    } else if (op == Relu.INSTANCE) {
      return RELU;
    } else if (op instanceof LeakyRelu) {
      return LEAKY_RELU;
    } else if (op instanceof Pow) {
      return POW;
    }
    return UNARY;
  }

  /** Returns how many operands an instruction of {@code code} reads. */
  static int arity(int code) {
    return code < ADD ? 1 : code < SELECT ? 2 : 3;
  }
}
