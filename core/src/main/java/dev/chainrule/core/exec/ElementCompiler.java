package dev.chainrule.core.exec;

import static dev.chainrule.core.exec.Opcodes.ABS;
import static dev.chainrule.core.exec.Opcodes.ADD;
import static dev.chainrule.core.exec.Opcodes.BINARY;
import static dev.chainrule.core.exec.Opcodes.COPY;
import static dev.chainrule.core.exec.Opcodes.DIV;
import static dev.chainrule.core.exec.Opcodes.EXP;
import static dev.chainrule.core.exec.Opcodes.LEAKY_RELU;
import static dev.chainrule.core.exec.Opcodes.LOG;
import static dev.chainrule.core.exec.Opcodes.MUL;
import static dev.chainrule.core.exec.Opcodes.NEG;
import static dev.chainrule.core.exec.Opcodes.POW;
import static dev.chainrule.core.exec.Opcodes.RELU;
import static dev.chainrule.core.exec.Opcodes.SELECT;
import static dev.chainrule.core.exec.Opcodes.SIGMOID;
import static dev.chainrule.core.exec.Opcodes.SQRT;
import static dev.chainrule.core.exec.Opcodes.SQUARE;
import static dev.chainrule.core.exec.Opcodes.SUB;
import static dev.chainrule.core.exec.Opcodes.TANH;
import static dev.chainrule.core.exec.Opcodes.UNARY;

import dev.chainrule.core.exec.ClassBytes.Code;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.BitSet;

/**
 * Compiles a small-mode {@link FusedProgram} into a hidden class whose code computes one element
 * with every register held in a local variable: the interpreter's dispatch and its memory round
 * trip per instruction disappear. Each register maps to one local, instruction by instruction, so
 * the code performs exactly the interpreter's operations (the operations' own methods, or for +,
 * −, ·, /, negation and squaring the same Java operators), giving the same numbers bit for bit.
 * Long programs are split into parts of {@link #PART} instructions (the JIT does not compile huge
 * methods); registers still needed by a later part pass through the scratch array.
 */
final class ElementCompiler {
  /**
   * Instructions per generated method: at most about 40 bytes each (an instruction, its operands'
   * loads, a store), so a part stays well inside the 8000 bytes beyond which the JIT does not
   * compile a method.
   */
  static final int PART = 150;
  /**
   * Programs longer than this stay interpreted: the JIT compiles a generated method only after
   * many calls, and a plan that runs a very long program runs it too few times for that to pay.
   */
  static final int MAX_LENGTH = 4096;

  private static final String OPS = "dev/chainrule/core/graph/ops/";
  private static final String SELF = "dev/chainrule/core/exec/ElementKernel$Compiled";
  private static final String PART_DESC = "([[D[[D[DI[[I[Ljava/lang/Object;)V";
  private static final int IN = 0;
  private static final int OUT = 1;
  private static final int SCRATCH = 2;
  private static final int ELEMENT = 3;
  private static final int MAPS = 4;
  private static final int ATTRS = 5;
  private static final int FIRST_REGISTER = 6;

  private final FusedProgram p;
  private final ClassBytes cls = new ClassBytes(SELF, "dev/chainrule/core/exec/ElementKernel");
  private final int parts;
  /** Per register: whether it holds an outside operand (read-only, loaded from {@code in}). */
  private final boolean[] external;

  private ElementCompiler(FusedProgram p) {
    this.p = p;
    this.parts = (p.length() + PART - 1) / PART;
    this.external = new boolean[Math.max(1, p.registers)];
    for (int r : p.externalRegister) {
      external[r] = true;
    }
  }

  /** Returns the compiled kernel of a small-mode program, or null if it cannot be compiled. */
  static ElementKernel compile(FusedProgram p) {
    if (!p.small || p.length() == 0 || p.length() > MAX_LENGTH) {
      return null;
    }
    try {
      byte[] bytes = new ElementCompiler(p).classFile();
      MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
      Object k = lookup.findConstructor(lookup.lookupClass(),
          MethodType.methodType(void.class, Object[].class, int[][].class))
          .invoke(p.attr, p.elementMap);
      return (ElementKernel) k;
    } catch (Throwable e) {
      return null;
    }
  }

