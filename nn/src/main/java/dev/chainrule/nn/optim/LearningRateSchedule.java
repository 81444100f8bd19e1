package dev.chainrule.nn.optim;

/**
 * The learning rate of each epoch as a function of the optimizer's base rate: constant, step
 * decay, or cosine annealing. Epochs count from 0.
 */
@FunctionalInterface
public interface LearningRateSchedule {
  /** Returns the learning rate for epoch {@code epoch} (from 0) given the base rate. */
  double rate(int epoch, double base);

  /** Returns the base rate in every epoch. */
  static LearningRateSchedule constant() {
    return (epoch, base) -> base;
  }

  /** Returns the base rate multiplied by {@code factor} after every {@code every} epochs. */
  static LearningRateSchedule stepDecay(int every, double factor) {
    if (every < 1 || !(factor > 0)) {
      throw new IllegalArgumentException("step decay needs every >= 1 and factor > 0, got every = "
          + every + ", factor = " + factor);
    }
    return (epoch, base) -> base * Math.pow(factor, epoch / every);
  }

  /**
   * Returns cosine annealing over {@code epochs} epochs from the base rate down to {@code
   * floor}·base: rate(e) = base·(floor + (1 − floor)·(1 + cos(π·e / epochs)) / 2).
   */
  static LearningRateSchedule cosine(int epochs, double floor) {
    if (epochs < 1 || !(floor >= 0 && floor <= 1)) {
      throw new IllegalArgumentException("cosine schedule needs epochs >= 1 and 0 <= floor <= 1, "
          + "got epochs = " + epochs + ", floor = " + floor);
    }
    return (epoch, base) -> base * (floor + (1 - floor)
        * (1 + Math.cos(Math.PI * Math.min(epoch, epochs) / epochs)) / 2);
  }
}
