package dev.chainrule.core.export.graphviz;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Graphviz's own {@code dot} program, run as a bounded subprocess: the DOT text on its standard
 * input, the picture on its standard output. It is killed when it outlives the time limit; on
 * Linux and macOS it runs under {@code ulimit -v}, so that its allocations fail past the memory
 * limit instead of growing until the machine swaps.
 */
public final class DotProgram {
  private final Path program;

  private DotProgram(Path program) {
    this.program = program;
  }

  /** Returns the {@code dot} program on the PATH, or empty when there is none. */
  public static Optional<DotProgram> onPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    for (String dir : path.split(File.pathSeparator)) {
      for (String name : windows ? List.of("dot.exe", "dot") : List.of("dot")) {
        Path candidate = dir.isEmpty() ? null : Path.of(dir, name);
        if (candidate != null && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(new DotProgram(candidate));
        }
      }
    }
    return Optional.empty();
  }

  /** Returns where the program is. */
  public Path path() {
    return program;
  }

  /**
   * Renders {@code dot} to {@code format} ({@code png}, {@code svg}, …) with extra command-line
   * {@code options} (such as {@code -Gdpi=144}) and returns the bytes written.
   *
   * @throws GraphvizException TIME_LIMIT when it was killed at the time limit, MEMORY_LIMIT when
   *     it failed under the memory limit, REJECTED with its error message otherwise, UNAVAILABLE
   *     when it cannot be started
   */
  public byte[] render(String dot, String format, List<String> options, Limits limits) {
    List<String> command = command(format, options, limits);
    Process process;
    try {
      process = new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new GraphvizException(GraphvizException.Reason.UNAVAILABLE,
          "cannot start " + program + ": " + e.getMessage());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread stdout = drain(process.getInputStream(), out);
    Thread stderr = drain(process.getErrorStream(), err);
    Thread stdin = feed(process.getOutputStream(), dot.getBytes(StandardCharsets.UTF_8));
    try {
      if (!process.waitFor(limits.time().toNanos(), TimeUnit.NANOSECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
        throw new GraphvizException(GraphvizException.Reason.TIME_LIMIT,
            "the dot program did not finish within its time limit of " + limits.timeWords()
                + " and was stopped");
      }
      stdin.join();
      stdout.join();
      stderr.join();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new GraphvizException(GraphvizException.Reason.TIME_LIMIT,
          "interrupted while the dot program was working; it was stopped");
    }
    String said = err.toString(StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      boolean memory = said.toLowerCase(Locale.ROOT).contains("memory")
          || process.exitValue() > 128;
      throw new GraphvizException(memory ? GraphvizException.Reason.MEMORY_LIMIT
          : GraphvizException.Reason.REJECTED, memory
          ? "the dot program failed under its memory limit of " + limits.memoryWords()
              + " (exit status " + process.exitValue() + ")"
          : "the dot program rejected the graph: " + GraphvizException.mainLine(said));
    }
    return out.toByteArray();
  }

  private List<String> command(String format, List<String> options, Limits limits) {
    List<String> dot = new ArrayList<>();
    dot.add(program.toString());
    dot.add("-T" + format);
    dot.addAll(options);
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    Path shell = Path.of("/bin/sh");
    if (!(os.contains("linux") || os.contains("mac")) || !Files.isExecutable(shell)) {
      return dot;
    }
    List<String> limited = new ArrayList<>(List.of(shell.toString(), "-c",
        "ulimit -v " + (limits.memoryBytes() >> 10) + " && exec \"$@\"", "dot"));
    limited.addAll(dot);
    return limited;
  }

  /** Work on one of the process's streams. */
  @FunctionalInterface
  private interface StreamWork {
    void run() throws IOException;
  }

  private static Thread drain(InputStream in, ByteArrayOutputStream to) {
    return daemon("chainrule-dot-output", () -> {
      try (in) {
        in.transferTo(to);
      }
    });
  }

  private static Thread feed(OutputStream out, byte[] bytes) {
    return daemon("chainrule-dot-input", () -> {
      try (out) {
        out.write(bytes);
      }
    });
  }

  /**
   * Runs {@code work} on a daemon thread. A stream that fails means the process stopped early
   * (it failed, or was killed at its limit): its exit status says why, so the failure is dropped.
   */
  private static Thread daemon(String name, StreamWork work) {
    Thread t = new Thread(() -> {
      try {
        work.run();
      } catch (IOException e) {
        // the process stopped early; render() reports why from its exit status
      }
    }, name);
    t.setDaemon(true);
    t.start();
    return t;
  }
}
