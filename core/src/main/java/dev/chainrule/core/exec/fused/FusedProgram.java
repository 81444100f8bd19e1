package dev.chainrule.core.exec.fused;

import dev.chainrule.core.exec.codegen.ElementCode;
import dev.chainrule.core.exec.codegen.ElementCompiler;
import dev.chainrule.core.exec.codegen.ElementKernel;
import dev.chainrule.core.scalar.Gather;
import dev.chainrule.core.scalar.Layout;
import dev.chainrule.core.scalar.Primitive;
import dev.chainrule.core.scalar.Program;
import dev.chainrule.core.scalar.Registers;
import dev.chainrule.core.scalar.Scalar;
import dev.chainrule.core.tensor.Shape;

/**
 * Connected elementwise operations of one shape compiled into one loop: their scalar forms
 * inlined into one {@link Program}, each operation's value chained to its readers, the group's
 * outside operands and its outputs. Values only used inside the group never leave the loop. A
 * shape of up to {@link #SMALL} elements runs element by element, each value a single number in a
 * register (and, once warm, as generated JVM code: {@link ElementCompiler}); a larger shape runs
 * in chunks, each primitive a loop over a chunk ({@link Layout}). Immutable but for the generated
 * code, made once; {@link FusedFrame} runs it.
 */
public final class FusedProgram {
  /** Shapes up to this many elements run element by element. */
  public static final int SMALL = 8;

  private final Shape shape;
  private final int size;
  private final boolean small;
  /** The number of operations fused, as the plan describes the loop. */
  private final int members;
  private final Program program;
  /** How each outside operand is read. */
  private final Layout.Mode[] modes;
  private final Shape[] externalShapes;
  /** How the chunks run; in small mode made only if asked for. */
  private volatile Layout layout;
  /** The element-by-element code, or null in chunk mode. */
  private final ElementCode code;
  private final int externals;
  private final int outputs;

  /**
   * Compiles a group. Member {@code m} computes {@code forms[m]} of its operands, which are
   * {@code args[argStart[m]]} up to {@code args[argStart[m + 1]]}: a member index when
   * non-negative, or {@code -(e + 1)} for outside operand {@code e}. Members are in topological
   * order, all of shape {@code shape}; {@code isOutput[m]} marks the members needed outside, whose
   * values are the outputs in member order.
   */
  public FusedProgram(Shape shape, Scalar[] forms, int[] argStart, int[] args,
      Shape[] externalShapes, boolean[] isOutput) {
    this.shape = shape;
    this.size = shape.size();
    this.small = size <= SMALL;
    this.members = forms.length;
    this.externals = externalShapes.length;
    Program.Builder b = new Program.Builder(externals, forms.length);
    int[] value = new int[forms.length];
    for (int m = 0; m < forms.length; m++) {
      int[] in = new int[argStart[m + 1] - argStart[m]];
      for (int j = 0; j < in.length; j++) {
        int a = args[argStart[m] + j];
        in[j] = a >= 0 ? value[a] : -a - 1;
      }
      value[m] = b.inline(forms[m], in);
    }
    int outs = 0;
    for (int m = 0; m < forms.length; m++) {
      if (isOutput[m]) {
        b.output(value[m]);
        outs++;
      }
    }
    this.outputs = outs;
    this.program = b.build();
    this.externalShapes = externalShapes.clone();
    this.modes = Layout.modes(shape, externalShapes);
    this.layout = small ? null : new Layout(program, shape, externalShapes);
    this.code = small ? elementCode(externalShapes) : null;
  }

  /** Returns the shape the loop runs over. */
  public Shape shape() {
    return shape;
  }

  /** Returns the number of elements of the shape. */
  public int size() {
    return size;
  }

  /** Returns true when the loop runs element by element (and is compiled once warm). */
  public boolean isSmall() {
    return small;
  }

  /** Returns the number of operations fused. */
  public int members() {
    return members;
  }

  /** Returns the element-by-element code, or null in chunk mode. */
  ElementCode code() {
    return code;
  }

  /** Returns the number of outside operands. */
  public int externals() {
    return externals;
  }

  /** Returns the number of outputs, the members needed outside, in member order. */
  public int outputs() {
    return outputs;
  }

