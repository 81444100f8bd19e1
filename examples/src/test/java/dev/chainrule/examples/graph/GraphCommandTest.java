package dev.chainrule.examples.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.examples.Main;
import dev.chainrule.examples.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The graph subcommand's files, exit statuses and messages (DOT only: no engine needed). */
class GraphCommandTest {
  @TempDir
  Path dir;

  private int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
    PrintStream o = System.out;
    PrintStream e = System.err;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      return Cli.run(new Main(), args);
    } finally {
      System.setOut(o);
      System.setErr(e);
    }
  }

  @Test
  void writesOneFilePerViewAndFormat() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = run(out, err, "graph", "mazur", "--view", "forward,layers", "--format", "dot",
        "--direction", "LR", "--out", dir.toString());
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    Path forward = dir.resolve("mazur-forward.dot");
    assertTrue(Files.readString(forward).contains("rankdir=LR"));
    assertTrue(Files.readString(dir.resolve("mazur-layers.dot")).contains("shape=box3d"));
    assertEquals("wrote " + forward + "\nwrote " + dir.resolve("mazur-layers.dot") + "\n",
        out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theSimplifiedViewsAndTheComparisonsAreNamedAfterTheirView() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = run(out, err, "graph", "shallow", "--view", "simplified,before-after,manual",
        "--format", "dot", "--out", dir.toString());
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    assertTrue(Files.readString(dir.resolve("shallow-backward-simplified.dot"))
        .contains("<b>dZ[2]</b>"));
    assertTrue(Files.exists(dir.resolve("shallow-backward-before-after.dot")));
    assertTrue(Files.exists(dir.resolve("shallow-manual-03-W2.dot")));
    ByteArrayOutputStream skipped = new ByteArrayOutputStream();
    assertEquals(0, run(skipped, err, "graph", "bp4", "--view", "manual", "--format", "dot",
        "--out", dir.toString()));
    assertTrue(skipped.toString(StandardCharsets.UTF_8).startsWith("skipped bp4: its 12 formulas "
        + "are computed on tensors"), skipped.toString(StandardCharsets.UTF_8));
  }

  @Test
  void jsonListsTheFiles() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = run(out, new ByteArrayOutputStream(), "graph", "mazur", "--format", "dot",
        "--json", "--out", dir.toString());
    assertEquals(0, status);
    String json = out.toString(StandardCharsets.UTF_8).trim();
    assertTrue(json.startsWith("{") && json.endsWith("}") && json.contains("mazur-both.dot"),
        json);
  }

  @Test
  void badInputExitsWithStatus2AndOneLine() {
    String[][] cases = {
        {"graph", "nope"}, {"graph", "mazur", "--view", "sideways"},
        {"graph", "mazur", "--view", "before_after"},
        {"graph", "mazur", "--format", "gif"}, {"graph"}, {"graph", "mazur", "--all"},
        {"graph", "mazur", "--values", "--stats"}, {"graph", "mazur", "--engine", "cairo"}};
    for (String[] args : cases) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      assertEquals(2, run(new ByteArrayOutputStream(), err, args), String.join(" ", args));
      String message = err.toString(StandardCharsets.UTF_8);
      assertEquals(1, message.lines().count(), message);
      assertTrue(message.startsWith("error: "), message);
    }
  }
}
