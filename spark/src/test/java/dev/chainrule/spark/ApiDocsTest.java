package dev.chainrule.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API documentation rules of CONTRIBUTING.md for this module, whose sources the examples'
 * ApiDocsTest cannot compile (it has no Spark): a Javadoc comment on every public type,
 * constructor, method and field (javac's doclint, group {@code missing}), and a package-info.java
 * naming an entry point in every package.
 */
class ApiDocsTest {
  private static List<Path> sources() throws IOException {
    try (Stream<Path> walk = Files.walk(Path.of("src/main/java"))) {
      return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  @Test
  void everyPublicElementHasAComment(@TempDir Path classes) throws IOException {
    DiagnosticCollector<JavaFileObject> found = new DiagnosticCollector<>();
    var javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      javac.getTask(null, files, found, List.of("-classpath",
          System.getProperty("java.class.path"), "-d", classes.toString(), "-proc:none",
          "-Xdoclint:missing/public", "-Xmaxwarns", "10000"), null,
          files.getJavaFileObjectsFromPaths(sources())).call();
    }
    List<String> missing = found.getDiagnostics().stream()
        .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR
            || d.getMessage(Locale.ROOT).contains("no comment"))
        .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": "
            + d.getMessage(Locale.ROOT)).toList();
    assertTrue(missing.isEmpty(), () -> String.join("\n", missing));
  }

  @Test
  void everyPackageNamesItsEntryPoints() throws IOException {
    for (Path dir : sources().stream().map(Path::getParent).distinct().toList()) {
      Path info = dir.resolve("package-info.java");
      assertTrue(Files.exists(info) && Files.readString(info).contains("{@link"),
          dir + " has a package-info.java naming an entry point with {@link ...}");
    }
  }
}