  /**
   * Returns how the chunks run: their length, the shared registers, the split into parts. A small
   * program runs element by element and lays itself out in chunks only when asked.
   */
  public Layout layout() {
    Layout l = layout;
    if (l == null) {
      l = new Layout(program, shape, externalShapes);
      layout = l;
    }
    return l;
  }

  /** Lays the program out element by element: every value in a register of its own or shared. */
  private ElementCode elementCode(Shape[] externalShapes) {
    Program p = program;
    int values = p.values();
    boolean[] dedicated = new boolean[values];
    boolean[] pooled = new boolean[values];
    boolean[] kept = new boolean[values];
    for (int v = 0; v < values; v++) {
      dedicated[v] = p.kind(v) != Program.Kind.RESULT;
      pooled[v] = !dedicated[v];
    }
    for (int v : p.outputs()) {
      kept[v] = true;
    }
    Registers r = new Registers(p, dedicated, pooled, kept);
    int n = p.length();
    Primitive[] primitive = new Primitive[n];
    int[][] operands = new int[n][];
    for (int k = 0; k < n; k++) {
      primitive[k] = p.primitive(k);
      int[] s = new int[4];
      s[0] = r.of(p.result(k));
      for (int j = 0; j < 3; j++) {
        s[j + 1] = j < primitive[k].arity() ? r.of(p.operand(k, j)) : s[0];
      }
      operands[k] = s;
    }
    int[] externalRegister = new int[externals];
    int[][] elementMap = new int[externals][size];
    for (int e = 0; e < externals; e++) {
      externalRegister[e] = r.of(e);
      Layout.Mode mode = modes[e];
      Gather g = mode == Layout.Mode.FULL || mode == Layout.Mode.SCALAR ? null
          : new Gather(externalShapes[e], shape);
      for (int i = 0; i < size; i++) {
        elementMap[e][i] = mode == Layout.Mode.FULL ? i : g == null ? 0 : g.offsetOf(i);
      }
    }
    int registers = Math.max(1, r.count());
    double[] constants = new double[registers];
    boolean[] isConstant = new boolean[registers];
    for (int v = 0; v < values; v++) {
      if (p.kind(v) == Program.Kind.CONSTANT) {
        constants[r.of(v)] = p.constant(v);
        isConstant[r.of(v)] = true;
      }
    }
    int[] outs = p.outputs();
    int[] outputRegister = new int[outs.length];
    for (int j = 0; j < outs.length; j++) {
      outputRegister[j] = r.of(outs[j]);
    }
    return new ElementCode(primitive, operands, registers, externalRegister, elementMap,
        outputRegister, constants, isConstant);
  }

  /** The generated code of a small program, once {@link #compiled()} has made it (or failed). */
  private volatile ElementKernel kernel;
  private volatile String notCompiled;

  /**
   * Returns the program compiled to JVM code (see {@link ElementCompiler}), compiling it on the
   * first call; null for chunk mode, or when compiling failed (the interpreter then runs it, and
   * {@link #mode()} says why).
   */
  public ElementKernel compiled() {
    if (small && kernel == null && notCompiled == null) {
      synchronized (this) {
        if (kernel == null && notCompiled == null) {
          try {
            kernel = ElementCompiler.compile(code);
          } catch (ElementCompiler.NotCompiledException e) {
            notCompiled = e.getMessage();
          }
        }
      }
    }
    return kernel;
  }

  /** Returns the compiled code if it exists already, without compiling. */
  public ElementKernel compiledIfReady() {
    return kernel;
  }

  /**
   * Drops compiled code that failed to link or run; the interpreter runs the program from now on
   * and the plan's description says why.
   */
  void discardCompiled(Throwable why) {
    notCompiled = "generated code failed: " + why;
    kernel = null;
  }

  /** Returns how the program runs: element by element (generated or interpreted), or in chunks. */
  public String mode() {
    if (!small) {
      return "chunks of " + layout.chunk();
    }
    String why = notCompiled;
    return why == null ? "element by element" : "element by element, interpreted: " + why;
  }

  /**
   * Returns, per output, the outside operands read at the same flat positions whose buffers the
   * output may be written into (see {@link Layout#overwritable}).
   */
  public int[][] overwritable() {
    return Layout.overwritable(program, modes);
  }
}
