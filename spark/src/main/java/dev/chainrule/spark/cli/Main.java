package dev.chainrule.spark.cli;

import dev.chainrule.cli.Cli;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The entry point of {@code java -jar spark/target/chainrule-spark.jar}: chainrule's Spark
 * commands. Bad input exits with status 2 and one {@code error:} line, a failed run with status 1
 * and one line, by the conventions the examples' command line shares ({@link Cli}).
 */
@Command(name = "chainrule-spark", mixinStandardHelpOptions = true,
    version = "chainrule spark 0.1.0",
    description = "Data-parallel training of chainrule models on Apache Spark.",
    subcommands = {FashionMnistCommand.class, OverheadCommand.class, HelpCommand.class})
public final class Main implements Runnable {
  private static final String LOG_CONFIG = "log4j2.configurationFile";

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs the command line and returns its exit status: Spark logs only its errors (unless {@code
   * -Dlog4j2.configurationFile} says otherwise) and, as {@link Cli} sets, the BLAS binding only
   * its failures.
   */
  static int run(String... args) {
    if (System.getProperty(LOG_CONFIG) == null) {
      System.setProperty(LOG_CONFIG, "dev/chainrule/spark/cli/log4j2.properties");
    }
    System.setProperty("io.netty.tryReflectionSetAccessible", "true");
    return Cli.run(new Main(), args);
  }

  /** Without a subcommand, prints the usage. */
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
