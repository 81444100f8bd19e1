package dev.chainrule.examples.formulas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.check.ManualFormula;
import dev.chainrule.core.check.ManualFormulaCheck;
import dev.chainrule.core.check.Verdict;
import dev.chainrule.core.graph.Node;
import dev.chainrule.examples.seeds.LstmStepNetwork;
import dev.chainrule.examples.seeds.SeedNetwork;
import org.junit.jupiter.api.Test;

/**
 * docs/lstm-step.md's hand derivation of one LSTM step: every formula agrees with reverse mode,
 * for several random steps, and a formula with a slip (dc without tanh′(c)) is caught.
 */
class LstmStepFormulasTest {
  @Test
  void everyHandDerivedFormulaAgreesOnSeveralRandomSteps() {
    for (long seed : new long[] {LstmStepNetwork.DEFAULT_SEED, 1, 2}) {
      SeedNetwork net = LstmStepNetwork.seeded(seed);
      NetworkNodes nodes = new NetworkNodes(net);
      for (SeedFormula f : LstmStepFormulas.of(nodes)) {
        assertEquals(Verdict.AGREES, ManualFormulaCheck.compare(net.loss(), nodes.get(f.wrt()),
            f.formula(), net.feeds()).verdict(), f.formula().name() + ", seed " + seed);
      }
    }
  }

  @Test
  void aSlipInTheCellStatesDerivativeDiffers() {
    SeedNetwork net = LstmStepNetwork.seeded(LstmStepNetwork.DEFAULT_SEED);
    NetworkNodes nodes = new NetworkNodes(net);
    Node h = nodes.get("h");
    Node c = nodes.get("c");
    Node o = h.div(c.tanh());
    ManualFormula slip = ManualFormula.graph("dc = dh ∘ o", () -> h.sub(nodes.get("Y")).mul(o));
    assertEquals(Verdict.DIFFERS, ManualFormulaCheck.compare(net.loss(), c, slip, net.feeds())
        .verdict());
  }
}
