package dev.chainrule.spark.cli;

import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The entry point of {@code java -jar spark/target/chainrule-spark.jar}: chainrule's Spark
 * commands. Bad input exits with status 2 and one {@code error:} line, a failed run with status 1
 * and one line, as the examples' command line does.
 */
@Command(name = "chainrule-spark", mixinStandardHelpOptions = true,
    version = "chainrule spark 0.1.0",
    description = "Data-parallel training of chainrule models on Apache Spark.",
    subcommands = {FashionMnistCommand.class, OverheadCommand.class, HelpCommand.class})
public final class Main implements Runnable {
  /** Exit status for bad command-line input. */
  static final int BAD_INPUT = 2;
  /** Exit status for a run that failed. */
  static final int FAILED = 1;

  private static final String LOG_CONFIG = "log4j2.configurationFile";
  private static final Logger BLAS = Logger.getLogger("dev.ludovic.netlib");

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs the command line and returns its exit status: Spark logs only its errors (unless {@code
   * -Dlog4j2.configurationFile} says otherwise) and the BLAS binding only its failures.
   */
  static int run(String... args) {
    if (System.getProperty(LOG_CONFIG) == null) {
      System.setProperty(LOG_CONFIG, "dev/chainrule/spark/cli/log4j2.properties");
    }
    System.setProperty("io.netty.tryReflectionSetAccessible", "true");
    BLAS.setLevel(Level.SEVERE);
    CommandLine cl = new CommandLine(new Main());
    cl.setParameterExceptionHandler((e, given) -> error(e.getCommandLine(), e.getMessage(),
        BAD_INPUT));
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> e instanceof UsageException
        ? error(cmd, e.getMessage(), BAD_INPUT) : error(cmd, e.getMessage() != null
            ? e.getMessage() : e.getClass().getSimpleName(), FAILED));
    return cl.execute(args);
  }

  private static int error(CommandLine cmd, String message, int status) {
    String line = "error: " + message.strip().replaceAll("\\s*\\n\\s*", "; ");
    if (status == BAD_INPUT) {
      line += " (usage: " + cmd.getHelp().synopsis(0).strip().replaceAll("\\s+", " ") + ")";
    }
    cmd.getErr().println(line);
    return status;
  }

  /** Without a subcommand, prints the usage. */
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
