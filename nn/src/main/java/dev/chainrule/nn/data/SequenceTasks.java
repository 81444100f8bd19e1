package dev.chainrule.nn.data;

import dev.chainrule.core.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * Sequence tasks generated in code, laid out as nn's sequences (T steps of F features, step t in
 * features [t·F, (t + 1)·F); see {@code dev.chainrule.nn.layers.Sequences}), drawn from a {@link
 * SplittableRandom} seeded by the caller.
 */
public final class SequenceTasks {
  private SequenceTasks() {}

  /**
   * Returns {@code n} additions of two random {@code bits}-bit numbers a and b, digit by digit from
   * the least significant: T = bits + 1 steps, step t holding the features (a_t, b_t) (0 for the
   * last step) and the target s_t, bit t of a + b. A recurrent network must carry: s_t depends on
   * every earlier step. Features (n, 2T), targets (n, T).
   */
  public static Dataset binaryAddition(int n, int bits, long seed) {
    if (n < 1 || bits < 1 || bits > 30) {
      throw new IllegalArgumentException("binary addition needs at least 1 sample and 1 to 30 "
          + "bits, got " + n + " samples of " + bits + " bits");
    }
    int steps = bits + 1;
    SplittableRandom random = new SplittableRandom(seed);
    double[] features = new double[n * 2 * steps];
    double[] targets = new double[n * steps];
    for (int i = 0; i < n; i++) {
      long a = random.nextLong(1L << bits);
      long b = random.nextLong(1L << bits);
      long sum = a + b;
      for (int t = 0; t < steps; t++) {
        features[(i * steps + t) * 2] = (a >> t) & 1;
        features[(i * steps + t) * 2 + 1] = (b >> t) & 1;
        targets[i * steps + t] = (sum >> t) & 1;
      }
    }
    return Dataset.regression("binary-addition-" + bits + "bit",
        Tensor.of(features, n, 2 * steps), Tensor.of(targets, n, steps));
  }
}
