package dev.chainrule.core.export.graphviz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The bundled Graphviz: its SVG, its error messages, both limits, and that it keeps working after
 * each kind of failure. The timeouts around the limited calls are hang guards, far above the
 * limits they guard.
 */
class GraphvizWasmTest {
  private static final Duration HANG_GUARD = Duration.ofMinutes(3);

  @Test
  void laysOutAChainTopToBottomWithEveryNodeAndEdge() {
    String svg = GraphvizWasm.render("digraph { a -> b -> c; a -> c }", "svg", Limits.DEFAULT);
    assertEquals(3, count(svg, "class=\"node\""));
    assertEquals(3, count(svg, "class=\"edge\""));
    assertTrue(y(svg, "a") < y(svg, "b") && y(svg, "b") < y(svg, "c"),
        "rank order a, b, c from the top: " + y(svg, "a") + ", " + y(svg, "b") + ", "
            + y(svg, "c"));
  }

  @Test
  void sizesBoxesWithDejaVuSansWidths() {
    String svg = GraphvizWasm.render("digraph { node [shape=box, fontname=\"DejaVu Sans\", "
        + "fontsize=10, margin=0, width=0, height=0]; w [label=\"WWWWWWWWWW\"]; "
        + "i [label=\"iiiiiiiiii\"] }", "svg", Limits.DEFAULT);
    // DejaVu Sans: W is 2025/2048 em, i is 569/2048 em (the font's advance widths); ten of each
    // at 10 pt are 98.9 pt and 27.8 pt; Graphviz rounds box sizes up to whole points.
    assertEquals(99, width(svg, "w"), 1.5);
    assertEquals(28, width(svg, "i"), 1.5);
  }

  @Test
  void aSyntaxErrorIsReportedInGraphvizsWordsAndTheEngineRecovers() {
    GraphvizException e = assertThrows(GraphvizException.class,
        () -> GraphvizWasm.render("digraph { a -> ", "svg", Limits.DEFAULT));
    assertEquals(GraphvizException.Reason.REJECTED, e.reason());
    assertTrue(e.getMessage().startsWith("Graphviz could not read the DOT text: syntax error in "
        + "line 1"), e.getMessage());
    assertTrue(GraphvizWasm.render("digraph { x }", "svg", Limits.DEFAULT).contains(">x</text>"));
  }

  @Test
  void aGraphOverTheTimeLimitIsStoppedAndTheNextOneRenders() {
    Limits tight = new Limits(Duration.ofMillis(300), Limits.DEFAULT.memoryBytes());
    GraphvizException e = assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(
        GraphvizException.class, () -> GraphvizWasm.render(tangle(4000), "svg", tight)));
    assertEquals(GraphvizException.Reason.TIME_LIMIT, e.reason());
    assertTrue(e.getMessage().contains("time limit of 0.3 s"), e.getMessage());
    assertTrue(GraphvizWasm.render("digraph { y }", "svg", Limits.DEFAULT).contains(">y</text>"));
  }

  @Test
  void aGraphOverTheMemoryLimitFailsAndTheNextOneRenders() {
    Limits small = new Limits(Duration.ofMinutes(2), 16L << 20);
    StringBuilder dot = new StringBuilder("digraph {\n");
    for (int i = 0; i < 15_000; i++) {
      dot.append("n").append(i).append(";\n");
    }
    GraphvizException e = assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(
        GraphvizException.class, () -> GraphvizWasm.render(dot.append("}").toString(), "svg",
            small)));
    assertEquals(GraphvizException.Reason.MEMORY_LIMIT, e.reason(), e.getMessage());
    assertTrue(e.getMessage().contains("16 MiB"), e.getMessage());
    assertTrue(GraphvizWasm.render("digraph { z }", "svg", Limits.DEFAULT).contains(">z</text>"));
  }

  /** A graph whose layout takes seconds: {@code n} nodes, each with edges to three earlier ones. */
  static String tangle(int n) {
    StringBuilder sb = new StringBuilder("digraph {\n");
    for (int i = 1; i < n; i++) {
      for (int k = 1; k <= 3 && k <= i; k++) {
        sb.append("n").append((i * 7919L + k * 104729L) % i).append(" -> n").append(i)
            .append(";\n");
      }
    }
    return sb.append("}\n").toString();
  }

  private static int count(String s, String part) {
    return s.split(Pattern.quote(part), -1).length - 1;
  }

  /** Returns the y of a node's label in the SVG (which grows downwards). */
  private static double y(String svg, String label) {
    Matcher m = Pattern.compile("<text[^>]*y=\"([-0-9.]+)\"[^>]*>" + label + "</text>")
        .matcher(svg);
    assertTrue(m.find(), "no label " + label);
    return Double.parseDouble(m.group(1));
  }

  /** Returns the width of a box node, from the x coordinates of its polygon. */
  private static double width(String svg, String id) {
    Matcher m = Pattern.compile("<title>" + id + "</title>\\s*<polygon[^>]*points=\"([^\"]+)\"")
        .matcher(svg);
    assertTrue(m.find(), "no box " + id);
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (String point : m.group(1).trim().split(" ")) {
      double x = Double.parseDouble(point.split(",")[0]);
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    return max - min;
  }
}
