package dev.chainrule.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.examples.docs.MarkdownBlocks.Block;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The consumer project (examples/consumer/, built from installed artifacts by its {@code check}
 * script in CI) is what the getting-started page shows: the page holds its pom and program whole,
 * the program prints what the page says, and its pom asks for the version this build makes.
 */
class ConsumerProjectTest {
  private static final Path PAGE = Path.of("docs", "guide", "01-getting-started.md");
  private static final Path CONSUMER = Path.of("examples", "consumer");
  private static final Path PROGRAM = CONSUMER.resolve(
      Path.of("src", "main", "java", "com", "example", "FirstNetwork.java"));

  @Test
  void everyWholeFileBlockOfTheDocsIsTheFile() throws IOException {
    List<Path> shown = new ArrayList<>();
    for (Block b : MarkdownBlocks.all()) {
      if (b.file() != null) {
        String file = Files.readString(MarkdownBlocks.ROOT.resolve(b.file()),
            StandardCharsets.UTF_8);
        assertEquals(file, b.text(), b.where() + " shows " + b.file() + " as it no longer is");
        shown.add(b.file());
      }
    }
    assertTrue(shown.contains(CONSUMER.resolve("pom.xml")) && shown.contains(PROGRAM),
        "the getting-started page shows the consumer's pom and program: " + shown);
  }

  @Test
  void theConsumerAsksForTheVersionThisBuildMakes() throws IOException {
    String consumer = Files.readString(MarkdownBlocks.ROOT.resolve(CONSUMER.resolve("pom.xml")));
    String parent = Files.readString(MarkdownBlocks.ROOT.resolve("pom.xml"));
    assertEquals(first("<parent>.*?<version>(.*?)</version>", parent),
        first("<chainrule.version>(.*?)</chainrule.version>", consumer));
    assertTrue(consumer.contains("<maven.compiler.release>17</maven.compiler.release>"),
        "without the release, Maven compiles the consumer for Java 5");
  }

  @Test
  void theProgramPrintsWhatThePageShows(@TempDir Path classes) throws Exception {
    assertTrue(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d",
        classes.toString(), "-cp", System.getProperty("java.class.path"), "-encoding", "UTF-8",
        MarkdownBlocks.ROOT.resolve(PROGRAM).toString()) == 0, "FirstNetwork compiles");
    List<String> expected = outputAfterProgram();
    assertFalse(expected.isEmpty(), PAGE + " shows what FirstNetwork prints");
    List<String> actual = ExpectedOutput.lines(runMain(classes));
    assertTrue(ExpectedOutput.matches(expected, actual), () -> PAGE + ": FirstNetwork no "
        + "longer prints what the page shows; " + ExpectedOutput.difference(expected, actual));
  }

  /** Returns the lines of the first {@code text} block after the program's block. */
  private static List<String> outputAfterProgram() {
    boolean afterProgram = false;
    for (Block b : MarkdownBlocks.of(PAGE)) {
      if (PROGRAM.equals(b.file())) {
        afterProgram = true;
      } else if (afterProgram && b.language().equals("text")) {
        return b.lines();
      }
    }
    return List.of();
  }

  /** Runs FirstNetwork's main; returns its standard output (its progress bar is dropped). */
  private static String runMain(Path classes) throws Exception {
    PrintStream original = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        ConsumerProjectTest.class.getClassLoader())) {
      Method main = loader.loadClass("com.example.FirstNetwork").getMethod("main",
          String[].class);
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      main.invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(original);
      System.setErr(originalErr);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  private static String first(String regex, String text) {
    Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
    assertTrue(m.find(), regex);
    return m.group(1);
  }
}
