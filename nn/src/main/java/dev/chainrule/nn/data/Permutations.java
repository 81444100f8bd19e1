package dev.chainrule.nn.data;

import java.util.SplittableRandom;

/**
 * Seeded random orders of samples: the train/validation split of a {@link Dataset} and the
 * shuffled epochs of {@link Batches}.
 */
final class Permutations {
  private Permutations() {}

  /** Returns a random permutation of {@code 0 .. n-1} drawn with {@code random}. */
  static int[] of(int n, SplittableRandom random) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    shuffleInPlace(p, random);
    return p;
  }

  /** Shuffles {@code values} in place (Fisher–Yates) with {@code random}. */
  private static void shuffleInPlace(int[] values, SplittableRandom random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = values[i];
      values[i] = values[j];
      values[j] = tmp;
    }
  }
}
