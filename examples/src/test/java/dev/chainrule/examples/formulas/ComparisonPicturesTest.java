package dev.chainrule.examples.formulas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.export.ExportOptions;
import dev.chainrule.examples.cli.Picture;
import dev.chainrule.examples.seeds.SeedCatalog;
import dev.chainrule.examples.seeds.SeedNetwork;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Autograd's gradient next to seed 004's formulas, one picture per formula: both subgraphs in
 * their boxes, the verdict of seeds-analysis.md 4.1 and 4.4 in the title.
 */
class ComparisonPicturesTest {
  private final SeedNetwork net = SeedCatalog.build("shallow");
  private final List<Picture> pictures = ComparisonPictures.of(net, ExportOptions.defaults());

  private Picture picture(String suffix) {
    return pictures.stream().filter(p -> p.fileName().endsWith(suffix)).findFirst()
        .orElseThrow(() -> new AssertionError("no picture " + suffix + " in " + pictures));
  }

  @Test
  void oneSideBySidePicturePerFormulaOfTheSeed() {
    assertEquals(8, pictures.size(), "seed 004's eight formulas, dA[2] to db[1]");
    Picture w2 = picture("-03-W2");
    assertEquals("shallow-manual-03-W2", w2.fileName());
    String dot = w2.dot();
    assertTrue(dot.contains("subgraph cluster_a {")
        && dot.contains("<b>autograd:&#160;∂J/∂W[2]"),
        "autograd's panel");
    assertTrue(dot.contains("subgraph cluster_b {") && dot.contains("<b>by&#160;hand:&#160;"
        + "dW[2]&#160;=&#160;(1/m)·dZ[2]·A[1]ᵀ</b>"), "the formula's panel");
    assertTrue(dot.contains("<b>shallow, ∂J/∂W[2]: AGREES</b>"), "verdict in the title");
  }

  @Test
  void thePerSampleErrorsDifferByTheBatchSizeAndTheSumWithoutKeepdimsByItsShape() {
    int m = new NetworkNodes(net).get("X").shape().dim(1);
    assertTrue(picture("-02-Z2").dot().contains("<b>shallow, ∂J/∂Z[2]: DIFFERS ×" + m
        + "</b>"),
        "seed 004:166: dZ[2] is m times ∂J/∂Z[2]");
    assertTrue(picture("-04-b2").dot().contains("SHAPE_MISMATCH (the formula gives (1,), "
        + "autograd (1, 1))"), "seed 004:214: np.sum without keepdims");
  }

  @Test
  void theFormulasPanelStopsAtTheNetworkValuesItReads() {
    String dot = picture("-02-Z2").dot();
    String panel = dot.substring(dot.indexOf("subgraph cluster_b {"),
        dot.indexOf("subgraph cluster_legend"));
    // dZ[2] = A[2] − Y: the subtraction and the two values it reads, nothing else.
    Matcher m = Pattern.compile("^\\s*bn\\d+ \\[label=<<b>([^<]*)</b>", Pattern.MULTILINE)
        .matcher(panel);
    List<String> drawn = new java.util.ArrayList<>();
    while (m.find()) {
      drawn.add(m.group(1));
    }
    assertEquals(List.of("Y", "A[2]", "−"), drawn);
  }

  @Test
  void tensorFormulasAreSkippedWithOneNote() {
    List<Picture> bp4 = ComparisonPictures.of(SeedCatalog.build("bp4"), ExportOptions.defaults());
    assertEquals(1, bp4.size());
    assertTrue(bp4.get(0).isSkipped());
    assertTrue(bp4.get(0).note().contains("computed on tensors, not built as graph expressions"),
        bp4.get(0).note());
  }
}
