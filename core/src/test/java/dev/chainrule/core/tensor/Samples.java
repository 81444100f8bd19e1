package dev.chainrule.core.tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Random tensors for tests, drawn inside the domains of the operations under test. */
public final class Samples {
  private Samples() {}

  /** Returns values uniform in [lo, hi). */
  public static Tensor uniform(Random r, double lo, double hi, int... dims) {
    double[] v = new double[Naive.size(dims)];
    for (int i = 0; i < v.length; i++) {
      v[i] = lo + (hi - lo) * r.nextDouble();
    }
    return Tensor.of(v, dims);
  }

  /** Returns values with random sign and magnitude uniform in [lo, hi): away from a kink at 0. */
  public static Tensor awayFromZero(Random r, double lo, double hi, int... dims) {
    double[] v = uniform(r, lo, hi, dims).toArray();
    for (int i = 0; i < v.length; i++) {
      v[i] = r.nextBoolean() ? v[i] : -v[i];
    }
    return Tensor.of(v, dims);
  }

  /**
   * Returns pairwise distinct values at least {@code gap} apart (a shuffled ladder with jitter of
   * at most gap/4), so that a maximum has no near-ties.
   */
  public static Tensor distinct(Random r, double gap, int... dims) {
    int n = Naive.size(dims);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    Collections.shuffle(order, r);
    double[] v = new double[n];
    double start = -gap * n / 2;
    for (int i = 0; i < n; i++) {
      v[i] = start + gap * order.get(i) + (r.nextDouble() - 0.5) * gap / 2;
    }
    return Tensor.of(v, dims);
  }

  /** Returns a random 0/1 mask. */
  public static Tensor mask(Random r, int... dims) {
    double[] v = new double[Naive.size(dims)];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.nextBoolean() ? 1.0 : 0.0;
    }
    return Tensor.of(v, dims);
  }
}
