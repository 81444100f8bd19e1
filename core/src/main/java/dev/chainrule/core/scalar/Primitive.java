package dev.chainrule.core.scalar;

/**
 * The fixed set of math functions that scalar forms are written with. Every evaluator — {@link
 * Scalar#evaluate}, the loops of {@link Loops}, the fused loops' interpreter and the generated JVM
 * code — knows each primitive and nothing else, so a new elementwise operation needs no change in
 * any of them. Each primitive's number is defined here by one Java expression ({@link #apply});
 * the loops and the generated code compute exactly that expression.
 */
public enum Primitive {
  /** The operand itself: writes a value to a second place. */
  COPY(1, null),
  /** −a. */
  NEG(1, null),
  /** {@link Math#exp}. */
  EXP(1, Math.class),
  /** {@link Math#log}. */
  LOG(1, Math.class),
  /** {@link Math#log1p}. */
  LOG1P(1, Math.class),
  /** {@link Math#expm1}. */
  EXPM1(1, Math.class),
  /** {@link Math#sqrt}. */
  SQRT(1, Math.class),
  /** {@link Math#abs(double)}. */
  ABS(1, Math.class),
  /** {@link Math#tanh}. */
  TANH(1, Math.class),
  /** {@link Math#sin}. */
  SIN(1, Math.class),
  /** {@link Math#cos}. */
  COS(1, Math.class),
  /** a + b. */
  ADD(2, null),
  /** a − b. */
  SUB(2, null),
  /** a · b. */
  MUL(2, null),
  /** a / b. */
  DIV(2, null),
  /** {@link Math#pow}. */
  POW(2, Math.class),
  /** {@link Math#min(double, double)}. */
  MIN(2, Math.class),
  /** {@link Math#max(double, double)}. */
  MAX(2, Math.class),
  /** 1 where a &gt; b, else 0 ({@link Comparisons#gt}). */
  GT(2, Comparisons.class),
  /** 1 where a ≥ b, else 0 ({@link Comparisons#ge}). */
  GE(2, Comparisons.class),
  /** 1 where a &lt; b, else 0 ({@link Comparisons#lt}). */
  LT(2, Comparisons.class),
  /** 1 where a ≤ b, else 0 ({@link Comparisons#le}). */
  LE(2, Comparisons.class),
  /** 1 where a = b, else 0 ({@link Comparisons#eq}). */
  EQ(2, Comparisons.class),
  /** b where a ≠ 0, else c ({@link Comparisons#select}). */
  SELECT(3, Comparisons.class);

  private final int arity;
  private final Class<?> owner;

  Primitive(int arity, Class<?> owner) {
    this.arity = arity;
    this.owner = owner;
  }

  /** Returns how many operands the primitive reads: 1, 2 or 3. */
  public int arity() {
    return arity;
  }

  /**
   * Returns the class whose static method of this primitive's {@link #methodName} computes it on
   * single numbers ({@code double} operands and result), or null for the primitives that are a
   * single Java operator (copy, −, +, −, ·, /).
   */
  public Class<?> owner() {
    return owner;
  }

  /** Returns the name of the static method of {@link #owner} that computes the primitive. */
  public String methodName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Returns true for the comparisons, whose result is 1 or 0. */
  public boolean isComparison() {
    return owner == Comparisons.class && this != SELECT;
  }

  /**
   * Returns the primitive applied to {@code a}, {@code b} and {@code c} (operands beyond its arity
   * are ignored): the definition every evaluator reproduces bit for bit.
   */
  public double apply(double a, double b, double c) {
    switch (this) {
      case COPY: return a;
      case NEG: return -a;
      case EXP: return Math.exp(a);
      case LOG: return Math.log(a);
      case LOG1P: return Math.log1p(a);
      case EXPM1: return Math.expm1(a);
      case SQRT: return Math.sqrt(a);
      case ABS: return Math.abs(a);
      case TANH: return Math.tanh(a);
      case SIN: return Math.sin(a);
      case COS: return Math.cos(a);
      case ADD: return a + b;
      case SUB: return a - b;
      case MUL: return a * b;
      case DIV: return a / b;
      case POW: return Math.pow(a, b);
      case MIN: return Math.min(a, b);
      case MAX: return Math.max(a, b);
      case GT: return Comparisons.gt(a, b);
      case GE: return Comparisons.ge(a, b);
      case LT: return Comparisons.lt(a, b);
      case LE: return Comparisons.le(a, b);
      case EQ: return Comparisons.eq(a, b);
      default: return Comparisons.select(a, b, c);
    }
  }

  /**
   * Returns the primitive applied to float32 operands: {@link #apply} of the widened operands,
   * rounded to float32. For +, −, ·, / and √ that is exactly the float32 operation (a float64
   * result rounded to float32 is correctly rounded for these), so the float32 loops and the
   * generated code may use float arithmetic; the functions are computed in float64.
   */
  public float applyFloat(float a, float b, float c) {
    return (float) apply(a, b, c);
  }
}