  private byte[] classFile() {
    cls.addField("attrs", "[Ljava/lang/Object;");
    cls.addField("maps", "[[I");
    Code init = new Code(2, 3);
    init.local(0x19, 0).op(0xb7, cls.method("java/lang/Object", "<init>", "()V"));
    init.local(0x19, 0).local(0x19, 1).op(0xb5, cls.field(SELF, "attrs", "[Ljava/lang/Object;"));
    init.local(0x19, 0).local(0x19, 2).op(0xb5, cls.field(SELF, "maps", "[[I"));
    init.op(0xb1);
    cls.addMethod(0x0001, "<init>", "([Ljava/lang/Object;[[I)V", init);
    Code run = new Code(6, 5);
    for (int k = 0; k < parts; k++) {
      run.local(0x19, 1).local(0x19, 2).local(0x19, 3).local(0x15, 4);
      run.local(0x19, 0).op(0xb4, cls.field(SELF, "maps", "[[I"));
      run.local(0x19, 0).op(0xb4, cls.field(SELF, "attrs", "[Ljava/lang/Object;"));
      run.op(0xb8, cls.method(SELF, "part" + k, PART_DESC));
    }
    run.op(0xb1);
    cls.addMethod(0x0001, "run", "([[D[[D[DI)V", run);
    BitSet[] liveOut = liveOut();
    for (int k = 0; k < parts; k++) {
      cls.addMethod(0x000a, "part" + k, PART_DESC, part(k, liveOut[k]));
    }
    return cls.toBytes();
  }

  private int slot(int register) {
    return FIRST_REGISTER + 2 * register;
  }

  /**
   * Returns, per part, the member registers whose value leaves the part for a later one: read
   * later before being written again, or holding an output at the end of the program.
   */
  private BitSet[] liveOut() {
    BitSet[] out = new BitSet[parts];
    BitSet live = new BitSet();
    for (int r : p.outputRegister) {
      live.set(r);
    }
    for (int k = parts - 1; k >= 0; k--) {
      out[k] = (BitSet) live.clone();
      int from = k * PART;
      int to = Math.min(p.length(), from + PART);
      for (int m = to - 1; m >= from; m--) {
        live.clear(p.ins[4 * m + 1]);
        for (int r : operands(m)) {
          if (!external[r]) {
            live.set(r);
          }
        }
      }
    }
    return out;
  }

  private int[] operands(int m) {
    int code = p.ins[4 * m];
    int a = p.ins[4 * m + 2];
    if (code < ADD) {
      return new int[] {a};
    }
    return code < SELECT ? new int[] {a, p.ins[4 * m + 3]}
        : new int[] {a, p.ins[4 * m + 3], p.srcC[m]};
  }

  /** Emits part {@code k}: load what it reads from outside, compute, store what leaves it. */
  private Code part(int k, BitSet leaving) {
    Code c = new Code(10, slot(Math.max(1, p.registers)));
    int from = k * PART;
    int to = Math.min(p.length(), from + PART);
    BitSet defined = new BitSet();
    for (int m = from; m < to; m++) {
      for (int r : operands(m)) {
        if (!defined.get(r)) {
          load(c, r);
          defined.set(r);
        }
      }
      instruction(c, m);
      defined.set(p.ins[4 * m + 1]);
    }
    for (int r = leaving.nextSetBit(0); r >= 0; r = leaving.nextSetBit(r + 1)) {
      if (defined.get(r) && !external[r]) {
        c.local(0x19, SCRATCH).push(r, cls).local(0x18, slot(r)).op(0x52);
      }
    }
    if (k == parts - 1) {
      for (int r : p.outputRegister) {
        if (!defined.get(r)) {
          load(c, r);
          defined.set(r);
        }
      }
      for (int j = 0; j < p.outputs; j++) {
        c.local(0x19, OUT).push(j, cls).op(0x32).local(0x15, ELEMENT)
            .local(0x18, slot(p.outputRegister[j])).op(0x52);
      }
    }
    return c.op(0xb1);
  }

