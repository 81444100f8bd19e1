package dev.chainrule.examples.seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.check.GradCheck;
import dev.chainrule.core.graph.Node;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed networks registered for the subcommands that draw or print an example. */
class SeedCatalogTest {
  @Test
  void theSeedExamplesAreRegisteredWithTheirParametersInTheSeedsNotation() {
    assertNames("bp4", List.of("w[1]", "b[1]", "w[2]", "b[2]", "w[3]", "b[3]"), "C");
    assertNames("testnet-batch", List.of("W(1)", "b(1)", "W(2)", "b(2)"), "J");
    assertNames("testnet-single", List.of("W(1)", "b(1)", "W(2)", "b(2)"), "J");
    assertNames("shallow", List.of("W[1]", "b[1]", "W[2]", "b[2]"), "J");
  }

  /**
   * The catalogue's bp4 network holds a batch of m = 7 samples (columns), so that the batch
   * table's factors of m show in compare, formulas and pictures.
   */
  @Test
  void bp4HoldsABatchOfSevenSamples() {
    SeedNetwork n = SeedCatalog.build("bp4");
    Node a0 = n.graph().nodes().stream().filter(x -> x.name().equals("A[0]")).findFirst()
        .orElseThrow();
    assertEquals(dev.chainrule.core.tensor.Shape.of(2, 7), a0.shape());
  }

  private static void assertNames(String example, List<String> params, String loss) {
    SeedNetwork n = SeedCatalog.build(example);
    assertEquals(example, n.name());
    assertEquals(params, n.parameters().stream().map(Node::name).toList());
    assertEquals(loss, n.loss().name());
    assertEquals(1, n.loss().shape().size());
  }

  @Test
  void everyCatalogueNetworksGradientsMatchFiniteDifferences() {
    for (String example : List.of("bp4", "testnet-batch", "testnet-single", "shallow")) {
      SeedNetwork n = SeedCatalog.build(example);
      var report = GradCheck.check(n.loss(), n.parameters(), n.feeds());
      assertTrue(report.passes(1e-6), example + "\n" + report);
    }
  }
}
