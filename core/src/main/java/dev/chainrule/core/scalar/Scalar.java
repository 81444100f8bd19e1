package dev.chainrule.core.scalar;

import java.util.List;

/**
 * A scalar expression: the math of an elementwise operation written once, as data. An operation
 * builds its form from its arguments with these methods ({@code x.tanh()}, {@code a.add(b)},
 * {@code x.gt(0).select(x, x.mul(alpha))}); its forward kernel, the fused loops and the generated
 * code all evaluate that one form, primitive by primitive, so they cannot disagree. Expressions are
 * immutable values: two equal forms compare equal, and a subexpression used twice is computed once.
 */
public sealed interface Scalar permits Scalar.Argument, Scalar.Constant, Scalar.Apply {
  /**
   * The operation's input number {@code index}, read at the element being computed.
   *
   * @param index the input's position among the operation's inputs
   */
  record Argument(int index) implements Scalar {
    /** Checks that the index is not negative. */
    public Argument {
      if (index < 0) {
        throw new IllegalArgumentException("an argument index is never negative, got " + index);
      }
    }
  }

  /**
   * A number fixed when the form is written, such as an operation's attribute (a slope, an
   * exponent) or the 1 of 1 + eˣ.
   *
   * @param value the number
   */
  record Constant(double value) implements Scalar {}

  /**
   * A primitive applied to operands.
   *
   * @param primitive the math function
   * @param operands its operands, as many as its arity
   */
  record Apply(Primitive primitive, List<Scalar> operands) implements Scalar {
    /** Checks the operand count against the primitive's arity and keeps a copy of the list. */
    public Apply {
      operands = List.copyOf(operands);
      if (operands.size() != primitive.arity()) {
        throw new IllegalArgumentException(primitive + " takes " + primitive.arity()
            + " operands, got " + operands.size());
      }
    }
  }

  /** Returns the operation's input number {@code index}. */
  static Scalar argument(int index) {
    return new Argument(index);
  }

  /** Returns the number {@code value}. */
  static Scalar constant(double value) {
    return new Constant(value);
  }

  private Scalar apply(Primitive p, Scalar... operands) {
    return new Apply(p, List.of(operands));
  }

  /** Returns this + b. */
  default Scalar add(Scalar b) {
    return apply(Primitive.ADD, this, b);
  }

  /** Returns this + b. */
  default Scalar add(double b) {
    return add(constant(b));
  }

  /** Returns this − b. */
  default Scalar sub(Scalar b) {
    return apply(Primitive.SUB, this, b);
  }

  /** Returns this − b. */
  default Scalar sub(double b) {
    return sub(constant(b));
  }

  /** Returns this · b. */
  default Scalar mul(Scalar b) {
    return apply(Primitive.MUL, this, b);
  }

  /** Returns this · b. */
  default Scalar mul(double b) {
    return mul(constant(b));
  }

  /** Returns this / b. */
  default Scalar div(Scalar b) {
    return apply(Primitive.DIV, this, b);
  }

  /** Returns this / b. */
  default Scalar div(double b) {
    return div(constant(b));
  }

  /** Returns −this. */
  default Scalar neg() {
    return apply(Primitive.NEG, this);
  }

  /** Returns this · this. */
  default Scalar square() {
    return mul(this);
  }

  /** Returns e to the power of this. */
  default Scalar exp() {
    return apply(Primitive.EXP, this);
  }

  /** Returns e to the power of this, minus 1, accurate near 0. */
  default Scalar expm1() {
    return apply(Primitive.EXPM1, this);
  }

  /** Returns the natural logarithm of this. */
  default Scalar log() {
    return apply(Primitive.LOG, this);
  }

  /** Returns the natural logarithm of 1 + this, accurate near 0. */
  default Scalar log1p() {
    return apply(Primitive.LOG1P, this);
  }

  /** Returns the square root of this. */
  default Scalar sqrt() {
    return apply(Primitive.SQRT, this);
  }

  /** Returns |this|. */
  default Scalar abs() {
    return apply(Primitive.ABS, this);
  }

  /** Returns the hyperbolic tangent of this. */
  default Scalar tanh() {
    return apply(Primitive.TANH, this);
  }

  /** Returns the sine of this (radians). */
  default Scalar sin() {
    return apply(Primitive.SIN, this);
  }

  /** Returns the cosine of this (radians). */
  default Scalar cos() {
    return apply(Primitive.COS, this);
  }

  /** Returns this to the power b, as {@link Math#pow}. */
  default Scalar pow(Scalar b) {
    return apply(Primitive.POW, this, b);
  }

  /** Returns this to the power b, as {@link Math#pow}. */
  default Scalar pow(double b) {
    return pow(constant(b));
  }

  /** Returns the smaller of this and b, as {@link Math#min} (NaN if either is). */
  default Scalar min(Scalar b) {
    return apply(Primitive.MIN, this, b);
  }

  /** Returns the smaller of this and b, as {@link Math#min} (NaN if either is). */
  default Scalar min(double b) {
    return min(constant(b));
  }

  /** Returns the larger of this and b, as {@link Math#max} (NaN if either is). */
  default Scalar max(Scalar b) {
    return apply(Primitive.MAX, this, b);
  }

  /** Returns the larger of this and b, as {@link Math#max} (NaN if either is). */
  default Scalar max(double b) {
    return max(constant(b));
  }

  /** Returns 1 where this &gt; b, else 0. */
  default Scalar gt(Scalar b) {
    return apply(Primitive.GT, this, b);
  }

  /** Returns 1 where this &gt; b, else 0. */
  default Scalar gt(double b) {
    return gt(constant(b));
  }

  /** Returns 1 where this ≥ b, else 0. */
  default Scalar ge(Scalar b) {
    return apply(Primitive.GE, this, b);
  }

  /** Returns 1 where this ≥ b, else 0. */
  default Scalar ge(double b) {
    return ge(constant(b));
  }

  /** Returns 1 where this &lt; b, else 0. */
  default Scalar lt(Scalar b) {
    return apply(Primitive.LT, this, b);
  }

  /** Returns 1 where this ≤ b, else 0. */
  default Scalar le(Scalar b) {
    return apply(Primitive.LE, this, b);
  }

  /** Returns 1 where this = b, else 0. */
  default Scalar eq(Scalar b) {
    return apply(Primitive.EQ, this, b);
  }

  /**
   * Returns {@code ifTrue} where this is not 0, else {@code ifFalse}: this is a condition such as
   * {@code x.gt(0)}. Both sides are values of the form (no side effects), so evaluating both and
   * choosing gives the same number as evaluating only the chosen one.
   */
  default Scalar select(Scalar ifTrue, Scalar ifFalse) {
    return apply(Primitive.SELECT, this, ifTrue, ifFalse);
  }

  /**
   * Returns the value of this form for the given arguments, primitive by primitive: the reference
   * semantics every loop and generated code reproduces bit for bit.
   */
  default double evaluate(double... arguments) {
    if (this instanceof Argument a) {
      return arguments[a.index()];
    }
    if (this instanceof Constant c) {
      return c.value();
    }
    Apply f = (Apply) this;
    double[] v = new double[3];
    for (int i = 0; i < f.operands().size(); i++) {
      v[i] = f.operands().get(i).evaluate(arguments);
    }
    return f.primitive().apply(v[0], v[1], v[2]);
  }
}
