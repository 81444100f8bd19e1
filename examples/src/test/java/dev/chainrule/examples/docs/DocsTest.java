package dev.chainrule.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.chainrule.examples.cli.CliRun;
import dev.chainrule.examples.docs.MarkdownBlocks.Block;
import dev.chainrule.examples.docs.Transcripts.Command;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every code example in README.md and docs/ is compiled and run, so that a renamed method breaks
 * the build rather than the reader:
 *
 * <ul>
 *   <li>each ```java block is compiled as the body of a main method (imports on top) and run;
 *       {@code ```java no-run} blocks are only compiled;
 *   <li>an {@code ```output} block after a java block must be what that snippet prints;
 *   <li>each transcript (a block starting {@code $ java -jar examples/target/chainrule-examples.jar
 *       ...}) is run, and must exit with 0 and print what the page shows.
 * </ul>
 *
 * <p>Failures name the page and line. After an intended change of output, {@link #REGENERATE}
 * rewrites every pasted output from what the code prints now (CONTRIBUTING.md).
 */
class DocsTest {
  /** The system property that switches the test to rewriting the pages. */
  static final String UPDATE_PROPERTY = DocsRegeneration.PROPERTY;

  /** The command that rewrites the pasted outputs and the pictures, run from the root. */
  static final String REGENERATE = DocsRegeneration.COMMAND;

  @TestFactory
  List<DynamicTest> everySnippetAndTranscriptRunsAsThePageShows(@TempDir Path classes)
      throws IOException, ReflectiveOperationException {
    List<Block> blocks = MarkdownBlocks.all();
    Map<Block, Block> outputs = outputsOf(blocks);
    JavaSnippets snippets = new JavaSnippets(javaBlocks(blocks), classes);
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      List<String> changed = update(blocks, outputs, snippets);
      return List.of(dynamicTest("rewrote " + changed, () -> { }));
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Block b : blocks) {
      if (isSnippet(b)) {
        tests.add(dynamicTest(b.where() + " java", () -> checkSnippet(b, outputs.get(b),
            snippets)));
      } else if (Transcripts.isTranscript(b)) {
        for (Command c : Transcripts.commands(b)) {
          tests.add(dynamicTest(c.where() + " " + String.join(" ", c.args()),
              () -> checkCommand(c)));
        }
      }
    }
    return tests;
  }

  @Test
  void theRegenerationCommandIsDocumented() throws IOException {
    String contributing = Files.readString(MarkdownBlocks.ROOT.resolve("CONTRIBUTING.md"),
        StandardCharsets.UTF_8);
    assertTrue(contributing.contains(REGENERATE), "CONTRIBUTING.md gives " + REGENERATE);
  }

  private static void checkSnippet(Block block, Block output, JavaSnippets snippets)
      throws IOException, ReflectiveOperationException {
    List<String> errors = snippets.errors(block);
    assertTrue(errors.isEmpty(), () -> block.where() + ": the snippet does not compile:\n"
        + String.join("\n", errors));
    if (block.has("no-run")) {
      assertTrue(output == null, () -> output.where() + ": a no-run snippet prints nothing");
      return;
    }
    String printed = snippets.run(block);
    if (output != null) {
      List<String> actual = ExpectedOutput.lines(printed);
      assertTrue(ExpectedOutput.matches(output.lines(), actual), () -> output.where()
          + ": the snippet at line " + block.line() + " no longer prints this output; "
          + ExpectedOutput.difference(output.lines(), actual) + "\nafter an intended change, "
          + "rewrite the pages from the repository root with: " + REGENERATE);
    }
  }

  private static void checkCommand(Command c) {
    CliRun r = Transcripts.run(c.args());
    assertEquals(0, r.status(), () -> c.where() + ": the command exits with " + r.status()
        + ": " + r.err());
    List<String> actual = ExpectedOutput.lines(r.out());
    assertTrue(ExpectedOutput.matches(c.expected(), actual), () -> c.where() + ": the command "
        + "no longer prints what the page shows; " + ExpectedOutput.difference(c.expected(),
        actual) + "\nafter an intended change, rewrite the pages from the repository root with: "
        + REGENERATE);
  }

  /** Pairs each {@code ```output} block with the java block before it on the same page. */
  private static Map<Block, Block> outputsOf(List<Block> blocks) {
    Map<Block, Block> outputs = new LinkedHashMap<>();
    Block java = null;
    for (Block b : blocks) {
      if (java != null && !java.page().equals(b.page())) {
        java = null;
      }
      if (isSnippet(b)) {
        java = b;
      } else if (b.language().equals("output")) {
        if (java == null || outputs.containsKey(java)) {
          throw new IllegalStateException(b.where() + ": an output block must follow the java "
              + "block whose output it shows");
        }
        outputs.put(java, b);
      }
    }
    return outputs;
  }

  private static List<Block> javaBlocks(List<Block> blocks) {
    return blocks.stream().filter(DocsTest::isSnippet).toList();
  }

  /** A java block is a snippet unless it shows a whole file ({@code ConsumerProjectTest}'s). */
  private static boolean isSnippet(Block b) {
    return b.language().equals("java") && b.file() == null;
  }

  /** Rewrites every pasted output from what the code prints now; returns the changed pages. */
  private static List<String> update(List<Block> blocks, Map<Block, Block> outputs,
      JavaSnippets snippets) throws IOException, ReflectiveOperationException {
    Map<Block, List<String>> fresh = new LinkedHashMap<>();
    for (Map.Entry<Block, Block> e : outputs.entrySet()) {
      List<String> actual = ExpectedOutput.lines(snippets.run(e.getKey()));
      fresh.put(e.getValue(), ExpectedOutput.regenerate(e.getValue().lines(), actual));
    }
    for (Block b : blocks) {
      if (Transcripts.isTranscript(b)) {
        List<String> lines = new ArrayList<>();
        for (Command c : Transcripts.commands(b)) {
          CliRun r = Transcripts.run(c.args());
          if (r.status() != 0) {
            throw new IllegalStateException(c.where() + ": the command fails: " + r.err());
          }
          lines.add(b.lines().get(c.first()));
          lines.addAll(ExpectedOutput.regenerate(c.expected(), ExpectedOutput.lines(r.out())));
        }
        fresh.put(b, lines);
      }
    }
    List<String> changed = new ArrayList<>();
    for (Path page : MarkdownBlocks.pages()) {
      Path file = MarkdownBlocks.ROOT.resolve(page);
      List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
      List<Block> onPage = MarkdownBlocks.of(page);
      for (int i = onPage.size() - 1; i >= 0; i--) {
        Block b = onPage.get(i);
        List<String> replacement = fresh.get(b);
        if (replacement != null) {
          lines.subList(b.line(), b.line() + b.lines().size()).clear();
          lines.addAll(b.line(), replacement);
        }
      }
      String text = String.join("\n", lines) + "\n";
      if (!text.equals(Files.readString(file, StandardCharsets.UTF_8))) {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        changed.add(page.toString());
      }
    }
    return changed;
  }
}
