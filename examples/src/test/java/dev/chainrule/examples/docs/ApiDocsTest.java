package dev.chainrule.examples.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The half of the API reference's rules that {@code mvn javadoc:aggregate} does not check. The
 * Javadoc command runs doclint with every group but {@code missing}, because that group would
 * also demand an {@code @param} and {@code @return} on every method, where the project's standard
 * is one sentence that says what the method is for (CONTRIBUTING.md). This test runs the
 * {@code missing} group itself over the main sources of all modules and fails on the part of it
 * the standard does require: a public type, constructor, method or field without a comment. It
 * also requires a {@code package-info.java} naming an entry point in every package.
 */
class ApiDocsTest {
  private static final List<String> MODULES = List.of("core", "nn", "cli", "onnx", "explorer",
      "examples");

  @TempDir
  Path classes;

  @Test
  void everyPublicTypeAndMemberHasAJavadocComment() throws IOException {
    List<Path> sources = mainSources();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d",
          classes.toString(), "-proc:none", "-Xdoclint:missing/public", "-Xmaxwarns", "100000");
      javac.getTask(null, files, diagnostics, options, null,
          files.getJavaFileObjectsFromPaths(sources)).call();
    }
    List<String> missing = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      String message = d.getMessage(Locale.ROOT);
      if (d.getKind() == Diagnostic.Kind.ERROR || message.contains("no comment")) {
        missing.add(d.getSource().getName() + ":" + d.getLineNumber() + ": " + message);
      }
    }
    assertTrue(missing.isEmpty(), () -> missing.size() + " public elements have no Javadoc "
        + "comment (write one sentence saying what each is for):\n" + String.join("\n", missing));
  }

  @Test
  void everyPackageSaysWhatItIsForAndNamesItsEntryPoints() throws IOException {
    Set<Path> packages = new TreeSet<>();
    for (Path source : mainSources()) {
      packages.add(source.getParent());
    }
    List<String> bad = new ArrayList<>();
    for (Path dir : packages) {
      Path info = dir.resolve("package-info.java");
      if (!Files.exists(info)) {
        bad.add(dir + ": no package-info.java");
      } else if (!Files.readString(info, StandardCharsets.UTF_8).contains("{@link")) {
        bad.add(info + ": names no entry point ({@link ...})");
      }
    }
    assertTrue(bad.isEmpty(), () -> String.join("\n", bad));
  }

  private static List<Path> mainSources() throws IOException {
    List<Path> sources = new ArrayList<>();
    for (String module : MODULES) {
      try (Stream<Path> walk = Files.walk(MarkdownBlocks.ROOT.resolve(module)
          .resolve("src/main/java"))) {
        walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(sources::add);
      }
    }
    assertTrue(sources.size() > 100, "found the main sources: " + sources.size());
    return sources;
  }
}
