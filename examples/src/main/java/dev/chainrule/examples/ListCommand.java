package dev.chainrule.examples;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Lists every subcommand of the examples jar with its one-line description; {@code <command>
 * --help} describes one in full.
 */
@Command(name = "list", description = "List the examples and tools in this jar.")
public final class ListCommand implements Runnable {
  /** Prints one line per subcommand. */
  @Override
  public void run() {
    CommandLine root = new CommandLine(new Main());
    for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
      System.out.printf("  %-16s %s%n", e.getKey(), summary(e.getValue()));
    }
  }

  /** Returns a command's one-line summary: its header if it has one, else its description. */
  static String summary(CommandLine command) {
    UsageMessageSpec usage = command.getCommandSpec().usageMessage();
    String[] lines = usage.header().length > 0 ? usage.header() : usage.description();
    return lines.length > 0 ? lines[0] : "";
  }
}
