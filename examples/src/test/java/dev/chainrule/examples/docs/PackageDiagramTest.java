package dev.chainrule.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.chainrule.core.export.ImageFormat;
import dev.chainrule.core.export.Renderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Keeps the package diagram of docs/architecture.md true: docs/images/architecture/packages.dot
 * is drawn from the compiled classes of core and nn (the examples as one box), one arrow from a
 * package to each package it uses, leaving out the arrows that others already imply (A → C when
 * A → B → C). The committed DOT must equal the one drawn now; {@code
 * -Dchainrule.docs.update=true} redraws it and its PNG.
 */
class PackageDiagramTest {
  private static final Path DOT =
      MarkdownBlocks.ROOT.resolve("docs/images/architecture/packages.dot");

  /** Returns the package of {@code c} as the diagram names it (dev.chainrule. left out). */
  private static String box(JavaClass c) {
    String p = c.getPackageName();
    if (!p.startsWith("dev.chainrule.") || p.contains("jmh")) {
      return null;
    }
    String name = p.substring("dev.chainrule.".length());
    return name.startsWith("examples") ? "examples" : name;
  }

  /** Returns the diagram: every package of core and nn and the examples, with direct uses. */
  static String packageDot() {
    JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.chainrule");
    Map<String, Set<String>> uses = new TreeMap<>();
    for (JavaClass c : classes) {
      String from = box(c);
      if (from == null) {
        continue;
      }
      uses.computeIfAbsent(from, k -> new TreeSet<>());
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        String to = box(d.getTargetClass());
        if (to != null && !to.equals(from)) {
          uses.get(from).add(to);
        }
      }
    }
    StringBuilder sb = new StringBuilder("digraph packages {\n  rankdir=BT;\n"
        + "  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=11];\n"
        + "  edge [color=\"#555555\", arrowsize=0.7];\n");
    for (String module : new String[] {"core", "nn"}) {
      sb.append("  subgraph cluster_").append(module).append(" {\n    label=\"").append(module)
          .append("\"; fontname=\"Helvetica\"; color=\"#999999\";\n");
      for (String p : uses.keySet()) {
        if (p.startsWith(module + ".")) {
          String label = p.substring(module.length() + 1);
          sb.append("    \"").append(p).append("\" [label=\"").append(label).append("\"];\n");
        }
      }
      sb.append("  }\n");
    }
    sb.append("  \"examples\" [label=\"examples (every package)\"];\n");
    uses.forEach((from, targets) -> {
      for (String to : targets) {
        if (!impliedByOthers(uses, from, to)) {
          sb.append("  \"").append(from).append("\" -> \"").append(to).append("\";\n");
        }
      }
    });
    return sb.append("}\n").toString();
  }

  /** Returns true when {@code to} is reachable from {@code from} without the direct arrow. */
  private static boolean impliedByOthers(Map<String, Set<String>> uses, String from, String to) {
    Deque<String> open = new ArrayDeque<>();
    Set<String> seen = new TreeSet<>();
    for (String next : uses.get(from)) {
      if (!next.equals(to)) {
        open.push(next);
      }
    }
    while (!open.isEmpty()) {
      String p = open.pop();
      if (p.equals(to)) {
        return true;
      }
      if (seen.add(p)) {
        open.addAll(uses.getOrDefault(p, Set.of()));
      }
    }
    return false;
  }

  @Test
  void thePackageDiagramIsUpToDate() throws IOException {
    String dot = packageDot();
    if (Boolean.getBoolean(DocsTest.UPDATE_PROPERTY)) {
      Files.writeString(DOT, dot, StandardCharsets.UTF_8);
      Renderer.auto().write(dot, DOT.resolveSibling("packages.png"), ImageFormat.PNG);
    }
    assertEquals(Files.readString(DOT, StandardCharsets.UTF_8), dot,
        "docs/images/architecture/packages.dot is out of date; redraw it with "
            + "-Dchainrule.docs.update=true");
    assertTrue(Files.exists(DOT.resolveSibling("packages.png")),
        "docs/images/architecture/packages.png");
  }
}
