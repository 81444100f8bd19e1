package dev.chainrule.core.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.print.FormulaPrinter;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Runs a rewrite on a small graph built from random inputs (three draws) and checks that the
 * rewritten targets have the same values as the originals to 1e-12, that the expected rewrite
 * fired, and what the result reads like.
 */
final class RuleHarness {
  private RuleHarness() {}

  /** Builds graphs with random inputs; each call of {@link #input} draws a fresh tensor. */
  static final class Inputs {
    final Graph graph = new Graph();
    private final Random random;

    Inputs(long seed) {
      random = new Random(seed);
    }

    Node input(String name, int... dims) {
      double[] v = new double[Shape.of(dims).size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = 0.5 + random.nextDouble() * 1.5 * (random.nextBoolean() ? 1 : -1);
      }
      return graph.input(name, Tensor.of(v, dims));
    }

    Node positive(String name, int... dims) {
      double[] v = new double[Shape.of(dims).size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = 0.1 + random.nextDouble() * 0.8;
      }
      return graph.input(name, Tensor.of(v, dims));
    }
  }

  /**
   * Rewrites the target {@code build} returns with {@code rewriter}, for three random draws, and
   * returns the rewrite of the last draw after checking values, the fired rewrite and the text.
   */
  static Rewritten check(Rewriter rewriter, String fired, String expected,
      Function<Inputs, Node> build) {
    Rewritten last = null;
    for (long seed = 1; seed <= 3; seed++) {
      Inputs in = new Inputs(seed);
      Node target = build.apply(in);
      last = rewriter.rewrite(target);
      assertTrue(last.fired().containsKey(fired), "expected '" + fired + "' to fire; fired: "
          + last.fired());
      assertSameValues(List.of(target), Feeds.none(), last);
      assertEquals(expected, FormulaPrinter.unicode().expression(last.targets().get(0)));
    }
    return last;
  }

  /** Same as {@link #check(Rewriter, String, String, Function)} with the standard rules. */
  static Rewritten check(String fired, String expected, Function<Inputs, Node> build) {
    return check(Rewriter.standard(), fired, expected, build);
  }

  /** Asserts that each original target and its rewrite have equal values to 1e-12. */
  static void assertSameValues(List<Node> originals, Feeds feeds, Rewritten r) {
    var before = Plan.compile(originals).run(feeds);
    List<Node> after = originals.stream().map(r::get).toList();
    var values = Plan.compile(after).run(r.feeds(feeds));
    for (int k = 0; k < originals.size(); k++) {
      Tensor a = before.get(originals.get(k));
      Tensor b = values.get(after.get(k));
      assertEquals(a.shape(), b.shape(), originals.get(k).name());
      for (int i = 0; i < a.size(); i++) {
        double x = a.buffer()[i];
        double y = b.buffer()[i];
        assertEquals(x, y, 1e-12 * Math.max(1, Math.abs(x)), originals.get(k).name() + "[" + i
            + "]");
      }
    }
  }
}
