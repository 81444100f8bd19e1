package dev.chainrule.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.export.ExportOptions.View;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pictures of big graphs summarised to the node budget: a loop unrolled 2 000 times with its
 * gradient folds to a handful of boxes with its step formulas, scopes collapse, folds expand by
 * name, small graphs are untouched, and a 100 000-node graph without structure is cut to the
 * boxes nearest its output and rendered within the renderer's limits.
 */
class SummaryTest {
  @TempDir
  Path dir;

  /** The loop of the issue: y ← y·x + 0.1, {@code steps} times, and dx = ∂y/∂x. */
  private static final class Loop {
    final Graph g = new Graph();
    final Node x = g.parameter("x", Tensor.scalar(0.5));
    final Node y0 = g.input("y", Tensor.scalar(1.0));
    final Node y;
    final Node dx;

    Loop(int steps) {
      Node y = y0;
      for (int i = 0; i < steps; i++) {
        y = y.mul(x).add(0.1);
      }
      this.y = y;
      this.dx = Autodiff.grad(y, x).get(0);
    }

    GraphExport export() {
      return GraphExport.of(List.of(dx, y)).options(ExportOptions.defaults()
          .withView(View.BOTH));
    }
  }

  @Test
  void aLoopWithItsGradientFoldsToOneBoxPerRunWithItsStepFormula() {
    GraphPicture p = new Loop(2000).export().picture();
    // Forward: x, y and 2 000 × (∘, +) = 4 002. Backward: the seed; 1 999 steps of (dy ∘ x for
    // the previous step, dy ∘ y for x's share), the first step's share alone (y is an input, its
    // own gradient is not needed); 1 999 additions summing x's 2 000 shares = 6 000 - 1 = 5 999.
    assertEquals(4002 + 5999, p.nodes());
    assertTrue(p.summarised());
    assertTrue(p.boxes() <= ExportOptions.DEFAULT_MAX_NODES, p.boxes() + " boxes");
    assertTrue(p.dot().contains("<b>× 2\u202f000</b>"), "the forward loop, 2 000 steps");
    assertTrue(p.dot().contains("y ← y ∘ x + 0.1"), "its step, named after its initial value");
    assertTrue(p.dot().contains("<b>× 1\u202f999</b>"), "the gradient loop");
    assertTrue(p.dot().contains("dy ← dy ∘ x<br/>→ dy ∘ yᵢ"),
        "dy carried back, and x's share of each step handed out: " + p.dot());
    assertTrue(p.dot().contains("dx ← dx + dyᵢ ∘ yᵢ"), "the shares summed into dx");
    assertTrue(p.summary().startsWith("summarised: 10\u202f001 nodes drawn as " + p.boxes()
        + " boxes (budget 400); folded: fold 1 (× 2\u202f000)"), p.summary());
    assertTrue(p.dot().contains("summary: 10\u202f001 nodes drawn as"), "the caption says so");
    assertTrue(p.dot().contains("double box: a run of identical steps"), "the legend says so");
  }

  @Test
  void aGraphWithinTheBudgetIsDrawnInFullAsBefore() {
    Loop loop = new Loop(10);
    GraphPicture p = loop.export().picture();
    assertFalse(p.summarised());
    assertNull(p.summary());
    assertEquals(p.nodes(), p.boxes());
    assertEquals(loop.export().options(loop.export().options()
        .withMaxNodes(ExportOptions.ALL_NODES)).toDot(), p.dot());
  }

  @Test
  void everyNodeIsDrawnWhenAskedFor() {
    GraphPicture p = new Loop(300).export().options(ExportOptions.defaults().withView(View.BOTH)
        .withMaxNodes(ExportOptions.ALL_NODES)).picture();
    assertFalse(p.summarised());
    assertEquals(p.nodes(), count(p.dot(), Pattern.compile("(?m)^\\s+n\\d+ \\[label=")));
  }

  @Test
  void aFoldNamedAsExpandedIsDrawnNodeByNode() {
    Loop loop = new Loop(100);
    ExportOptions small = ExportOptions.defaults().withView(View.FORWARD).withMaxNodes(80);
    GraphPicture folded = loop.export().options(small).picture();
    assertTrue(folded.dot().contains("fold 1"), folded.dot());
    GraphPicture expanded = loop.export().options(small.withExpanded("fold 1")).picture();
    assertFalse(expanded.dot().contains("fold 1"), "fold 1 is not folded");
    assertTrue(expanded.dot().contains("more nodes</b>"),
        "its 200 nodes are over the budget of 80, so those farthest from y are left out");
    assertTrue(expanded.boxes() <= 80, expanded.boxes() + " boxes");
  }

