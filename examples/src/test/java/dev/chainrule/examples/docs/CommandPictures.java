package dev.chainrule.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Pictures under docs/images drawn by a {@code graph} command that a page shows: the page must
 * show the command, and the committed DOT must equal what the command writes now, with the
 * picture in the command's other format (SVG) beside it. With {@link DocsTest#UPDATE_PROPERTY} set,
 * the command redraws them instead.
 */
final class CommandPictures {
  private CommandPictures() {}

  /**
   * Checks (or, when updating, redraws) the picture {@code file} (without extension) that
   * {@code command} writes into the directory that is its last argument, shown on {@code page};
   * {@code scratch} is an empty directory to draw into.
   */
  static void assertUpToDate(Path page, List<String> command, String file, Path scratch)
      throws IOException {
    String shown = Transcripts.PREFIX.substring(2) + " " + String.join(" ", command);
    assertTrue(Files.readString(page, StandardCharsets.UTF_8).contains(shown),
        page.getFileName() + " shows: " + shown);
    Path dir = MarkdownBlocks.ROOT.resolve(command.get(command.size() - 1));
    List<String> args = new ArrayList<>(command.subList(0, command.size() - 1));
    args.add(dir.toString());
    if (Boolean.getBoolean(DocsTest.UPDATE_PROPERTY)) {
      assertEquals(0, Transcripts.run(args).status(), "the command runs: " + shown);
      return;
    }
    Path committed = dir.resolve(file + ".dot");
    String before = Files.exists(committed)
        ? Files.readString(committed, StandardCharsets.UTF_8) : "";
    List<String> dotOnly = new ArrayList<>(args);
    int format = dotOnly.indexOf("--format");
    dotOnly.set(format + 1, "dot");
    dotOnly.set(dotOnly.size() - 1, scratch.toString());
    assertEquals(0, Transcripts.run(dotOnly).status(), "the command runs: " + shown);
    String picture = file + "." + List.of(args.get(format + 1).split(",")).stream()
        .filter(f -> !f.equals("dot")).findFirst().orElse("dot");
    String fresh = Files.readString(scratch.resolve(file + ".dot"), StandardCharsets.UTF_8);
    assertTrue(fresh.equals(before) && Files.exists(dir.resolve(picture)),
        dir + " is out of date; redraw it from the repository root with: "
            + DocsTest.REGENERATE);
  }
}
