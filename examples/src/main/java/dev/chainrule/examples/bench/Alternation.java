package dev.chainrule.examples.bench;

import com.google.gson.Gson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Times two workloads in turn, each in a worker JVM of its own ({@link ServedWorker}), so that
 * neither runs code the JIT compiled, or a heap shaped, for the other. The first is started and
 * warmed up, then the second; then each is asked for one run at a time, the first leading in even
 * pairs and the second in odd ones (so that a steady drift of the machine's speed favours
 * neither), and the parent waits {@link #SETTLE_MILLIS} between two runs. The two figures of a
 * pair are thus taken a second or two apart: on a shared machine whose speed drifts by 5–15 % over
 * ten seconds, this is what measures a difference of a few per cent.
 */
final class Alternation {
  /**
   * How long the parent waits after a run before asking for the next: after its last product a
   * native BLAS's worker threads spin for a while before they sleep (OpenBLAS's took 70 ms of CPU
   * time after a W3-sized GEMM, measured with {@code /proc/<pid>/stat}), and a worker that ran
   * just before would otherwise take a core from the other's next run.
   */
  static final long SETTLE_MILLIS = 200;

  private Alternation() {}

  /**
   * The outcome: each worker's row (the median of its runs) and, per pair, the second's steps
   * per second over the first's.
   *
   * @param first the first workload's row
   * @param second the second workload's row
   * @param ratios the second's figure over the first's, one per pair, in the order run
   * @param gemm what the workers' large products ran on ({@code Gemm.backend()})
   */
  record Outcome(BenchRow first, BenchRow second, List<Double> ratios, String gemm) {}

  /**
   * Starts the two workers, warms them up one after the other, and runs them in turn {@code
   * pairs} times, alternating which runs first.
   *
   * @throws IllegalStateException when a worker exits early, fails or answers out of turn
   */
  static Outcome run(ProcessBuilder first, ProcessBuilder second, int pairs) throws IOException {
    try (Worker a = new Worker(first); Worker b = new Worker(second)) {
      a.start();
      b.start();
      List<Double> ratios = new ArrayList<>();
      for (int i = 0; i < pairs; i++) {
        double x;
        double y;
        if (i % 2 == 0) {
          x = a.runOnce();
          y = b.runOnce();
        } else {
          y = b.runOnce();
          x = a.runOnce();
        }
        ratios.add(y / x);
      }
      Map<?, ?> x = a.end();
      Map<?, ?> y = b.end();
      return new Outcome(Processes.rows(x).get(0), Processes.rows(y).get(0), ratios,
          String.valueOf(x.get("gemm")));
    }
  }

  /** One served worker JVM and the parent's end of its pipes. */
  private static final class Worker implements AutoCloseable {
    private final ProcessBuilder builder;
    private Process process;
    private BufferedReader out;
    private Writer in;

    Worker(ProcessBuilder builder) {
      this.builder = builder;
    }

    /** Starts the JVM and waits until its workload is warm. */
    void start() throws IOException {
      builder.redirectError(ProcessBuilder.Redirect.INHERIT);
      process = builder.start();
      out = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8));
      in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      String line = out.readLine();
      if (!ServedWorker.READY.equals(line)) {
        throw failure("said '" + line + "' instead of '" + ServedWorker.READY + "'");
      }
    }

    /**
     * Waits {@link #SETTLE_MILLIS} for the threads of the run before to go idle, then asks for one
     * run and returns its steps per second.
     */
    double runOnce() throws IOException {
      try {
        Thread.sleep(SETTLE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure("was interrupted while the runs before settled");
      }
      in.write(ServedWorker.RUN + "\n");
      in.flush();
      String line = out.readLine();
      try {
        return Double.parseDouble(line);
      } catch (NullPointerException | NumberFormatException e) {
        throw failure("answered a run with '" + line + "'");
      }
    }

    /** Ends the runs and returns the worker's JSON output: its row and its GEMM backend. */
    Map<?, ?> end() throws IOException {
      in.write(ServedWorker.END + "\n");
      in.close();
      StringBuilder json = new StringBuilder();
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        json.append(line).append('\n');
      }
      int status = waitFor();
      if (status != 0) {
        throw new IllegalStateException("the chainrule bench worker exited with status " + status);
      }
      return new Gson().fromJson(json.toString(), Map.class);
    }

    private IllegalStateException failure(String what) {
      process.destroy();
      return new IllegalStateException("the chainrule bench worker " + what + " (exit status "
          + waitFor() + ")");
    }

    private int waitFor() {
      try {
        return process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroy();
        throw new IllegalStateException("the chainrule bench worker was interrupted");
      }
    }

    @Override
    public void close() {
      if (process != null && process.isAlive()) {
        process.destroy();
      }
    }
  }
}
