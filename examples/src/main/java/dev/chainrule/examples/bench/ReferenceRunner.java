package dev.chainrule.examples.bench;

import com.google.gson.Gson;
import com.google.gson.JsonSyntaxException;
import dev.chainrule.core.tensor.DType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the NumPy and PyTorch versions of the workloads (Python scripts shipped in this jar) with
 * a given interpreter, when it can import the framework, with the BLAS and OpenMP thread counts
 * set in the environment and the script setting PyTorch's own.
 */
final class ReferenceRunner {
  /**
   * A framework's results, or why there are none.
   *
   * @param framework numpy or torch
   * @param version the framework's version, or null
   * @param rows its results
   * @param skipped why it did not run, or null
   * @param blas which OpenBLAS build its process loaded, when the runner chose one, or null
   */
  record Outcome(String framework, String version, List<BenchRow> rows, String skipped,
      String blas) {
    Outcome(String framework, String version, List<BenchRow> rows, String skipped) {
      this(framework, version, rows, skipped, null);
    }
  }

  /**
   * Debian's OpenMP build of OpenBLAS. PyTorch parallelises with OpenMP; with the pthread build
   * (the default alternative) its idle OpenMP threads spin while OpenBLAS's own threads work, so
   * at two threads four compete for two cores. The issue names this build for PyTorch, so the
   * runner puts it first on PyTorch's library path when it is installed.
   */
  static final Path OPENMP_OPENBLAS = Path.of("/usr/lib/x86_64-linux-gnu/openblas-openmp");

  /** The module both scripts import, copied next to them. */
  private static final String COMMON = "bench_common.py";

  private final String python;

  ReferenceRunner(String python) {
    this.python = python;
  }

  /** Returns true when the interpreter can import {@code module}. */
  boolean available(String module) {
    try {
      Process p = new ProcessBuilder(python, "-c", "import " + module).redirectErrorStream(true)
          .start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Runs {@code framework}'s script (numpy or torch) on {@code workloads} at {@code threads} in
   * {@code dtype}.
   */
  Outcome run(String framework, List<String> workloads, int threads, int reps, DType dtype) {
    String module = framework.equals("numpy") ? "numpy" : "torch";
    if (!available(module)) {
      return new Outcome(framework, null, List.of(), python + " cannot import " + module);
    }
    List<String> wanted = new ArrayList<>(workloads);
    wanted.retainAll(Workloads.REFERENCED);
    if (wanted.isEmpty()) {
      return new Outcome(framework, null, List.of(), "no referenced workload selected");
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("chainrule-bench-");
      extract(COMMON, dir);
      Path script = extract("bench_" + module + ".py", dir);
      ProcessBuilder pb = new ProcessBuilder(python, script.toString(), "--threads",
          String.valueOf(threads), "--reps", String.valueOf(reps), "--workloads",
          String.join(",", wanted), "--dtype", dtype.toString());
      Processes.limitThreads(pb, threads);
      String blas = null;
      if (module.equals("torch") && Files.isDirectory(OPENMP_OPENBLAS)) {
        String path = pb.environment().get("LD_LIBRARY_PATH");
        pb.environment().put("LD_LIBRARY_PATH",
            OPENMP_OPENBLAS + (path == null || path.isEmpty() ? "" : ":" + path));
        blas = "OpenBLAS OpenMP build (" + OPENMP_OPENBLAS + " on LD_LIBRARY_PATH)";
      }
      String out = Processes.run(pb, framework + " reference");
      Map<?, ?> m = new Gson().fromJson(out, Map.class);
      return new Outcome(framework, String.valueOf(m.get("version")), Processes.rows(m),
          null, blas);
    } catch (IOException | JsonSyntaxException | IllegalStateException e) {
      return new Outcome(framework, null, List.of(), framework + " reference failed: "
          + e.getMessage());
    } finally {
      delete(dir);
    }
  }

  /** Removes the scripts' directory and what is in it (Python may have added a cache). */
  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      dir.toFile().deleteOnExit();
    }
  }

  /** Copies the script resource {@code name} into {@code dir} and returns its path there. */
  private static Path extract(String name, Path dir) throws IOException {
    try (InputStream in = ReferenceRunner.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("the jar has no resource " + name);
      }
      Path file = dir.resolve(name);
      Files.write(file, in.readAllBytes());
      return file;
    }
  }
}
