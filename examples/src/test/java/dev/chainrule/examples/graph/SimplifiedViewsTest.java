package dev.chainrule.examples.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.export.ExportOptions;
import dev.chainrule.core.export.ExportOptions.ValueDisplay;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.rewrite.GradientForm;
import dev.chainrule.core.rewrite.RewrittenGradients;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.examples.formulas.SimplifiedPass;
import dev.chainrule.examples.seeds.SeedCatalog;
import dev.chainrule.examples.seeds.SeedNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Seed 004's backward pass drawn after simplification: it carries the seed's names, is far
 * smaller than the pass as built, and its gradients have the same values.
 */
class SimplifiedViewsTest {
  /** Seed 004's backward equations, written as the seed writes them (1/m in dW and db). */
  private static final List<String> SEED_004 = List.of(
      "dZ[2] = A[2] − Y",
      "dW[2] = (1/m)·dZ[2]·A[1]ᵀ",
      "db[2] = (1/m)·Σ dZ[2]",
      "dA[1] = W[2]ᵀ·dZ[2]",
      "dZ[1] = dA[1] ∘ (1 − A[1]²)",
      "dW[1] = (1/m)·dZ[1]·Xᵀ",
      "db[1] = (1/m)·Σ dZ[1]");
  private static final Pattern NODE = Pattern.compile("^\\s*[a-z]*n\\d+ \\[label=.*$",
      Pattern.MULTILINE);
  private static final ExportOptions VALUES = ExportOptions.defaults()
      .withValues(ValueDisplay.VALUES);

  private final SeedPictures pictures = SeedPictures.of("shallow");

  private String dot(PictureKind kind) {
    return pictures.pictures(kind, VALUES).get(0).dot();
  }

  @Test
  void theSimplifiedPassCarriesTheSeedsNames() {
    String dot = dot(PictureKind.SIMPLIFIED);
    for (String equation : SEED_004) {
      String name = equation.substring(0, equation.indexOf(" = "));
      assertTrue(dot.contains("<b>" + name + "</b>"), name + " drawn by name");
    }
  }

  @Test
  void theSimplifiedPassHasAtMostOneNodePerOperatorOfTheSeedsEquations() {
    int operators = 0;
    for (String equation : SEED_004) {
      String rhs = equation.substring(equation.indexOf(" = ") + 3);
      operators += (int) rhs.chars().filter(c -> "−·∘Σ²".indexOf(c) >= 0).count();
    }
    int simplified = backwardNodes(dot(PictureKind.SIMPLIFIED));
    int raw = backwardNodes(dot(PictureKind.BACKWARD));
    assertTrue(simplified <= operators, simplified + " backward nodes for the " + operators
        + " operators of the seed's equations");
    assertTrue(raw >= simplified + SEED_004.size(), "reverse mode as built has at least one "
        + "node per equation more: " + raw + " against " + simplified);
  }

  @Test
  void theDrawnSimplifiedGradientsHaveTheValuesOfTheRawOnes() {
    SeedNetwork net = SeedCatalog.build("shallow");
    RewrittenGradients r = SimplifiedPass.of(net, GradientForm.PER_SAMPLE, true).rewritten();
    List<Node> raw = Autodiff.grad(net.loss(), net.parameters().toArray(new Node[0]));
    Results rawValues = Plan.compile(raw).run(net.feeds());
    Results simpleValues = Plan.compile(r.gradients()).run(r.feeds(net.feeds()));
    for (int i = 0; i < raw.size(); i++) {
      Tensor a = rawValues.get(raw.get(i));
      Tensor b = simpleValues.get(r.gradients().get(i));
      assertEquals(raw.get(i).name(), r.gradients().get(i).name());
      double scale = Math.max(1e-300, a.map(Math::abs).max().item());
      assertTrue(a.maxAbsDifference(b) <= 1e-12 * scale, raw.get(i).name() + " differs by "
          + a.maxAbsDifference(b));
    }
    String before = dot(PictureKind.BACKWARD);
    String after = dot(PictureKind.SIMPLIFIED);
    for (Node w : net.parameters()) {
      String name = "d" + w.name();
      assertEquals(valueLines(before, name), valueLines(after, name), name + " as drawn");
    }
  }

  @Test
  void beforeAndAfterShareOnePicture() {
    String dot = dot(PictureKind.BEFORE_AFTER);
    assertTrue(dot.contains("subgraph cluster_a {") && dot.contains("<b>reverse&#160;mode&#160;"
        + "as&#160;built</b>"), "the pass as built");
    assertTrue(dot.contains("subgraph cluster_b {") && dot.contains("<b>after&#160;"
        + "simplification"), "the pass simplified");
    assertEquals(dot(PictureKind.BACKWARD).lines().filter(l -> l.contains("<b>dW[2]</b>"))
        .count() + 1, dot.lines().filter(l -> l.contains("<b>dW[2]</b>")).count(),
        "dW[2] drawn once in each panel");
  }

  private static int backwardNodes(String dot) {
    int at = dot.indexOf("label=\"backward pass\"");
    int open = dot.lastIndexOf('{', at);
    int depth = 0;
    int end = open;
    for (int i = open; i < dot.length() && (i == open || depth > 0); i++) {
      depth += dot.charAt(i) == '{' ? 1 : dot.charAt(i) == '}' ? -1 : 0;
      end = i;
    }
    Matcher m = NODE.matcher(dot.substring(open, end));
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** Returns the value lines of the node drawn with the bold name {@code name}. */
  private static List<String> valueLines(String dot, String name) {
    String line = dot.lines().filter(l -> l.contains("<b>" + name + "</b>")).findFirst()
        .orElseThrow(() -> new AssertionError(name + " is not drawn"));
    Matcher m = Pattern.compile("color=\"#1f4e8c\">([^<]*)<").matcher(line);
    List<String> values = new ArrayList<>();
    while (m.find()) {
      values.add(m.group(1));
    }
    assertTrue(!values.isEmpty(), name + " shows its value");
    return values;
  }
}
