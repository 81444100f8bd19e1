package dev.chainrule.cli;

import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command-line conventions every subcommand follows: bad input exits with status 2 and one
 * line on standard error that says what is wrong and shows the usage; a failure while running
 * exits with status 1 and one line, never a stack trace.
 */
public final class Cli {
  /** Exit status for bad command-line input. */
  public static final int BAD_INPUT = 2;
  /** Exit status for a run that failed. */
  public static final int FAILED = 1;

  /**
   * Keeps the library loggers' levels alive (java.util.logging holds loggers weakly): the native
   * BLAS binding says at INFO which implementation it loaded and warns when none is installed,
   * which is expected on a machine without OpenBLAS, so the command line shows only real problems.
   * {@code -Dchainrule.log=info} shows everything.
   */
  private static final Logger[] QUIET = {Logger.getLogger("dev.ludovic.netlib"),
      Logger.getLogger("dev.chainrule")};

  static {
    if (!"info".equals(System.getProperty("chainrule.log"))) {
      QUIET[0].setLevel(Level.SEVERE);
      QUIET[1].setLevel(Level.WARNING);
    }
  }

  private Cli() {}

  /** Runs the command line and returns its exit status. */
  public static int run(Object root, String... args) {
    CommandLine cl = new CommandLine(root);
    cl.setParameterExceptionHandler(Cli::onBadInput);
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> onFailure(e, cmd));
    return cl.execute(args);
  }

  private static int onBadInput(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    String synopsis = cmd.getHelp().synopsis(0).trim().replaceAll("\\s+", " ");
    cmd.getErr().println("error: " + e.getMessage() + suggestions(e) + " (usage: " + synopsis
        + ")");
    return BAD_INPUT;
  }

  /** Returns "; did you mean --epochs?" for a misspelt option, else "". */
  private static String suggestions(ParameterException e) {
    if (e instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
      return "; did you mean " + String.join(" or ", u.getSuggestions()) + "?";
    }
    return "";
  }

  private static int onFailure(Exception e, CommandLine cmd) {
    if (e instanceof UsageException) {
      String synopsis = cmd.getHelp().synopsis(0).trim().replaceAll("\\s+", " ");
      cmd.getErr().println("error: " + e.getMessage() + " (usage: " + synopsis + ")");
      return BAD_INPUT;
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    cmd.getErr().println("error: " + message.strip().replaceAll("\\s*\\n\\s*", "; "));
    return FAILED;
  }
}
