package dev.chainrule.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.ops.UnaryElementwise;
import dev.chainrule.core.scalar.Scalar;
import dev.chainrule.core.tensor.Samples;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The gradient checker passes correct derivatives and catches a wrong one. */
class GradCheckTest {
  /** x³ with a deliberately wrong derivative, 2x² instead of 3x²: the checker must notice. */
  private static final class WrongCube implements UnaryElementwise {
    @Override
    public String name() {
      return "wrong_cube";
    }

    @Override
    public Scalar form(Scalar x) {
      return x.square().mul(x);
    }

    @Override
    public Node vjp(Node output, Node upstream, int input) {
      Node x = output.inputs().get(0);
      return upstream.mul(x.square().mul(2.0));
    }

    @Override
    public Notation notation() {
      return Notation.function("cube", "\\operatorname{cube}");
    }
  }

  private final Random random = new Random(4);
  private final Graph g = new Graph();

  @Test
  void correctGradientsOfParametersAndInputsPass() {
    Node w = g.parameter("W", Samples.uniform(random, -1, 1, 3, 4));
    Node b = g.parameter("b", Samples.uniform(random, -1, 1, 3, 1));
    Node x = g.input("X", 4, 2);
    Node loss = w.matmul(x).add(b).tanh().square().mean();
    Feeds feeds = Feeds.of(x, Samples.uniform(random, -1, 1, 4, 2));
    GradCheckReport report = GradCheck.check(loss, List.of(w, b, x), feeds);
    assertEquals(List.of("W", "b", "X"), report.entries().stream()
        .map(GradCheckReport.Entry::name).toList());
    assertTrue(report.passes(1e-6), report::toString);
    assertTrue(report.maxRelativeError() < 1e-6, report::toString);
  }

  @Test
  void aWrongDerivativeFailsWithTheExpectedRelativeError() {
    Node x = g.parameter("x", Tensor.of(new double[] {0.5, -1.5, 2}, 3));
    Node loss = g.apply(new WrongCube(), x).sum();
    GradCheckReport report = GradCheck.check(loss, List.of(x), Feeds.none());
    assertFalse(report.passes(1e-3), report::toString);
    // analytic 2x², numeric 3x²: relative error (3 − 2) / 3 at every element
    assertEquals(1.0 / 3, report.maxRelativeError(), 1e-6);
    assertEquals(4.0, report.maxAbsoluteError(), 1e-6, "|3x² − 2x²| = x², largest at x = 2");
  }

  @Test
  void constantsCannotBeChecked() {
    Node c = g.constant("C", Tensor.ones(2));
    Node w = g.parameter("W", Tensor.ones(2));
    Node loss = w.mul(c).sum();
    assertThrows(IllegalArgumentException.class, () -> GradCheck.check(loss, List.of(c),
        Feeds.none()));
  }
}
