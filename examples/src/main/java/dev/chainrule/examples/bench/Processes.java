package dev.chainrule.examples.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Child processes of the bench: thread limits in their environment, output, and result rows. */
final class Processes {
  /** The keys of a row that are not details; a row's dtype is a detail, float64 when absent. */
  private static final Set<String> STANDARD = Set.of("workload", "threads", "value", "unit");

  private Processes() {}

  /** Sets the BLAS and OpenMP thread counts of the child's environment to {@code threads}. */
  static void limitThreads(ProcessBuilder pb, int threads) {
    String t = String.valueOf(threads);
    pb.environment().put("OPENBLAS_NUM_THREADS", t);
    pb.environment().put("OMP_NUM_THREADS", t);
    pb.environment().put("MKL_NUM_THREADS", t);
  }

  /**
   * Runs the child to completion and returns its standard output; its standard error goes to ours.
   *
   * @throws IllegalStateException when it exits with a failure status
   */
  static String run(ProcessBuilder pb, String what) throws IOException {
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      int status = p.waitFor();
      if (status != 0) {
        throw new IllegalStateException(what + " exited with status " + status);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroy();
      throw new IllegalStateException(what + " was interrupted");
    }
    return out;
  }

  /** Returns the rows of a parsed {@code {"results": [...]}} object. */
  static List<BenchRow> rows(Map<?, ?> parsed) {
    List<BenchRow> rows = new ArrayList<>();
    Object results = parsed.get("results");
    if (!(results instanceof List)) {
      throw new IllegalStateException("output has no results list");
    }
    for (Object o : (List<?>) results) {
      Map<?, ?> r = (Map<?, ?>) o;
      Map<String, Object> details = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : r.entrySet()) {
        if (!STANDARD.contains(String.valueOf(e.getKey()))) {
          details.put(String.valueOf(e.getKey()), e.getValue());
        }
      }
      rows.add(new BenchRow(String.valueOf(r.get("workload")),
          ((Number) r.get("threads")).intValue(), ((Number) r.get("value")).doubleValue(),
          String.valueOf(r.get("unit")), details));
    }
    return rows;
  }
}
