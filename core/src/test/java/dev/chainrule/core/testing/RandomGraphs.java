package dev.chainrule.core.testing;

import dev.chainrule.core.testing.RandomGraph.Step;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;

/**
 * The jqwik generators of {@link RandomGraph}'s leaves, steps and seeds, shared by the fuzz
 * tests, and the one provider of their properties' graphs: {@code @ForAll(supplier =
 * RandomGraphs.Draws.class) Draw draw} for graphs over {@link RandomGraph#LEAF_SHAPES}, {@link
 * FamilyDraws} for graphs of any of {@link RandomGraph#FAMILIES}.
 */
public final class RandomGraphs {
  /**
   * The least common multiple of the shape families' sizes: leaf indices below it, taken modulo
   * a family's size, pick that family's shapes equally often.
   */
  private static final int FAMILY_SPAN = Arrays.stream(RandomGraph.FAMILIES)
      .mapToInt(f -> f.length).reduce(1, (a, b) -> a / gcd(a, b) * b);

  private RandomGraphs() {}

  /** Returns one to three leaf shapes, as indices into {@link RandomGraph#LEAF_SHAPES}. */
  public static Arbitrary<List<Integer>> leaves() {
    return Arbitraries.integers().between(0, RandomGraph.LEAF_SHAPES.length - 1).list()
        .ofMinSize(1).ofMaxSize(3);
  }

  /**
   * Returns one to {@code max} leaf shapes as indices for any of {@link RandomGraph#FAMILIES} (a
   * graph takes them modulo its family's size, each shape equally likely).
   */
  public static Arbitrary<List<Integer>> leaves(int max) {
    return Arbitraries.integers().between(0, FAMILY_SPAN - 1).list().ofMinSize(1)
        .ofMaxSize(max);
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  /** Returns one to eight building steps over the whole op set, operands among the first ten. */
  public static Arbitrary<List<Step>> steps() {
    return steps(8, Arbitraries.integers().between(0, 9));
  }

  /**
   * Returns one to {@code max} building steps over the whole op set, for graphs of up to {@code
   * leaves} leaves: any node built before a step can be its operand.
   */
  public static Arbitrary<List<Step>> steps(int max, int leaves) {
    return steps(max, Arbitraries.integers().between(0, leaves + max - 2));
  }

  private static Arbitrary<List<Step>> steps(int max, Arbitrary<Integer> operand) {
    Arbitrary<Step> step = Combinators.combine(
        Arbitraries.integers().between(0, RandomGraph.OPS.length - 1), operand, operand,
        Arbitraries.integers().between(0, 95)).as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(max);
  }

  /** Returns the seeds of a graph's values: 0 to 1,000,000. */
  public static Arbitrary<Long> seeds() {
    return Arbitraries.longs().between(0, 1_000_000);
  }

  /**
   * One random graph as jqwik draws it: its leaf shapes, its building steps and the seed of its
   * values, the arguments of {@link RandomGraph}'s constructors.
   *
   * @param leaves the leaf shapes, indices as {@link #leaves()} or {@link #leaves(int)} give them
   * @param steps the building steps
   * @param seed the seed of the leaves' values
   */
  public record Draw(List<Integer> leaves, List<Step> steps, long seed) {
    /** Returns the graph over {@link RandomGraph#LEAF_SHAPES}. */
    public RandomGraph graph() {
      return new RandomGraph(leaves, steps, seed);
    }
  }

  /**
   * Supplies the draws of graphs over {@link RandomGraph#LEAF_SHAPES}, for {@code @ForAll(supplier
   * = RandomGraphs.Draws.class) Draw draw}: {@link #leaves()}, {@link #steps()} and {@link
   * #seeds()}.
   */
  public static final class Draws implements ArbitrarySupplier<Draw> {
    @Override
    public Arbitrary<Draw> get() {
      return Combinators.combine(leaves(), steps(), seeds()).as(Draw::new);
    }
  }

  /**
   * Supplies the draws of graphs of any of {@link RandomGraph#FAMILIES}: {@link #leaves(int)
   * leaves(4)}, {@link #steps(int, int) steps(10, 4)} and {@link #seeds()}.
   */
  public static final class FamilyDraws implements ArbitrarySupplier<Draw> {
    @Override
    public Arbitrary<Draw> get() {
      return Combinators.combine(leaves(4), steps(10, 4), seeds()).as(Draw::new);
    }
  }
}
