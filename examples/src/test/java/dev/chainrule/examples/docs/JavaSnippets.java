package dev.chainrule.examples.docs;

import dev.chainrule.examples.docs.MarkdownBlocks.Block;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles and runs the ```java blocks of the Markdown pages. A block is a list of statements
 * with its imports at the top, exactly what a reader pastes into a {@code main} method: each
 * becomes the body of {@code public static void main(String[] args) throws Exception} in a class
 * of its own, compiled against the test class path (core, nn, examples and their dependencies).
 * Errors and exceptions are reported at the page and line of the Markdown source.
 */
final class JavaSnippets {
  /** The line that opens the class, between the imports and the statements. */
  static final String CLASS_LINE =
      "public class Try { public static void main(String[] args) throws Exception {";

  private final Path classes;
  private final Map<Block, Source> sources = new LinkedHashMap<>();
  private final Map<Block, List<String>> errors = new HashMap<>();

  /** A generated source and, for each of its lines, the page line it comes from (0: none). */
  private record Source(String className, String text, int[] pageLines) {}

  /** Compiles {@code blocks} into {@code classes}; compilation errors are kept per block. */
  JavaSnippets(List<Block> blocks, Path classes) {
    this.classes = classes;
    for (int i = 0; i < blocks.size(); i++) {
      sources.put(blocks.get(i), wrap("snippet" + i, blocks.get(i)));
    }
    if (!compile(new ArrayList<>(sources.keySet()))) {
      errors.clear();
      for (Block b : sources.keySet()) {
        compile(List.of(b));
      }
    }
  }

  /** Returns the compilation errors of {@code block}, each as "page:line: message". */
  List<String> errors(Block block) {
    return errors.getOrDefault(block, List.of());
  }

  /**
   * Runs {@code block}'s main method and returns what it printed on standard output; an
   * exception it throws is rethrown as an AssertionError naming the page line it came from.
   */
  String run(Block block) throws IOException, ReflectiveOperationException {
    Source source = sources.get(block);
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        getClass().getClassLoader())) {
      Method main = loader.loadClass(source.className()).getMethod("main", String[].class);
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      main.invoke(null, (Object) new String[0]);
    } catch (InvocationTargetException e) {
      throw new AssertionError(block.page() + ":" + pageLine(source, e.getCause()) + ": the "
          + "snippet starting at line " + block.line() + " throws " + e.getCause(), e.getCause());
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  private static int pageLine(Source source, Throwable t) {
    for (StackTraceElement frame : t.getStackTrace()) {
      if (frame.getClassName().startsWith(source.className())) {
        int line = frame.getLineNumber();
        return line > 0 && line <= source.pageLines().length ? source.pageLines()[line - 1] : 0;
      }
    }
    return 0;
  }

  /**
   * Wraps a block into the class {@code Try} of package {@code pkg}, exactly as the guide tells
   * readers to (imports, then the class line, then the statements, then {@code }}}): the package
   * declaration shares the first line, so line numbers in stack traces and in chainrule's error
   * messages ({@code at Try.java:12 (Try.main)}) are the ones a reader sees.
   */
  private static Source wrap(String pkg, Block block) {
    List<String> imports = new ArrayList<>();
    List<Integer> importLines = new ArrayList<>();
    List<String> body = new ArrayList<>();
    List<Integer> bodyLines = new ArrayList<>();
    for (int i = 0; i < block.lines().size(); i++) {
      String line = block.lines().get(i);
      boolean isImport = line.startsWith("import ");
      (isImport ? imports : body).add(line);
      (isImport ? importLines : bodyLines).add(block.line() + 1 + i);
    }
    StringBuilder text = new StringBuilder("package " + pkg + "; ");
    List<Integer> map = new ArrayList<>();
    for (int i = 0; i < imports.size(); i++) {
      text.append(imports.get(i)).append('\n');
      map.add(importLines.get(i));
    }
    text.append(CLASS_LINE).append('\n');
    map.add(block.line());
    for (int i = 0; i < body.size(); i++) {
      text.append(body.get(i)).append('\n');
      map.add(bodyLines.get(i));
    }
    text.append("}}\n");
    map.add(block.line() + block.lines().size() + 1);
    return new Source(pkg + ".Try", text.toString(),
        map.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Compiles the blocks together; returns false (errors recorded) when any fails. */
  private boolean compile(List<Block> blocks) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Map<JavaFileObject, Block> files = new LinkedHashMap<>();
    for (Block b : blocks) {
      Source s = sources.get(b);
      files.put(new SimpleJavaFileObject(URI.create("string:///" + s.className().replace('.', '/')
          + ".java"),
          JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return s.text();
        }
      }, b);
    }
    List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d",
        classes.toString(), "-encoding", "UTF-8", "-proc:none");
    boolean ok = javac.getTask(null, null, diagnostics, options, null, files.keySet()).call();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      Block b = files.get(d.getSource());
      if (d.getKind() == Diagnostic.Kind.ERROR && b != null) {
        int line = d.getLineNumber() > 0 ? sources.get(b).pageLines()[(int) d.getLineNumber() - 1]
            : b.line();
        errors.computeIfAbsent(b, k -> new ArrayList<>())
            .add(b.page() + ":" + line + ": " + d.getMessage(Locale.ROOT));
      }
    }
    return ok;
  }
}
