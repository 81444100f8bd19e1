package dev.chainrule.examples.docs;

import dev.chainrule.examples.cli.CliRun;
import dev.chainrule.examples.docs.MarkdownBlocks.Block;
import java.util.ArrayList;
import java.util.List;

/**
 * Command transcripts pasted into pages: a code block whose first line is {@code $ java -jar
 * examples/target/chainrule-examples.jar ARGS} holds one or more such {@code $} lines, each
 * followed by the standard output it prints. The commands run in this JVM through the same
 * entry point as the jar's, so a page shows exactly what a reader sees.
 */
final class Transcripts {
  /** The prefix of a checked command line. */
  static final String PREFIX = "$ java -jar examples/target/chainrule-examples.jar";

  /**
   * One command of a transcript.
   *
   * @param block the block it is in
   * @param first the index in the block of its {@code $} line
   * @param end the index in the block after its last output line
   * @param args the command-line arguments
   */
  record Command(Block block, int first, int end, List<String> args) {
    /** Returns the output lines the page shows. */
    List<String> expected() {
      return block.lines().subList(first + 1, end);
    }

    /** Returns the page line of the {@code $} line. */
    int line() {
      return block.line() + 1 + first;
    }

    /** Returns where the command is, as {@code page:line}. */
    String where() {
      return block.page().toString().replace('\\', '/') + ":" + line();
    }
  }

  private Transcripts() {}

  /** Returns true when {@code block} is a transcript. */
  static boolean isTranscript(Block block) {
    return !block.lines().isEmpty() && block.lines().get(0).startsWith(PREFIX + " ");
  }

  /** Returns the commands of a transcript block. */
  static List<Command> commands(Block block) {
    List<Command> commands = new ArrayList<>();
    List<String> lines = block.lines();
    int start = -1;
    for (int i = 0; i <= lines.size(); i++) {
      if (i == lines.size() || lines.get(i).startsWith("$ ")) {
        if (start >= 0) {
          commands.add(new Command(block, start, i, args(block, start)));
        }
        start = i;
      }
    }
    return commands;
  }

  private static List<String> args(Block block, int index) {
    String line = block.lines().get(index);
    if (!line.startsWith(PREFIX + " ")) {
      throw new IllegalStateException(block.page() + ":" + (block.line() + 1 + index)
          + ": a transcript may only hold commands starting with '" + PREFIX + "'");
    }
    return List.of(line.substring(PREFIX.length()).trim().split("\\s+"));
  }

  /** Runs the command in this JVM and returns what it printed. */
  static CliRun run(List<String> args) {
    return CliRun.of(args.toArray(String[]::new));
  }

}
