package dev.chainrule.core.exec;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.testing.RandomGraph;
import dev.chainrule.core.testing.RandomGraph.Step;
import dev.chainrule.core.testing.RandomGraphs;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * {@link RandomGraph}s over the whole catalogue with small shapes, forward and backward, their small
 * loops compiled to JVM code from the first run, against the unoptimised plan bit for bit.
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

  @Provide
  Arbitrary<List<Integer>> leaves() {
    return RandomGraphs.leaves(4);
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    return RandomGraphs.steps(10, 4);
  }

  /** Random graphs over the catalogue with small shapes, forward and backward. */
  @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
  void randomSmallGraphsAgree(@ForAll("leaves") List<Integer> leaves,
      @ForAll("steps") List<Step> steps, @ForAll @LongRange(max = 1_000_000) long seed) {
    RandomGraph rg = new RandomGraph(0, leaves, steps, seed);
    List<Node> targets = new ArrayList<>(rg.targets);
    targets.addAll(Autodiff.grad(rg.loss, rg.params.toArray(new Node[0])));
    CompiledLoopTest.assertCompiledEqualsInterpreted(targets);
  }

}
