package dev.chainrule.spark.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/spark.md shows {@link MoonsOnSpark} whole (the examples' ConsumerProjectTest checks that
 * the page holds the file as it is) followed by what it prints; this runs it and compares.
 */
class MoonsOnSparkTest {
  private static final Path PAGE = Path.of("..", "docs", "spark.md");
  private static final String FILE = "spark/src/test/java/dev/chainrule/spark/docs/"
      + "MoonsOnSpark.java";

  @Test
  void theProgramPrintsWhatThePageShows() throws Exception {
    List<String> expected = outputAfterTheProgram();
    assertTrue(!expected.isEmpty(), PAGE + " shows what " + FILE + " prints");
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      MoonsOnSpark.main(new String[0]);
    } finally {
      System.setOut(out);
    }
    assertEquals(expected, captured.toString(StandardCharsets.UTF_8).lines().toList());
  }

  /** Returns the lines of the first {@code text} block after the program's block. */
  private static List<String> outputAfterTheProgram() throws Exception {
    List<String> lines = Files.readAllLines(PAGE, StandardCharsets.UTF_8);
    int program = lines.indexOf("```java file=" + FILE);
    assertTrue(program >= 0, PAGE + " shows " + FILE);
    int open = lines.subList(program, lines.size()).indexOf("```text") + program;
    int close = lines.subList(open + 1, lines.size()).indexOf("```") + open + 1;
    return lines.subList(open + 1, close);
  }
}
