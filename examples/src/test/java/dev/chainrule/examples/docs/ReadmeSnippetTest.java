package dev.chainrule.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.examples.docs.MarkdownBlocks.Block;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the README promises beyond compiling (which {@link DocsTest} checks for every page): a
 * Java example of at most twenty lines whose autograd gradient equals the hand formula it prints
 * beside it, and exactly two set-up commands, the second of which CI runs.
 */
class ReadmeSnippetTest {
  @TempDir
  Path dir;

  @Test
  void readmeExampleCompilesRunsAndAgreesWithTheHandFormula() throws Exception {
    List<Block> java = MarkdownBlocks.of(Path.of("README.md")).stream()
        .filter(b -> b.language().equals("java")).toList();
    assertEquals(1, java.size(), "README has one ```java block");
    Block snippet = java.get(0);
    assertTrue(snippet.lines().stream().filter(l -> !l.startsWith("import") && !l.isBlank())
        .count() <= 20, "the README example has at most 20 lines of code");
    JavaSnippets compiled = new JavaSnippets(java, dir);
    assertTrue(compiled.errors(snippet).isEmpty(), () -> String.join("\n",
        compiled.errors(snippet)));
    String output = compiled.run(snippet);
    Matcher values = Pattern.compile("\\[\\[(.*?)\\]\\] = .* = \\[\\[(.*?)\\]\\]").matcher(output);
    assertTrue(values.find(), "prints dW and the hand formula: " + output);
    assertEquals(values.group(2), values.group(1), "autograd dW equals (1/m)·(A − Y)·Xᵀ");
  }

  @Test
  void readmeNamesExactlyTwoSetupCommands() throws Exception {
    List<String> shellBlocks = MarkdownBlocks.of(Path.of("README.md")).stream()
        .filter(b -> b.language().equals("sh")).map(b -> b.text().trim()).toList();
    assertEquals(2, shellBlocks.size(), "two set-up commands");
    String ci = Files.readString(MarkdownBlocks.ROOT.resolve(".ci/run"));
    assertTrue(ci.contains(shellBlocks.get(1)), "CI runs the README's test command verbatim");
  }
}
