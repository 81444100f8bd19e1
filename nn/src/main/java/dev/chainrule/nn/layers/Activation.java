package dev.chainrule.nn.layers;

import dev.chainrule.core.graph.Node;
import java.util.Locale;

/**
 * The function g of A = g(Z) that follows a dense layer's linear part: identity, sigmoid, tanh,
 * ReLU, Leaky ReLU with slope λ on the negative side (seed 004), or softmax over the units of each
 * sample (seed 002). Each is built from core graph operations, so its derivative is a graph too.
 *
 * @param kind which function
 * @param slope λ for Leaky ReLU, 0 for the others
 */
public record Activation(Kind kind, double slope) {
  /** The available functions. */
  public enum Kind {
    /** g(z) = z. */
    IDENTITY,
    /** g(z) = 1 / (1 + e^−z). */
    SIGMOID,
    /** g(z) = tanh z. */
    TANH,
    /** g(z) = max(0, z). */
    RELU,
    /** g(z) = z for z &gt; 0, λz otherwise. */
    LEAKY_RELU,
    /** g(z)ₖ = e^zₖ / Σⱼ e^zⱼ over the units of one sample. */
    SOFTMAX
  }

  /** Checks the slope: finite, and 0 unless Leaky ReLU. */
  public Activation {
    if (kind == null) {
      throw new IllegalArgumentException("activation kind must not be null");
    }
    if (!Double.isFinite(slope) || (kind != Kind.LEAKY_RELU && slope != 0)) {
      throw new IllegalArgumentException("slope " + slope + " is only meaningful for leaky ReLU "
          + "and must be finite");
    }
  }

  /** Returns the identity, for a linear output. */
  public static Activation identity() {
    return new Activation(Kind.IDENTITY, 0);
  }

  /** Returns the logistic sigmoid. */
  public static Activation sigmoid() {
    return new Activation(Kind.SIGMOID, 0);
  }

  /** Returns tanh. */
  public static Activation tanh() {
    return new Activation(Kind.TANH, 0);
  }

  /** Returns ReLU; its derivative at 0 is taken as 0. */
  public static Activation relu() {
    return new Activation(Kind.RELU, 0);
  }

  /** Returns Leaky ReLU with slope {@code lambda} for negative inputs (e.g. 0.01, seed 004). */
  public static Activation leakyRelu(double lambda) {
    return new Activation(Kind.LEAKY_RELU, lambda);
  }

  /** Returns the softmax over each sample's units. */
  public static Activation softmax() {
    return new Activation(Kind.SOFTMAX, 0);
  }

  /** Applies this function to {@code z}, whose samples lie as {@code layout} says. */
  public Node apply(Node z, Layout layout) {
    switch (kind) {
      case IDENTITY:
        return z;
      case SIGMOID:
        return z.sigmoid();
      case TANH:
        return z.tanh();
      case RELU:
        return z.relu();
      case LEAKY_RELU:
        return z.leakyRelu(slope);
      case SOFTMAX:
        return z.softmax(layout.featureAxis());
      default:
        throw new AssertionError(kind);
    }
  }

  /** Returns the name used in files and reports: "relu", "leaky_relu(0.01)", "softmax", .... */
  public String id() {
    String base = kind.name().toLowerCase(Locale.ROOT);
    return kind == Kind.LEAKY_RELU ? base + "(" + slope + ")" : base;
  }

  /** Returns the activation named {@code id} as {@link #id()} writes it; throws for others. */
  public static Activation parse(String id) {
    String s = id.trim().toLowerCase(Locale.ROOT);
    if (s.startsWith("leaky_relu(") && s.endsWith(")")) {
      try {
        return leakyRelu(Double.parseDouble(s.substring(11, s.length() - 1)));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("leaky ReLU slope in '" + id + "' is not a number");
      }
    }
    for (Kind k : Kind.values()) {
      if (k != Kind.LEAKY_RELU && k.name().toLowerCase(Locale.ROOT).equals(s)) {
        return new Activation(k, 0);
      }
    }
    throw new IllegalArgumentException("unknown activation '" + id + "'; known: identity, sigmoid, "
        + "tanh, relu, leaky_relu(λ), softmax");
  }

  @Override
  public String toString() {
    return id();
  }
}
