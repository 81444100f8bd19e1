package dev.chainrule.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.graph.Node;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads DOT text the way the tests need it: node statements, edges, cluster contents, goldens. */
final class DotAssertions {
  private static final Pattern NODE = Pattern.compile("^\\s*n(\\d+) \\[label=", Pattern.MULTILINE);
  private static final Pattern EDGE = Pattern.compile("^\\s*n(\\d+) -> n(\\d+)(.*);$",
      Pattern.MULTILINE);

  private DotAssertions() {}

  /** Returns the ids of the nodes declared, in declaration order. */
  static List<Integer> nodeIds(String dot) {
    List<Integer> ids = new ArrayList<>();
    Matcher m = NODE.matcher(dot);
    while (m.find()) {
      ids.add(Integer.parseInt(m.group(1)));
    }
    return ids;
  }

  /** Returns the statement declaring {@code n}. */
  static String statement(String dot, Node n) {
    Matcher m = Pattern.compile("^\\s*n" + n.id() + " \\[label=.*$", Pattern.MULTILINE)
        .matcher(dot);
    assertTrue(m.find(), () -> "no node statement for " + n.name() + " (n" + n.id() + ")");
    return m.group();
  }

  /** Returns the attributes of the edge {@code from -> to}, or null when there is none. */
  static String edge(String dot, Node from, Node to) {
    Matcher m = EDGE.matcher(dot);
    while (m.find()) {
      if (Integer.parseInt(m.group(1)) == from.id() && Integer.parseInt(m.group(2)) == to.id()) {
        return m.group(3).trim();
      }
    }
    return null;
  }

  /** Returns every edge as {from, to} pairs, in order. */
  static List<int[]> edges(String dot) {
    List<int[]> list = new ArrayList<>();
    Matcher m = EDGE.matcher(dot);
    while (m.find()) {
      list.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
    }
    return list;
  }

  /** Returns the text of the cluster whose label line contains {@code label}, braces matched. */
  static String cluster(String dot, String label) {
    return clusterAt(dot, dot.indexOf("label=\"" + label + "\""), label);
  }

  /**
   * Returns the text of the cluster whose bold HTML caption starts with {@code caption} (as
   * written in the DOT text, entities included), braces matched.
   */
  static String captioned(String dot, String caption) {
    return clusterAt(dot, dot.indexOf("label=<<b>" + caption), caption);
  }

  private static String clusterAt(String dot, int at, String label) {
    assertTrue(at >= 0, () -> "no cluster labelled " + label);
    int open = dot.lastIndexOf('{', at);
    int depth = 0;
    for (int i = open; i < dot.length(); i++) {
      depth += dot.charAt(i) == '{' ? 1 : dot.charAt(i) == '}' ? -1 : 0;
      if (depth == 0) {
        return dot.substring(open, i + 1);
      }
    }
    throw new AssertionError("unbalanced braces after cluster " + label);
  }

  /**
   * Compares {@code dot} with a golden file under src/test/resources/export; with
   * {@code -Dchainrule.golden.update=true} rewrites the file instead (review the diff, and look at
   * the rendered picture, before committing it).
   */
  static void assertGolden(String name, String dot) throws IOException {
    Path file = Path.of("src", "test", "resources", "export", name);
    if (Boolean.getBoolean("chainrule.golden.update")) {
      Files.writeString(file, dot, StandardCharsets.UTF_8);
      return;
    }
    assertTrue(Files.exists(file), () -> "missing golden file " + file + "; create it with "
        + "-Dchainrule.golden.update=true after checking the picture by eye");
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), dot, () -> "DOT differs from "
        + file + "; if the change is intended, rerun with -Dchainrule.golden.update=true");
  }
}
