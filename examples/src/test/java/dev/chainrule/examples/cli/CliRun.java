package dev.chainrule.examples.cli;

import dev.chainrule.cli.Cli;
import dev.chainrule.examples.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One run of the examples' command line inside the test JVM, with what it printed: the exit
 * status {@link Cli#run} returned and the text of standard output and standard error.
 *
 * @param status the exit status
 * @param out what went to standard output
 * @param err what went to standard error
 */
public record CliRun(int status, String out, String err) {
  /**
   * Runs {@code args} as {@code chainrule-examples args…} with standard output and error captured
   * (and restored afterwards); one run at a time, since the streams belong to the whole JVM.
   */
  public static synchronized CliRun of(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int status = Cli.run(new Main(), args);
      return new CliRun(status, out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }
}
