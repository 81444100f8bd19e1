package dev.chainrule.nn.init;

import java.util.SplittableRandom;

/**
 * The seeded source of randomness behind initialisers: the same seed always gives the same
 * numbers, on every machine and JDK, because it wraps a {@link SplittableRandom}, whose algorithm
 * is specified. A source is stateful (each draw advances it) and not thread-safe; {@link #fork}
 * derives an independent, still reproducible source.
 */
public final class RandomSource {
  private final long seed;
  private final SplittableRandom random;

  private RandomSource(long seed) {
    this.seed = seed;
    this.random = new SplittableRandom(seed);
  }

  /** Returns a fresh source seeded with {@code seed}. */
  public static RandomSource seeded(long seed) {
    return new RandomSource(seed);
  }

  /** Returns the seed this source started from. */
  public long seed() {
    return seed;
  }

  /** Returns the next standard normal number, N(0, 1); advances this source. */
  public double nextGaussian() {
    return random.nextGaussian();
  }

  /** Returns the next number uniform in [0, 1), like Python's {@code random.random()}. */
  public double nextDouble() {
    return random.nextDouble();
  }

  /** Returns the next integer uniform in [0, bound); advances this source. */
  public int nextInt(int bound) {
    return random.nextInt(bound);
  }

  /**
   * Returns a new source seeded from this one's next draw, for a component that needs its own
   * stream (such as shuffling) without disturbing the draws of the others; advances this source.
   */
  public RandomSource fork() {
    return new RandomSource(random.nextLong());
  }
}
