package dev.chainrule.core.exec.codegen;

import static org.objectweb.asm.Opcodes.AALOAD;
import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.DADD;
import static org.objectweb.asm.Opcodes.DALOAD;
import static org.objectweb.asm.Opcodes.DASTORE;
import static org.objectweb.asm.Opcodes.DDIV;
import static org.objectweb.asm.Opcodes.DLOAD;
import static org.objectweb.asm.Opcodes.DMUL;
import static org.objectweb.asm.Opcodes.DNEG;
import static org.objectweb.asm.Opcodes.DSTORE;
import static org.objectweb.asm.Opcodes.DSUB;
import static org.objectweb.asm.Opcodes.D2F;
import static org.objectweb.asm.Opcodes.F2D;
import static org.objectweb.asm.Opcodes.FADD;
import static org.objectweb.asm.Opcodes.FALOAD;
import static org.objectweb.asm.Opcodes.FASTORE;
import static org.objectweb.asm.Opcodes.FDIV;
import static org.objectweb.asm.Opcodes.FLOAD;
import static org.objectweb.asm.Opcodes.FMUL;
import static org.objectweb.asm.Opcodes.FNEG;
import static org.objectweb.asm.Opcodes.FSTORE;
import static org.objectweb.asm.Opcodes.FSUB;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.IALOAD;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.PUTFIELD;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.V17;

