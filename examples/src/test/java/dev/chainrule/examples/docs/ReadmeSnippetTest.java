package dev.chainrule.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles and runs the README's Java example exactly as written. */
class ReadmeSnippetTest {
  @TempDir
  Path dir;

  @Test
  void readmeExampleCompilesRunsAndAgreesWithTheHandFormula() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertTrue(m.find(), "README has a ```java block");
    String snippet = m.group(1);
    assertTrue(snippet.lines().filter(l -> !l.startsWith("import") && !l.isBlank()).count() <= 20,
        "the README example has at most 20 lines of code");
    String output = compileAndRun(snippet);
    Matcher values = Pattern.compile("\\[\\[(.*?)\\]\\] = .* = \\[\\[(.*?)\\]\\]").matcher(output);
    assertTrue(values.find(), "prints dW and the hand formula: " + output);
    assertEquals(values.group(2), values.group(1), "autograd dW equals (1/m)·(A − Y)·Xᵀ");
  }

  private String compileAndRun(String snippet) throws Exception {
    StringBuilder imports = new StringBuilder();
    StringBuilder body = new StringBuilder();
    for (String line : snippet.split("\n")) {
      (line.startsWith("import ") ? imports : body).append(line).append('\n');
    }
    String source = imports + "public class Snippet { public static void main(String[] args) "
        + "throws Exception {\n" + body + "}}\n";
    Path file = dir.resolve("Snippet.java");
    Files.writeString(file, source);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status = javac.run(null, null, errors, "-classpath", System.getProperty("java.class.path"),
        "-d", dir.toString(), file.toString());
    assertEquals(0, status, () -> "README snippet does not compile:\n" + errors);
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
        getClass().getClassLoader())) {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      Method main = loader.loadClass("Snippet").getMethod("main", String[].class);
      main.invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void readmeNamesExactlyTwoSetupCommands() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    List<String> shellBlocks = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL)
        .matcher(readme).results().map(r -> r.group(1).trim()).toList();
    assertEquals(2, shellBlocks.size(), "two set-up commands");
    String ci = Files.readString(Path.of("..", ".ci", "run"));
    assertTrue(ci.contains(shellBlocks.get(1)), "CI runs the README's test command verbatim");
  }
}
