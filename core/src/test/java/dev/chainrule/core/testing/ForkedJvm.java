package dev.chainrule.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a class's {@code main} in a fresh JVM on the tests' class path, as a user's program would
 * run, and keeps what it printed: for checks of what a program sees on its standard streams
 * (logging), which a test cannot observe in its own, already initialised JVM.
 *
 * @param status the exit status
 * @param out what went to standard output
 * @param err what went to standard error
 */
public record ForkedJvm(int status, String out, String err) {
  /**
   * Runs {@code main} with the JVM options {@code jvmOptions} (e.g. {@code -Dkey=value}) and the
   * program arguments {@code args} in {@code dir}, waiting at most two minutes.
   */
  public static ForkedJvm run(Class<?> main, Path dir, List<String> jvmOptions, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process p = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(main.getName() + " did not end within two minutes");
    }
    return new ForkedJvm(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
