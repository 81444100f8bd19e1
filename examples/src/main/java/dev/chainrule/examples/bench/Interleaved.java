package dev.chainrule.examples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * Bodies timed in turn, one run of each per turn, so that a ratio of two of them compares runs
 * taken microseconds to milliseconds apart, under the same load of a shared machine. Each run is
 * timed by the wall clock and by this thread's CPU time; the latter is the whole cost of a run
 * only when all of its work stays on this thread (one thread, no BLAS threads), and then it does
 * not count the time other processes take the core away.
 *
 * @param wall the wall-clock seconds of one run, {@code [body][rep]}
 * @param cpu this thread's CPU seconds of one run, {@code [body][rep]}, NaN where the JVM cannot
 *     measure them
 */
record Interleaved(double[][] wall, double[][] cpu) {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /**
   * Warms {@code bodies} up in turn (each at least twice, all together for at least {@code
   * warmUpNanos}), then {@code reps} times runs turns of one run of each body, as many turns as
   * take about {@code repNanos} by the last warm-up turn's time, and returns the mean time of one
   * run of each body in each repetition.
   */
  static Interleaved time(List<Runnable> bodies, int reps, long warmUpNanos, long repNanos) {
    int n = bodies.size();
    long turn = 0;
    long warm = System.nanoTime();
    for (int pass = 0; pass < 2 || System.nanoTime() - warm < warmUpNanos; pass++) {
      long start = System.nanoTime();
      bodies.forEach(Runnable::run);
      turn = System.nanoTime() - start;
    }
    long turns = Math.max(1, Math.min(1_000_000, repNanos / Math.max(1, turn)));
    boolean cpu = THREADS.isCurrentThreadCpuTimeSupported();
    double[][] wall = new double[n][reps];
    double[][] cpuTime = new double[n][reps];
    for (int r = 0; r < reps; r++) {
      long[] wallSum = new long[n];
      long[] cpuSum = new long[n];
      for (long t = 0; t < turns; t++) {
        for (int b = 0; b < n; b++) {
          long c0 = cpu ? THREADS.getCurrentThreadCpuTime() : 0;
          long w0 = System.nanoTime();
          bodies.get(b).run();
          wallSum[b] += System.nanoTime() - w0;
          cpuSum[b] += cpu ? THREADS.getCurrentThreadCpuTime() - c0 : 0;
        }
      }
      for (int b = 0; b < n; b++) {
        wall[b][r] = wallSum[b] / 1e9 / turns;
        cpuTime[b][r] = cpu ? cpuSum[b] / 1e9 / turns : Double.NaN;
      }
    }
    return new Interleaved(wall, cpuTime);
  }
}
