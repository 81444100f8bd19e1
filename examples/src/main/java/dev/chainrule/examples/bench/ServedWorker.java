package dev.chainrule.examples.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The worker's side of {@link Alternation}: it warms its workload up, says {@value #READY}, then
 * runs it once for each {@value #RUN} its parent writes, answering with that run's steps per
 * second, until {@value #END} (or the end of its input), when the row of the median run is made.
 */
final class ServedWorker {
  /** What the worker says when its workload is warm. */
  static final String READY = "ready";
  /** What the parent writes for one timed run. */
  static final String RUN = "run";
  /** What the parent writes when it wants no more runs. */
  static final String END = "end";

  private ServedWorker() {}

  /**
   * Warms {@code rep} up for at least {@code warmUpNanos} (the bench: {@link
   * Timing#WARM_UP_NANOS}), then serves the runs asked for on {@code in}, answering on {@code
   * out}, and returns the row of their median time.
   *
   * @throws IllegalStateException for a line that is neither {@value #RUN} nor {@value #END}, or
   *     when no run was asked for
   */
  static BenchRow serve(Repetition rep, long warmUpNanos, BufferedReader in, PrintStream out)
      throws IOException {
    Timing.warmUp(1, rep::run, warmUpNanos);
    out.println(READY);
    out.flush();
    List<Double> seconds = new ArrayList<>();
    for (String line = in.readLine(); line != null && !line.equals(END); line = in.readLine()) {
      if (!line.equals(RUN)) {
        throw new IllegalStateException("the bench worker was asked '" + line + "'; it takes '"
            + RUN + "' or '" + END + "'");
      }
      double s = Timing.seconds(rep::run);
      seconds.add(s);
      out.println(rep.steps() / s);
      out.flush();
    }
    if (seconds.isEmpty()) {
      throw new IllegalStateException("the bench worker was asked for no run");
    }
    return rep.row(Timing.median(seconds.stream().mapToDouble(Double::doubleValue).toArray()));
  }
}
