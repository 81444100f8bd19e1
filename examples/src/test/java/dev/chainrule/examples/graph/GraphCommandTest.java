package dev.chainrule.examples.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.examples.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The graph subcommand's files, exit statuses and messages (DOT only: no engine needed). */
class GraphCommandTest {
  @TempDir
  Path dir;

  @Test
  void writesOneFilePerViewAndFormat() throws Exception {
    CliRun r = CliRun.of("graph", "mazur", "--view", "forward,layers", "--format", "dot",
        "--direction", "LR", "--out", dir.toString());
    assertEquals(0, r.status(), r.err());
    Path forward = dir.resolve("mazur-forward.dot");
    assertTrue(Files.readString(forward).contains("rankdir=LR"));
    assertTrue(Files.readString(dir.resolve("mazur-layers.dot")).contains("shape=box3d"));
    assertEquals("wrote " + forward + "\nwrote " + dir.resolve("mazur-layers.dot") + "\n",
        r.out());
  }

  @Test
  void theSimplifiedViewsAndTheComparisonsAreNamedAfterTheirView() throws Exception {
    CliRun r = CliRun.of("graph", "shallow", "--view", "simplified,before-after,manual",
        "--format", "dot", "--out", dir.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(Files.readString(dir.resolve("shallow-backward-simplified.dot"))
        .contains("<b>dZ[2]</b>"));
    assertTrue(Files.exists(dir.resolve("shallow-backward-before-after.dot")));
    assertTrue(Files.exists(dir.resolve("shallow-manual-03-W2.dot")));
    CliRun skipped = CliRun.of("graph", "bp4", "--view", "manual", "--format", "dot",
        "--out", dir.toString());
    assertEquals(0, skipped.status(), skipped.err());
    assertTrue(skipped.out().startsWith("skipped bp4: its 12 formulas are computed on tensors"),
        skipped.out());
  }

  @Test
  void jsonListsTheFiles() {
    CliRun r = CliRun.of("graph", "mazur", "--format", "dot", "--json", "--out", dir.toString());
    assertEquals(0, r.status(), r.err());
    String json = r.out().trim();
    assertTrue(json.startsWith("{") && json.endsWith("}") && json.contains("mazur-both.dot"),
        json);
  }

  @Test
  void badInputExitsWithStatus2AndOneLine() {
    String[][] cases = {
        {"graph", "nope"}, {"graph", "mazur", "--view", "sideways"},
        {"graph", "mazur", "--view", "before_after"},
        {"graph", "mazur", "--format", "gif"}, {"graph"}, {"graph", "mazur", "--all"},
        {"graph", "mazur", "--values", "--stats"}, {"graph", "mazur", "--engine", "cairo"},
        {"graph", "mazur", "--engine", "v8"}, {"graph", "mazur", "--max-nodes", "0"},
        {"graph", "mazur", "--max-nodes", "many"}, {"graph", "chain", "--size", "-3"},
        {"graph", "mazur", "--time-limit", "0"}};
    for (String[] args : cases) {
      CliRun r = CliRun.of(args);
      assertEquals(2, r.status(), String.join(" ", args));
      assertEquals(1, r.err().lines().count(), r.err());
      assertTrue(r.err().startsWith("error: "), r.err());
    }
  }

  @Test
  void theCnnsDeepPictureCollapsesItsLargestLayer() throws Exception {
    CliRun r = CliRun.of("graph", "cnn", "--format", "dot", "--out", dir.toString());
    assertEquals(0, r.status(), r.err());
    Matcher m = Pattern.compile(
        "cnn-both: summarised: (\\d+) nodes drawn as (\\d+) boxes").matcher(r.out());
    assertTrue(m.find(), r.out());
    assertTrue(Integer.parseInt(m.group(1)) < 400, "within the node budget, but too deep");
    assertTrue(Integer.parseInt(m.group(2)) <= 60, r.out());
    assertTrue(r.out().contains("folded: batchnorm2, backward of batchnorm2;"), r.out());
    assertTrue(Files.readString(dir.resolve("cnn-both.dot")).contains("<b>batchnorm2</b>"));
  }

  @Test
  void aBigGraphIsSummarisedAndSaysHowToSeeMore() throws Exception {
    CliRun r = CliRun.of("graph", "chain", "--size", "500", "--view", "forward", "--format",
        "dot", "--out", dir.toString());
    assertEquals(0, r.status(), r.err());
    Path file = dir.resolve("chain-forward.dot");
    assertTrue(r.out().startsWith("chain-forward: summarised: 1\u202f002 nodes drawn as "),
        "x, y and 500 × (∘, +): " + r.out());
    assertTrue(r.out().contains("--expand NAME, --max-nodes N or all"), r.out());
    assertTrue(Files.readString(file).contains("y ← y ∘ x + 0.1"));
    CliRun all = CliRun.of("graph", "chain", "--size", "500", "--view", "forward", "--format",
        "dot", "--max-nodes", "all", "--out", dir.toString());
    assertEquals("wrote " + file + "\n", all.out(), "drawn in full: no summary line");
    assertTrue(Files.readString(file).contains("n1501 [label="),
        "the last +: ids 0 and 1 are x and y, then (∘, 0.1, +) per step");
    CliRun expanded = CliRun.of("graph", "chain", "--size", "500", "--view", "forward",
        "--format", "dot", "--expand", "fold 1", "--out", dir.toString());
    assertTrue(!Files.readString(file).contains("fold 1") && expanded.out().contains(
        "nodes left out"), expanded.out());
  }
}
