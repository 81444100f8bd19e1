package dev.chainrule.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.autodiff.Gradients;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The page of a small scoped graph, read as data: self-contained, every view present, and the
 * panel's facts equal to values worked out by hand.
 */
class GraphExplorerTest {
  private static final Pattern DATA = Pattern.compile(
      "<script id=\"data\" type=\"application/json\">(.*?)</script>", Pattern.DOTALL);

  @Test
  void aTwoLayerGraphsPageHoldsEveryViewAndTheHandWorkedValues() {
    Graph g = new Graph();
    Node x = g.input("x", Tensor.column(0.5, -1.0));
    Node w = g.parameter("w", Tensor.row(0.3, 0.8));
    Node y;
    Node h;
    try (Graph.Scope s = g.scope("layer1")) {
      h = w.matmul(x).named("h");
    }
    try (Graph.Scope s = g.scope("layer2")) {
      y = h.tanh().named("y");
    }
    Gradients grads = Autodiff.gradients(y, List.of(w));
    String html = GraphExplorer.of(y).gradients(grads).title("two <layers>").toHtml();

    assertTrue(html.contains("<title>two &lt;layers&gt;</title>"));
    assertFalse(Pattern.compile("<script[^>]*\\bsrc=|<link\\b|<img\\b").matcher(html).find(),
        "the page loads nothing from outside");
    Matcher m = DATA.matcher(html);
    assertTrue(m.find());
    JsonObject data = JsonParser.parseString(m.group(1)).getAsJsonObject();
    List<String> views = new ArrayList<>();
    data.getAsJsonArray("views").forEach(v -> views.add(v.getAsJsonObject().get("key")
        .getAsString()));
    assertEquals(List.of("forward", "backward", "both", "simplified"), views);
    JsonObject forward = data.getAsJsonArray("views").get(0).getAsJsonObject();
    assertEquals(2, forward.getAsJsonArray("variants").size(), "every node, and the layers");
    JsonObject layers = forward.getAsJsonArray("variants").get(1).getAsJsonObject();
    assertTrue(layers.getAsJsonObject("boxes").toString().contains("layer1"), layers
        .getAsJsonObject("boxes").toString());

    JsonObject nodes = data.getAsJsonArray("graphs").get(0).getAsJsonObject()
        .getAsJsonObject("nodes");
    // h = 0.3·0.5 + 0.8·(−1) = −0.65; y = tanh(−0.65); dy/dw = (1 − y²)·xᵀ
    JsonObject hFacts = nodes.getAsJsonObject("n" + h.id());
    assertEquals(-0.65, hFacts.getAsJsonObject("value").get("mean").getAsDouble(), 1e-15);
    assertEquals("layer1", hFacts.get("scope").getAsString());
    assertEquals("(1, 1)", hFacts.get("shape").getAsString());
    JsonObject wFacts = nodes.getAsJsonObject("n" + w.id());
    double slope = 1 - Math.tanh(-0.65) * Math.tanh(-0.65);
    JsonObject gradient = wFacts.getAsJsonObject("gradient");
    assertEquals(slope * (0.5 - 1.0) / 2, gradient.get("mean").getAsDouble(), 1e-15);
    assertEquals(-slope, gradient.get("min").getAsDouble(), 1e-15);
    assertEquals(slope * 0.5, gradient.get("max").getAsDouble(), 1e-15);
    assertTrue(nodes.getAsJsonObject("n" + y.id()).get("site").getAsString()
        .contains("GraphExplorerTest"), "the creation line is the test's");
  }
}
