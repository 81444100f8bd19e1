package dev.chainrule.examples.bench;

import java.util.Arrays;
import java.util.List;

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
    long warm = System.nanoTime();
    for (int i = 0; i < warmups || System.nanoTime() - warm < warmUpNanos; i++) {
      body.run();
    }
    double[] t = new double[reps];
    for (int i = 0; i < reps; i++) {
      long start = System.nanoTime();
      body.run();
      t[i] = (System.nanoTime() - start) / 1e9;
    }
    return median(t);
  }

  /**
   * Times {@code bodies} interleaved, so that their ratios compare runs taken seconds apart: warms
   * them up in turn (each at least twice, all together for at least {@code warmUpNanos}), then
   * {@code reps} times runs each body in turn for a block of about {@code blockNanos} (its run
   * count fixed by its last warm-up run). Returns the seconds of one run, {@code [body][rep]}.
   */
  static double[][] interleaved(List<Runnable> bodies, int reps, long warmUpNanos,
      long blockNanos) {
    int n = bodies.size();
    long[] last = new long[n];
    long warm = System.nanoTime();
    for (int pass = 0; pass < 2 || System.nanoTime() - warm < warmUpNanos; pass++) {
      for (int b = 0; b < n; b++) {
        long start = System.nanoTime();
        bodies.get(b).run();
        last[b] = System.nanoTime() - start;
      }
    }
    int[] runs = new int[n];
    for (int b = 0; b < n; b++) {
      runs[b] = (int) Math.max(1, Math.min(1_000_000, blockNanos / Math.max(1, last[b])));
    }
    double[][] seconds = new double[n][reps];
    for (int r = 0; r < reps; r++) {
      for (int b = 0; b < n; b++) {
        long start = System.nanoTime();
        for (int k = 0; k < runs[b]; k++) {
          bodies.get(b).run();
        }
        seconds[b][r] = (System.nanoTime() - start) / 1e9 / runs[b];
      }
    }
    return seconds;
  }

  /** Returns the median of {@code values} (the mean of the two middle ones for an even count). */
  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
