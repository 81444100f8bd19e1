package dev.chainrule.core.scalar;

import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
    int values = b.values;
    this.externals = b.externals;
    this.kind = Arrays.copyOf(b.kinds, values);
    this.constant = Arrays.copyOf(b.constants, values);
    this.definer = Arrays.copyOf(b.definers, values);
    int n = b.instructions;
    this.primitive = Arrays.copyOf(b.primitives, n);
    this.operands = Arrays.copyOf(b.operandLists, n);
    this.result = Arrays.copyOf(b.results, n);
    this.outputs = Arrays.copyOf(b.outputs, b.outputCount);
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
    private int values;
    private Kind[] kinds = new Kind[16];
    private double[] constants = new double[16];
    private int[] definers = new int[16];
    private int instructions;
    private Primitive[] primitives = new Primitive[16];
    private int[][] operandLists = new int[16][];
    private int[] results = new int[16];
    private int[] outputs = new int[4];
    private int outputCount;
    private boolean[] written = new boolean[16];
    private final Map<Double, Integer> constantValues = new HashMap<>();
    private final ValueNumbers numbered;
    private final Map<Scalar, FlatForm> flattened = new IdentityHashMap<>();

    /** Starts a program reading {@code externals} outside operands, values 0 .. externals. */
    public Builder(int externals) {
      this(externals, 16);
    }

    /**
     * Starts a program reading {@code externals} outside operands, sized for about {@code
     * instructions} instructions (it grows past them if need be).
     */
    public Builder(int externals, int instructions) {
      this.externals = externals;
      this.numbered = new ValueNumbers(instructions);
      for (int e = 0; e < externals; e++) {
        value(Kind.EXTERNAL);
      }
    }

    private int value(Kind k) {
      int v = values++;
      if (v == kinds.length) {
        kinds = Arrays.copyOf(kinds, 2 * v);
        constants = Arrays.copyOf(constants, 2 * v);
        definers = Arrays.copyOf(definers, 2 * v);
        written = Arrays.copyOf(written, 2 * v);
      }
      kinds[v] = k;
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
     * adding the instructions it needs (none for a form that is one of its arguments). A form
     * inlined again (the same object, as a plan passes for every node of one operation) is not
     * walked again.
     */
    public int inline(Scalar form, int[] arguments) {
      FlatForm flat = flattened.get(form);
      if (flat == null) {
        flat = FlatForm.of(form);
        flattened.put(form, flat);
      }
      return flat.inline(this, arguments);
    }

    /** Returns the value of {@code p} applied to values {@code in}, computed once per program. */
    public int apply(Primitive p, int... in) {
      int known = numbered.find(p, in);
      if (known >= 0) {
        return known;
      }
      int[] operands = in.clone();
      int v = instruction(p, operands);
      numbered.addMissed(p, operands, v);
      return v;
    }

    private int instruction(Primitive p, int[] in) {
      for (int operand : in) {
        if (operand < 0 || operand >= values) {
          throw new IllegalArgumentException("no value " + operand + " in the program");
        }
      }
      int v = value(Kind.RESULT);
      int k = instructions++;
      if (k == primitives.length) {
        primitives = Arrays.copyOf(primitives, 2 * k);
        operandLists = Arrays.copyOf(operandLists, 2 * k);
        results = Arrays.copyOf(results, 2 * k);
      }
      definers[v] = k;
      primitives[k] = p;
      operandLists[k] = in;
      results[k] = v;
      return v;
    }

    /**
     * Marks {@code value} as the next output and returns the output's index. An output is always
     * a result of its own: an outside operand, a constant, or a value already written out is
     * copied first.
     */
    public int output(int value) {
      int v = value;
      if (kinds[v] != Kind.RESULT || written[v]) {
        v = instruction(Primitive.COPY, new int[] {v});
      }
      written[v] = true;
      if (outputCount == outputs.length) {
        outputs = Arrays.copyOf(outputs, 2 * outputCount);
      }
      outputs[outputCount++] = v;
      return outputCount - 1;
    }

    /** Returns the program built so far. */
    public Program build() {
      return new Program(this);
    }
  }
}