  /** Loads register {@code r} into its local: an outside operand from {@code in}, else scratch. */
  private void load(Code c, int r) {
    int e = externalOf(r);
    if (e >= 0) {
      c.local(0x19, IN).push(e, cls).op(0x32);
      c.local(0x19, MAPS).push(e, cls).op(0x32).local(0x15, ELEMENT).op(0x2e);
      c.op(0x31);
    } else {
      c.local(0x19, SCRATCH).push(r, cls).op(0x31);
    }
    c.local(0x39, slot(r));
  }

  private int externalOf(int r) {
    for (int e = 0; e < p.externals; e++) {
      if (p.externalRegister[e] == r) {
        return e;
      }
    }
    return -1;
  }

  /** Emits instruction {@code m}: operands on the stack, the operation, the store. */
  private void instruction(Code c, int m) {
    int code = p.ins[4 * m];
    int a = slot(p.ins[4 * m + 2]);
    int b = slot(p.ins[4 * m + 3]);
    switch (code) {
      case COPY: c.local(0x18, a); break;
      case NEG: c.local(0x18, a).op(0x77); break;
      case SQUARE: c.local(0x18, a).local(0x18, a).op(0x6b); break;
      case ADD: c.local(0x18, a).local(0x18, b).op(0x63); break;
      case SUB: c.local(0x18, a).local(0x18, b).op(0x67); break;
      case MUL: c.local(0x18, a).local(0x18, b).op(0x6b); break;
      case DIV: c.local(0x18, a).local(0x18, b).op(0x6f); break;
      case EXP: singleton(c, "Exp", a); break;
      case LOG: singleton(c, "Log", a); break;
      case SQRT: singleton(c, "Sqrt", a); break;
      case ABS: singleton(c, "Abs", a); break;
      case SIGMOID: singleton(c, "Sigmoid", a); break;
      case TANH: singleton(c, "Tanh", a); break;
      case RELU: singleton(c, "Relu", a); break;
      case LEAKY_RELU: record(c, m, "LeakyRelu", a); break;
      case POW: record(c, m, "Pow", a); break;
      case UNARY:
        attr(c, m, OPS + "UnaryElementwise").local(0x18, a);
        c.invokeInterface(cls.interfaceMethod(OPS + "UnaryElementwise", "apply", "(D)D"), 3);
        break;
      case BINARY:
        attr(c, m, "java/util/function/DoubleBinaryOperator").local(0x18, a).local(0x18, b);
        c.invokeInterface(cls.interfaceMethod("java/util/function/DoubleBinaryOperator",
            "applyAsDouble", "(DD)D"), 5);
        break;
      case SELECT:
        c.local(0x18, a).local(0x18, b).local(0x18, slot(p.srcC[m]));
        c.op(0xb8, cls.method("dev/chainrule/core/exec/ElementLoops", "choose", "(DDD)D"));
        break;
      default:
        c.local(0x18, a).local(0x18, b).op(0xb8, cls.method("dev/chainrule/core/exec/ElementLoops",
            comparison(code), "(DD)D"));
    }
    c.local(0x39, slot(p.ins[4 * m + 1]));
  }

  private void singleton(Code c, String op, int a) {
    c.op(0xb2, cls.field(OPS + op, "INSTANCE", "L" + OPS + op + ";"));
    c.local(0x18, a).op(0xb6, cls.method(OPS + op, "apply", "(D)D"));
  }

  private void record(Code c, int m, String op, int a) {
    attr(c, m, OPS + op).local(0x18, a).op(0xb6, cls.method(OPS + op, "apply", "(D)D"));
  }

  private Code attr(Code c, int m, String type) {
    return c.local(0x19, ATTRS).push(m, cls).op(0x32).op(0xc0, cls.type(type));
  }

  private static String comparison(int code) {
    switch (code) {
      case Opcodes.GT: return "gt";
      case Opcodes.GE: return "ge";
      case Opcodes.LT: return "lt";
      case Opcodes.LE: return "le";
      default: return "eq";
    }
  }
}
