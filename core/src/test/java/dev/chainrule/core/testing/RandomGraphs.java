package dev.chainrule.core.testing;

import dev.chainrule.core.testing.RandomGraph.Step;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** The jqwik generators of {@link RandomGraph}'s leaves and steps, shared by the fuzz tests. */
public final class RandomGraphs {
  private RandomGraphs() {}

  /** Returns one to three leaf shapes, as indices into {@link RandomGraph#LEAF_SHAPES}. */
  public static Arbitrary<List<Integer>> leaves() {
    return Arbitraries.integers().between(0, RandomGraph.LEAF_SHAPES.length - 1).list()
        .ofMinSize(1).ofMaxSize(3);
  }

  /** Returns one to eight building steps over the whole op set. */
  public static Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step = Combinators.combine(
        Arbitraries.integers().between(0, RandomGraph.OPS.length - 1),
        Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 9),
        Arbitraries.integers().between(0, 95)).as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(8);
  }
}