  @Test
  void scopesCollapseFirstAndTheBackwardPassFoldsOneBoxPerScope() {
    Graph g = new Graph();
    Node h = g.input("X", Tensor.column(1, 2));
    List<Node> weights = new ArrayList<>();
    for (int layer = 1; layer <= 12; layer++) {
      try (Graph.Scope s = g.scope("layer" + layer)) {
        Node w = g.parameter("W" + layer, Tensor.matrix(new double[] {1, 0}, new double[] {0, 1}));
        weights.add(w);
        h = w.matmul(h).tanh().add(h).named("h" + layer);
      }
    }
    Node loss = h.square().sum().named("L");
    List<Node> targets = new ArrayList<>(Autodiff.grad(loss, weights.toArray(new Node[0])));
    targets.add(loss);
    ExportOptions options = ExportOptions.defaults().withMaxNodes(40);
    GraphPicture p = GraphExport.of(targets).loss(loss).options(options).picture();
    assertTrue(p.summarised() && p.boxes() <= 40, p.boxes() + " boxes");
    // the 12 backward boxes (5 or 6 nodes) collapse first, then forward layers (4 nodes: W, A·B,
    // tanh, +) in order until 40 boxes remain: layer11 and layer12 stay open
    assertTrue(p.dot().contains("<b>layer1</b>") && p.dot().contains("<b>layer10</b>"));
    assertTrue(p.dot().contains("<b>h12</b>") && !p.dot().contains("<b>layer12</b>"));
    assertTrue(p.dot().contains("<b>backward of layer12</b>"), p.dot());
    assertFalse(p.dot().contains("<b>h5</b>"), "h5 is inside the box of layer5");
    GraphPicture open = GraphExport.of(targets).loss(loss).options(options
        .withExpanded("layer5")).picture();
    assertTrue(open.dot().contains("<b>h5</b>") && open.dot().contains("<b>W5</b>"),
        "layer5 drawn node by node");
    assertFalse(open.dot().contains("<b>layer5</b>"));
  }

  @Test
  void aPictureDeeperThanItsRowBudgetCollapsesScopesThoughItHasFewBoxes() {
    Graph g = new Graph();
    Node h = g.input("X", Tensor.column(1, 2));
    for (int layer = 1; layer <= 20; layer++) {
      try (Graph.Scope s = g.scope("layer" + layer)) {
        Node w = g.parameter("W" + layer, Tensor.matrix(new double[] {1, 0}, new double[] {0, 1}));
        h = w.matmul(h).tanh().add(h).named("h" + layer);
      }
    }
    Node loss = h.square().sum().named("L");
    GraphExport export = GraphExport.of(loss).options(ExportOptions.defaults()
        .withView(View.FORWARD));
    GraphPicture p = export.picture();
    // X is row 1; each layer adds three rows (W·h, tanh, + h), so h20 is row 61, L row 63: over
    // the default budget's 400 / 10 = 40 rows with 1 + 20 · 4 + 2 = 83 boxes. A collapsed layer is
    // one row, so 12 of them (63 - 2 · 12 = 39) collapse, in creation order (all are 4 nodes):
    // 83 - 12 · 3 = 47 boxes.
    assertEquals(83, p.nodes());
    assertEquals(47, p.boxes(), p.summary());
    assertTrue(p.summary().startsWith("summarised: 83 nodes drawn as 47 boxes (budget 400; 63 "
        + "rows deep in full, over the budget of 40 rows); folded: layer1, layer2,"),
        p.summary());
    assertTrue(p.dot().contains("<b>layer12</b>") && !p.dot().contains("<b>layer13</b>"));
    assertTrue(p.dot().contains("<b>h13</b>") && !p.dot().contains("<b>h12</b>"));
    GraphPicture shallow = export.options(export.options().withMaxNodes(640)).picture();
    assertFalse(shallow.summarised(), "a budget of 640 boxes allows 64 rows");
  }

  @Test
  void aHundredThousandNodeGraphIsSummarisedAndRenderedWithinItsLimits() {
    Graph g = new Graph();
    Random random = new Random(1);
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      nodes.add(g.input("in" + i, Tensor.scalar(i)));
    }
    while (nodes.size() < 100_000) {
      Node u = nodes.get(nodes.size() - 1 - random.nextInt(Math.min(nodes.size(), 50)));
      Node v = nodes.get(random.nextInt(nodes.size()));
      int op = random.nextInt(3);
      nodes.add(op == 0 ? u.add(v) : op == 1 ? u.mul(v) : u.tanh());
    }
    Node out = nodes.get(nodes.size() - 1);
    RenderResult r = assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
      GraphPicture p = GraphExport.of(out).picture();
      assertTrue(p.summarised() && p.boxes() <= ExportOptions.DEFAULT_MAX_NODES,
          p.boxes() + " boxes");
      assertTrue(p.summary().contains("nodes left out"), p.summary());
      return Renderer.auto().write(p.dot(), dir.resolve("big.png"), ImageFormat.PNG);
    }, "a hang guard: the export and the bounded renderer finish");
    assertTrue(r.rendered() || r.message().contains("render it by hand with: dot -Tpng"),
        r.message());
  }

  private static int count(String text, Pattern p) {
    Matcher m = p.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
