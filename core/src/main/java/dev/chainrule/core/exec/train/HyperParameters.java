package dev.chainrule.core.exec.train;

import dev.chainrule.core.tensor.TensorFormat;

/** Range checks for an optimizer's hyper-parameters, saying which one is wrong and its value. */
public final class HyperParameters {
  private HyperParameters() {}

  /**
   * Returns {@code value} after checking that it is finite and at least {@code min} (greater when
   * {@code strict}).
   *
   * @throws IllegalArgumentException naming {@code what} and the value otherwise
   */
  public static double require(String what, double value, double min, boolean strict) {
    if (!Double.isFinite(value) || value < min || (strict && value == min)) {
      throw new IllegalArgumentException(what + " must be a finite number "
          + (strict ? "> " : ">= ") + TensorFormat.number(min) + ", got " + value);
    }
    return value;
  }

  /**
   * Returns {@code value} after checking that it is a decay rate in [0, 1), such as momentum or
   * Adam's β.
   *
   * @throws IllegalArgumentException naming {@code what} and the value otherwise
   */
  public static double requireDecay(String what, double value) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException(what + " must be in [0, 1), got " + value);
    }
    return value;
  }
}
