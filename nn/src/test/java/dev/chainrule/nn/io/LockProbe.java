package dev.chainrule.nn.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A child process for {@link AtomicFilesTest}: prints {@code held} when another process holds a
 * lock on the file {@code args[0]}, {@code free} when this process can take it.
 */
public final class LockProbe {
  private LockProbe() {}

  /** Probes the lock of {@code args[0]} and prints the answer. */
  public static void main(String[] args) throws IOException {
    try (FileChannel ch = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
      FileLock lock = ch.tryLock();
      System.out.println(lock == null ? "held" : "free");
    }
  }

  /** Runs the probe in a child JVM on {@code file} and returns what it printed. */
  static String probe(Path file) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        LockProbe.class.getName(), file.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    p.waitFor();
    return out;
  }
}