import dev.chainrule.core.scalar.Primitive;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.BitSet;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Compiles a small fused program ({@link ElementCode}) into a hidden class whose code computes one
 * element with every register held in a local variable: the interpreter's dispatch and its memory
 * round trip per instruction disappear. Each instruction becomes the JVM instruction of its
 * {@link Primitive} (an arithmetic opcode, or a call of the static method that defines it), so the
 * code performs exactly the interpreter's operations and gives its numbers bit for bit; it knows
 * primitives, never operations. Long programs are split into parts of {@link #PART} instructions
 * (the JIT does not compile huge methods); registers still needed by a later part pass through the
 * scratch array. The class file is written with ASM. A float32 program ({@link #compileFloat})
 * is the same code over {@code float} locals and arrays: FADD for DADD, and a function's call on
 * the operands widened to double with its result rounded back (F2D … D2F), which is {@link
 * Primitive#applyFloat} exactly.
 */
public final class ElementCompiler {
  /**
   * Instructions per generated method: at most about 40 bytes each (an instruction, its operands'
   * loads, a store), so a part stays well inside the 8000 bytes beyond which the JIT does not
   * compile a method.
   */
  public static final int PART = 150;
  /**
   * Programs longer than this stay interpreted: the JIT compiles a generated method only after
   * many calls, and a plan that runs a very long program runs it too few times for that to pay.
   */
  public static final int MAX_LENGTH = 4096;

  private static final String SELF = Type.getInternalName(ElementKernel.class) + "$Compiled";
  private static final int IN = 0;
  private static final int OUT = 1;
  private static final int SCRATCH = 2;
  private static final int ELEMENT = 3;
  private static final int MAPS = 4;
  private static final int FIRST_REGISTER = 5;

  /** Why a program was not compiled; the plan then interprets it and says so. */
  public static final class NotCompiledException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the reason and the failure behind it, if any. */
    public NotCompiledException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final ElementCode c;
  private final int parts;
  private final boolean[] external;
  /** Whether the code computes in float32: float locals, arrays and arithmetic. */
  private final boolean floats;
  private final String partDesc;
  private final String runDesc;

  private ElementCompiler(ElementCode c, boolean floats) {
    this.c = c;
    this.floats = floats;
    String t = floats ? "F" : "D";
    this.runDesc = "([[" + t + "[[" + t + "[" + t + "I)V";
    this.partDesc = "([[" + t + "[[" + t + "[" + t + "I[[I)V";
    this.parts = (c.length() + PART - 1) / PART;
    this.external = new boolean[c.registers()];
    for (int r : c.externalRegister()) {
      external[r] = true;
    }
  }

  /**
   * Returns the compiled kernel of a small program, or throws saying why there is none: an empty
   * or very long program, or a failure to generate, define or instantiate the class.
   */
  public static ElementKernel compile(ElementCode code) throws NotCompiledException {
    return (ElementKernel) instantiate(code, false);
  }

  /**
   * Returns the compiled float32 kernel of a small program (its constants rounded to float32), or
   * throws saying why there is none, as {@link #compile} does.
   */
  public static FloatElementKernel compileFloat(ElementCode code) throws NotCompiledException {
    return (FloatElementKernel) instantiate(code, true);
  }

  private static Object instantiate(ElementCode code, boolean floats)
      throws NotCompiledException {
    if (code.length() == 0 || code.length() > MAX_LENGTH) {
      throw new NotCompiledException(code.length() + " instructions, outside 1 .. " + MAX_LENGTH,
          null);
    }
    try {
      byte[] bytes = new ElementCompiler(code, floats).classFile();
      MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
      return lookup.findConstructor(lookup.lookupClass(),
          MethodType.methodType(void.class, int[][].class)).invoke(code.elementMap());
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      throw new NotCompiledException(e.toString(), e);
    }
  }

  private byte[] classFile() {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    cw.visit(V17, ACC_FINAL, SELF, null, "java/lang/Object",
        new String[] {Type.getInternalName(floats ? FloatElementKernel.class
            : ElementKernel.class)});
    cw.visitField(ACC_PRIVATE | ACC_FINAL, "maps", "[[I", null, null).visitEnd();
    MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "([[I)V", null, null);
    init.visitCode();
    init.visitVarInsn(ALOAD, 0);
    init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitVarInsn(ALOAD, 0);
    init.visitVarInsn(ALOAD, 1);
    init.visitFieldInsn(PUTFIELD, SELF, "maps", "[[I");
    init.visitInsn(RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
    MethodVisitor run = cw.visitMethod(ACC_PUBLIC, "run", runDesc, null, null);
    run.visitCode();
    for (int k = 0; k < parts; k++) {
      run.visitVarInsn(ALOAD, 1);
      run.visitVarInsn(ALOAD, 2);
      run.visitVarInsn(ALOAD, 3);
      run.visitVarInsn(ILOAD, 4);
      run.visitVarInsn(ALOAD, 0);
      run.visitFieldInsn(GETFIELD, SELF, "maps", "[[I");
      run.visitMethodInsn(INVOKESTATIC, SELF, "part" + k, partDesc, false);
    }
    run.visitInsn(RETURN);
    run.visitMaxs(0, 0);
    run.visitEnd();
    BitSet[] liveOut = liveOut();
    for (int k = 0; k < parts; k++) {
      MethodVisitor m = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, "part" + k, partDesc, null,
          null);
      m.visitCode();
      part(m, k, liveOut[k]);
      m.visitInsn(RETURN);
      m.visitMaxs(0, 0);
      m.visitEnd();
    }
    cw.visitEnd();
    return cw.toByteArray();
  }

  private static int slot(int register) {
    return FIRST_REGISTER + 2 * register;
  }

  /**
   * Returns, per part, the registers computed inside whose value leaves the part for a later one:
   * read later before being written again, or holding an output at the end of the program.
   */
  private BitSet[] liveOut() {
    BitSet[] out = new BitSet[parts];
    BitSet live = new BitSet();
    for (int r : c.outputRegister()) {
      live.set(r);
    }
    for (int k = parts - 1; k >= 0; k--) {
      out[k] = (BitSet) live.clone();
      int from = k * PART;
      int to = Math.min(c.length(), from + PART);
      for (int m = to - 1; m >= from; m--) {
        int[] s = c.registersOf()[m];
        live.clear(s[0]);
        for (int j = 1; j <= c.primitive()[m].arity(); j++) {
          if (!external[s[j]] && !c.isConstant()[s[j]]) {
            live.set(s[j]);
          }
        }
      }
    }
    return out;
  }

  /** Emits part {@code k}: load what it reads from outside, compute, store what leaves it. */
  private void part(MethodVisitor m, int k, BitSet leaving) {
    int from = k * PART;
    int to = Math.min(c.length(), from + PART);
    BitSet defined = new BitSet();
    for (int i = from; i < to; i++) {
      int[] s = c.registersOf()[i];
      Primitive p = c.primitive()[i];
      for (int j = 1; j <= p.arity(); j++) {
        if (!defined.get(s[j]) && !c.isConstant()[s[j]]) {
          load(m, s[j]);
          defined.set(s[j]);
        }
      }
      for (int j = 1; j <= p.arity(); j++) {
        push(m, s[j]);
        if (floats && p.owner() != null) {
          m.visitInsn(F2D);
        }
      }
      emit(m, p);
      m.visitVarInsn(floats ? FSTORE : DSTORE, slot(s[0]));
      defined.set(s[0]);
    }
    for (int r = leaving.nextSetBit(0); r >= 0; r = leaving.nextSetBit(r + 1)) {
      if (defined.get(r) && !external[r]) {
        m.visitVarInsn(ALOAD, SCRATCH);
        m.visitLdcInsn(r);
        m.visitVarInsn(floats ? FLOAD : DLOAD, slot(r));
        m.visitInsn(floats ? FASTORE : DASTORE);
      }
    }
    if (k == parts - 1) {
      int[] outs = c.outputRegister();
      for (int j = 0; j < outs.length; j++) {
        if (!defined.get(outs[j])) {
          load(m, outs[j]);
          defined.set(outs[j]);
        }
        m.visitVarInsn(ALOAD, OUT);
        m.visitLdcInsn(j);
        m.visitInsn(AALOAD);
        m.visitVarInsn(ILOAD, ELEMENT);
        m.visitVarInsn(floats ? FLOAD : DLOAD, slot(outs[j]));
        m.visitInsn(floats ? FASTORE : DASTORE);
      }
    }
  }

  /** Pushes register {@code r}: its local, or its constant. */
  private void push(MethodVisitor m, int r) {
    if (c.isConstant()[r]) {
      m.visitLdcInsn(floats ? (Object) (float) c.constants()[r] : (Object) c.constants()[r]);
    } else {
      m.visitVarInsn(floats ? FLOAD : DLOAD, slot(r));
    }
  }

  /** Loads register {@code r} into its local: an outside operand from {@code in}, else scratch. */
  private void load(MethodVisitor m, int r) {
    int e = externalOf(r);
    if (e >= 0) {
      m.visitVarInsn(ALOAD, IN);
      m.visitLdcInsn(e);
      m.visitInsn(AALOAD);
      m.visitVarInsn(ALOAD, MAPS);
      m.visitLdcInsn(e);
      m.visitInsn(AALOAD);
      m.visitVarInsn(ILOAD, ELEMENT);
      m.visitInsn(IALOAD);
    } else {
      m.visitVarInsn(ALOAD, SCRATCH);
      m.visitLdcInsn(r);
    }
    m.visitInsn(floats ? FALOAD : DALOAD);
    m.visitVarInsn(floats ? FSTORE : DSTORE, slot(r));
  }

  private int externalOf(int r) {
    int[] registers = c.externalRegister();
    for (int e = 0; e < registers.length; e++) {
      if (registers[e] == r) {
        return e;
      }
    }
    return -1;
  }

  /**
   * Emits the primitive, its operands on the stack: its opcode, or a call of its definition (in
   * float32, on the operands widened to double, its result rounded back).
   */
  private void emit(MethodVisitor m, Primitive p) {
    if (floats) {
      emitFloat(m, p);
      return;
    }
    switch (p) {
      case COPY: break;
      case NEG: m.visitInsn(DNEG); break;
      case ADD: m.visitInsn(DADD); break;
      case SUB: m.visitInsn(DSUB); break;
      case MUL: m.visitInsn(DMUL); break;
      case DIV: m.visitInsn(DDIV); break;
      default:
        m.visitMethodInsn(INVOKESTATIC, Type.getInternalName(p.owner()), p.methodName(),
            "(" + "D".repeat(p.arity()) + ")D", false);
    }
  }

  private static void emitFloat(MethodVisitor m, Primitive p) {
    switch (p) {
      case COPY: break;
      case NEG: m.visitInsn(FNEG); break;
      case ADD: m.visitInsn(FADD); break;
      case SUB: m.visitInsn(FSUB); break;
      case MUL: m.visitInsn(FMUL); break;
      case DIV: m.visitInsn(FDIV); break;
      default:
        m.visitMethodInsn(INVOKESTATIC, Type.getInternalName(p.owner()), p.methodName(),
            "(" + "D".repeat(p.arity()) + ")D", false);
        m.visitInsn(D2F);
    }
  }
}
