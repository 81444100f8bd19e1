package dev.chainrule.core.export.graphviz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dot program as a bounded subprocess, where Graphviz is installed (CI installs Debian's
 * graphviz; skipped elsewhere): its output, its error message, and both limits. The timeouts around
 * the limited calls are hang guards, far above the limits they guard.
 */
class DotProgramTest {
  private static final Duration HANG_GUARD = Duration.ofMinutes(2);

  private DotProgram dot;

  @BeforeEach
  void findDot() {
    dot = DotProgram.onPath().orElse(null);
    assumeTrue(dot != null, "the dot program is not installed here");
  }

  @Test
  void writesSvgAndPng() {
    String svg = new String(dot.render("digraph { a -> b }", "svg", List.of(), Limits.DEFAULT),
        StandardCharsets.UTF_8);
    assertTrue(svg.contains(">a</text>") && svg.contains(">b</text>"), svg);
    byte[] png = dot.render("digraph { a -> b }", "png", List.of("-Gdpi=144"), Limits.DEFAULT);
    assertEquals(0x89, png[0] & 0xFF);
    assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII));
  }

  @Test
  void aSyntaxErrorIsReportedInGraphvizsWords() {
    GraphvizException e = assertThrows(GraphvizException.class,
        () -> dot.render("digraph { a -> ", "svg", List.of(), Limits.DEFAULT));
    assertEquals(GraphvizException.Reason.REJECTED, e.reason());
    assertTrue(e.getMessage().startsWith("the dot program rejected the graph: syntax error in "
        + "line 1"), e.getMessage());
  }

  @Test
  void aGraphOverTheTimeLimitIsKilled() {
    Limits tight = new Limits(Duration.ofMillis(200), Limits.DEFAULT.memoryBytes());
    String big = GraphvizWasmTest.tangle(20000);
    GraphvizException e = assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(
        GraphvizException.class, () -> dot.render(big, "svg", List.of(), tight)));
    assertEquals(GraphvizException.Reason.TIME_LIMIT, e.reason());
    assertTrue(e.getMessage().contains("time limit of 0.2 s and was stopped"), e.getMessage());
  }

  @Test
  void aGraphOverTheMemoryLimitFailsWhereTheSystemCanLimitIt() {
    assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"),
        "ulimit -v is applied on Linux");
    Limits small = new Limits(Limits.DEFAULT.time(), 64L << 20);
    StringBuilder chain = new StringBuilder("digraph {\n");
    for (int i = 1; i < 3000; i++) {
      chain.append("n").append(i - 1).append(" -> n").append(i).append(";\n");
    }
    GraphvizException e = assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(
        GraphvizException.class, () -> dot.render(chain.append("}").toString(), "svg",
            List.of(), small)));
    assertEquals(GraphvizException.Reason.MEMORY_LIMIT, e.reason(), e.getMessage());
    assertTrue(e.getMessage().contains("memory limit of 64 MiB"), e.getMessage());
  }
}
