package dev.chainrule.nn.init;

import dev.chainrule.core.tensor.Tensor;

/**
 * A rule that fills a new parameter tensor with its starting values. Rules that scale with the
 * layer's size (Xavier/Glorot, He) read the fan-in (inputs per unit) and fan-out (units) the layer
 * passes; the others ignore them. The stock rules are in {@link Initializers}.
 */
public interface Initializer {
  /** Returns the rule's name with its settings, e.g. {@code normal(0.01)}, for reports. */
  String name();

  /**
   * Overwrites every element of {@code parameter} (modified in place) with starting values drawn
   * from {@code random} (advanced), for a layer with {@code fanIn} inputs and {@code fanOut}
   * units.
   */
  void fillInPlace(Tensor parameter, int fanIn, int fanOut, RandomSource random);
}
