package dev.chainrule.examples.bench;

import java.util.Arrays;

/** Warm-up and median timing of a repeated measurement. */
final class Timing {
  /**
   * Warm-up lasts at least this long, so that the JIT has compiled the hot loops: code that runs
   * once per training step reaches C2 after about 10⁴ calls, which takes W2 two to four seconds.
   */
  static final long WARM_UP_NANOS = 5_000_000_000L;

  private Timing() {}

  /**
   * Runs {@code body} at least {@code warmups} times and for at least five seconds, then {@code
   * reps} times, returning the median seconds of one run.
   */
  static double medianSeconds(int warmups, int reps, Runnable body) {
    return medianSeconds(warmups, reps, body, WARM_UP_NANOS);
  }

  /** Like {@link #medianSeconds(int, int, Runnable)}, warming up for {@code warmUpNanos}. */
  static double medianSeconds(int warmups, int reps, Runnable body, long warmUpNanos) {
    warmUp(warmups, body, warmUpNanos);
    double[] t = new double[reps];
    for (int i = 0; i < reps; i++) {
      t[i] = seconds(body);
    }
    return median(t);
  }

  /** Runs {@code body} at least {@code warmups} times and for at least {@code warmUpNanos}. */
  static void warmUp(int warmups, Runnable body, long warmUpNanos) {
    long warm = System.nanoTime();
    for (int i = 0; i < warmups || System.nanoTime() - warm < warmUpNanos; i++) {
      body.run();
    }
  }

  /** Runs {@code body} once and returns the seconds it took. */
  static double seconds(Runnable body) {
    long start = System.nanoTime();
    body.run();
    return (System.nanoTime() - start) / 1e9;
  }

  /** Returns the median of {@code values} (the mean of the two middle ones for an even count). */
  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
