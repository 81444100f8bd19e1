package dev.chainrule.nn.init;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * The stock initialisers: the seeds' small Gaussian ({@code np.random.randn(4, 3) * 0.01}, seed
 * 004) with zero biases, uniform [0, 1) weights (seed 001's {@code random.random()}),
 * Xavier/Glorot and He for deeper nets, and explicit values. Every rule fills a tensor of either
 * dtype: a float32 parameter gets the float64 draws of the same seed, each rounded to the nearest
 * float.
 *
 * <p>Why not all zeros for weights: seed 004 shows that identical starting weights give identical
 * hidden units, which stay identical through training; a random start breaks that symmetry.
 */
public final class Initializers {
  private Initializers() {}

  /** Returns N(0, 1) · {@code scale}; {@code normal(0.01)} is seed 004's weight rule. */
  public static Initializer normal(double scale) {
    finite("normal(scale)", "scale", scale);
    return rule(format("normal(%s)", scale), (t, in, out, r) -> fill(t, () -> scale
        * r.nextGaussian()));
  }

  /** Returns numbers uniform in [{@code low}, {@code high}); {@code uniform(0, 1)} is seed 001. */
  public static Initializer uniform(double low, double high) {
    finite("uniform(low, high)", "low", low);
    finite("uniform(low, high)", "high", high);
    if (!(low < high)) {
      throw new IllegalArgumentException("uniform(low, high) needs low < high, got low = " + low
          + ", high = " + high);
    }
    return rule(format("uniform(%s, %s)", low, high), (t, in, out, r) -> fill(t, () -> low
        + (high - low) * r.nextDouble()));
  }

  /** Returns Xavier/Glorot uniform: U(−a, a) with a = √(6 / (fanIn + fanOut)), for tanh/sigmoid. */
  public static Initializer xavierUniform() {
    return rule("xavier_uniform", (t, in, out, r) -> {
      double a = Math.sqrt(6.0 / (in + out));
      fill(t, () -> a * (2 * r.nextDouble() - 1));
    });
  }

  /** Returns Xavier/Glorot normal: N(0, 2 / (fanIn + fanOut)). */
  public static Initializer xavierNormal() {
    return rule("xavier_normal", (t, in, out, r) -> {
      double s = Math.sqrt(2.0 / (in + out));
      fill(t, () -> s * r.nextGaussian());
    });
  }

  /** Returns He (Kaiming) normal: N(0, 2 / fanIn), for ReLU layers. */
  public static Initializer heNormal() {
    return rule("he_normal", (t, in, out, r) -> {
      double s = Math.sqrt(2.0 / in);
      fill(t, () -> s * r.nextGaussian());
    });
  }

  /** Returns He (Kaiming) uniform: U(−a, a) with a = √(6 / fanIn). */
  public static Initializer heUniform() {
    return rule("he_uniform", (t, in, out, r) -> {
      double a = Math.sqrt(6.0 / in);
      fill(t, () -> a * (2 * r.nextDouble() - 1));
    });
  }

  /** Returns all zeros: the seeds' biases. For weights it is the symmetry trap of seed 004. */
  public static Initializer zeros() {
    return constant(0.0);
  }

  /** Returns every element set to {@code value}. */
  public static Initializer constant(double value) {
    finite("constant(value)", "value", value);
    return rule(format("constant(%s)", value), (t, in, out, r) -> t.fillInPlace(value));
  }

  /**
   * Returns exactly {@code values}, which must have the parameter's shape: for worked examples
   * with printed starting weights (seed 001's w1..w8).
   */
  public static Initializer values(Tensor values) {
    Tensor copy = values.copy();
    return rule("values" + copy.shape(), (t, in, out, r) -> {
      if (!t.shape().equals(copy.shape())) {
        throw new IllegalArgumentException("explicit initial values have shape " + copy.shape()
            + " but the parameter has shape " + t.shape());
      }
      t.copyFromInPlace(copy.to(t.dtype()));
    });
  }

  private static void finite(String rule, String what, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(rule + ": " + what + " must be a finite number, got "
          + value);
    }
  }

  /**
   * Overwrites {@code t} with draws in order; a float32 tensor gets each draw rounded to the
   * nearest float, so that it starts as the float64 model of the same seed, rounded.
   */
  private static void fill(Tensor t, DoubleSupplier draw) {
    if (t.dtype() == DType.FLOAT32) {
      float[] f = t.floatBuffer();
      for (int i = 0; i < f.length; i++) {
        f[i] = (float) draw.getAsDouble();
      }
      return;
    }
    double[] d = t.buffer();
    for (int i = 0; i < d.length; i++) {
      d[i] = draw.getAsDouble();
    }
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }

  private static Initializer rule(String name, Fill fill) {
    return new Initializer() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void fillInPlace(Tensor parameter, int fanIn, int fanOut, RandomSource random) {
        fill.apply(parameter, fanIn, fanOut, random);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  @FunctionalInterface
  private interface Fill {
    void apply(Tensor parameter, int fanIn, int fanOut, RandomSource random);
  }
}
