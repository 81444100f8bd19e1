package dev.chainrule.examples;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Lists every subcommand of the examples jar with its one-line description. */
@Command(name = "list", description = "List the examples and tools in this jar.")
public final class ListCommand implements Runnable {
  /** Prints one line per subcommand. */
  @Override
  public void run() {
    CommandLine root = new CommandLine(new Main());
    for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
      String[] d = e.getValue().getCommandSpec().usageMessage().description();
      System.out.printf("  %-16s %s%n", e.getKey(), d.length > 0 ? d[0] : "");
    }
  }
}
