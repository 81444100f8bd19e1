package dev.chainrule.core.exec;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.testing.RandomGraph;
import dev.chainrule.core.testing.RandomGraph.Step;
import dev.chainrule.core.testing.RandomGraphs.Draw;
import dev.chainrule.core.testing.RandomGraphs.FamilyDraws;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * {@link RandomGraph}s over the whole catalogue with small shapes, forward and backward, their
 * small loops compiled to JVM code from the first run, against the unoptimised plan bit for bit.
 */
class CompiledLoopPropertyTest {
  private static int saved;

  @BeforeContainer
  static void compileAtOnce() {
    saved = FusedStep.compileAfterRuns;
    FusedStep.compileAfterRuns = 0;
  }

  @AfterContainer
  static void restore() {
    FusedStep.compileAfterRuns = saved;
  }

  /** Random graphs over the catalogue with small shapes, forward and backward. */
  @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
  void randomSmallGraphsAgree(@ForAll(supplier = FamilyDraws.class) Draw draw) {
    RandomGraph rg = new RandomGraph(0, draw.leaves(), draw.steps(), draw.seed());
    List<Node> targets = new ArrayList<>(rg.targets);
    targets.addAll(Autodiff.grad(rg.loss, rg.params.toArray(new Node[0])));
    CompiledLoopTest.assertCompiledEqualsInterpreted(targets);
  }

}
