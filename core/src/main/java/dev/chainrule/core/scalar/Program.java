package dev.chainrule.core.scalar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scalar forms flattened into straight-line code: a list of instructions, each applying one
 * {@link Primitive} to earlier values. Values are numbered: the outside operands first ({@code 0 ..
 * externals()}), then constants and instruction results in the order they were made. An
 * instruction's result is a value of its own (no value is written twice), and the same primitive
 * applied to the same values is computed once. Several operations' forms, chained through their
 * values, make one program: that is a fused loop. Immutable; built with a {@link Builder}.
 */
public final class Program {
  /** What a value is. */
  public enum Kind {
    /** An outside operand, read from an array. */
    EXTERNAL,
    /** A number fixed in the program. */
    CONSTANT,
    /** The result of an instruction. */
    RESULT
  }

  private final int externals;
  private final Kind[] kind;
  private final double[] constant;
  private final int[] definer;
  private final Primitive[] primitive;
  private final int[][] operands;
  private final int[] result;
  private final int[] outputs;

  private Program(Builder b) {
    int values = b.kinds.size();
    this.externals = b.externals;
    this.kind = b.kinds.toArray(new Kind[0]);
    this.constant = Arrays.copyOf(b.constants, values);
    this.definer = Arrays.copyOf(b.definers, values);
    int n = b.primitives.size();
    this.primitive = b.primitives.toArray(new Primitive[0]);
    this.operands = b.operandLists.toArray(new int[0][]);
    this.result = new int[n];
    for (int k = 0; k < n; k++) {
      result[k] = b.results.get(k);
    }
    this.outputs = b.outputs.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Returns the program of one operation's form: argument i is outside operand i, and the form's
   * value is the one output.
   */
  public static Program of(Scalar form, int arguments) {
    Builder b = new Builder(arguments);
    int[] args = new int[arguments];
    Arrays.setAll(args, i -> i);
    b.output(b.inline(form, args));
    return b.build();
  }

  /** Returns the number of outside operands, values {@code 0 .. externals()}. */
  public int externals() {
    return externals;
  }

  /** Returns the number of values: outside operands, constants and results. */
  public int values() {
    return kind.length;
  }

  /** Returns what value {@code v} is. */
  public Kind kind(int v) {
    return kind[v];
  }

  /** Returns the number a {@link Kind#CONSTANT} value holds. */
  public double constant(int v) {
    return constant[v];
  }

  /** Returns the instruction computing a {@link Kind#RESULT} value, or -1 for other values. */
  public int definer(int v) {
    return kind[v] == Kind.RESULT ? definer[v] : -1;
  }

  /** Returns the number of instructions. */
  public int length() {
    return primitive.length;
  }

  /** Returns the primitive of instruction {@code k}. */
  public Primitive primitive(int k) {
    return primitive[k];
  }

  /** Returns the values instruction {@code k} reads, as many as its primitive's arity. */
  public int[] operands(int k) {
    return operands[k].clone();
  }

  /** Returns operand {@code j} of instruction {@code k}. */
  public int operand(int k, int j) {
    return operands[k][j];
  }

  /** Returns the value instruction {@code k} computes. */
  public int result(int k) {
    return result[k];
  }

  /** Returns the values written out, in output order: distinct results of instructions. */
  public int[] outputs() {
    return outputs.clone();
  }

  /** Builds a program, value by value. */
  public static final class Builder {
    private final int externals;
    private final List<Kind> kinds = new ArrayList<>();
    private double[] constants = new double[16];
    private int[] definers = new int[16];
    private final List<Primitive> primitives = new ArrayList<>();
    private final List<int[]> operandLists = new ArrayList<>();
    private final List<Integer> results = new ArrayList<>();
    private final List<Integer> outputs = new ArrayList<>();
    private final Map<Double, Integer> constantValues = new HashMap<>();
    private final Map<List<Object>, Integer> numbered = new HashMap<>();

    /** Starts a program reading {@code externals} outside operands, values 0 .. externals. */
    public Builder(int externals) {
      this.externals = externals;
      for (int e = 0; e < externals; e++) {
        value(Kind.EXTERNAL);
      }
    }

    private int value(Kind k) {
      int v = kinds.size();
      if (v == constants.length) {
        constants = Arrays.copyOf(constants, 2 * v);
        definers = Arrays.copyOf(definers, 2 * v);
      }
      kinds.add(k);
      return v;
    }

    /** Returns the value holding {@code c}, made once per distinct number. */
    public int constant(double c) {
      return constantValues.computeIfAbsent(c, x -> {
        int v = value(Kind.CONSTANT);
        constants[v] = c;
        return v;
      });
    }

    /**
     * Returns the value of {@code form} with argument i bound to value {@code arguments[i]},
     * adding the instructions it needs (none for a form that is one of its arguments).
     */
    public int inline(Scalar form, int[] arguments) {
      return inline(form, arguments, new HashMap<>());
    }

    private int inline(Scalar form, int[] arguments, Map<Scalar, Integer> done) {
      Integer known = done.get(form);
      if (known != null) {
        return known;
      }
      int v;
      if (form instanceof Scalar.Argument a) {
        if (a.index() >= arguments.length) {
          throw new IllegalArgumentException("the form reads argument " + a.index()
              + " but the operation has " + arguments.length + " inputs");
        }
        v = arguments[a.index()];
      } else if (form instanceof Scalar.Constant c) {
        v = constant(c.value());
      } else {
        Scalar.Apply f = (Scalar.Apply) form;
        int[] in = new int[f.operands().size()];
        for (int j = 0; j < in.length; j++) {
          in[j] = inline(f.operands().get(j), arguments, done);
        }
        v = apply(f.primitive(), in);
      }
      done.put(form, v);
      return v;
    }

    /** Returns the value of {@code p} applied to values {@code in}, computed once per program. */
    public int apply(Primitive p, int... in) {
      List<Object> key = new ArrayList<>();
      key.add(p);
      for (int v : in) {
        key.add(v);
      }
      Integer known = numbered.get(key);
      if (known != null) {
        return known;
      }
      int v = instruction(p, in);
      numbered.put(key, v);
      return v;
    }

    private int instruction(Primitive p, int[] in) {
      for (int operand : in) {
        if (operand < 0 || operand >= kinds.size()) {
          throw new IllegalArgumentException("no value " + operand + " in the program");
        }
      }
      int v = value(Kind.RESULT);
      definers[v] = primitives.size();
      primitives.add(p);
      operandLists.add(in.clone());
      results.add(v);
      return v;
    }

    /**
     * Marks {@code value} as the next output and returns the output's index. An output is always
     * a result of its own: an outside operand, a constant, or a value already written out is
     * copied first.
     */
    public int output(int value) {
      int v = value;
      if (kinds.get(v) != Kind.RESULT || outputs.contains(v)) {
        v = instruction(Primitive.COPY, new int[] {v});
      }
      outputs.add(v);
      return outputs.size() - 1;
    }

    /** Returns the program built so far. */
    public Program build() {
      return new Program(this);
    }
  }
}
