package dev.chainrule.core.autodiff;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.testing.Close;
import dev.chainrule.core.testing.FiniteDifferences;
import dev.chainrule.core.testing.RandomGraph;
import dev.chainrule.core.testing.RandomGraphs.Draw;
import dev.chainrule.core.testing.RandomGraphs.Draws;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Jacobians and Hessians of random graphs over the whole op set ({@link RandomGraph}) against
 * central differences, column by column: the Jacobian of a random node of the graph with respect
 * to a random parameter, assembled by forward mode (columns) and by reverse mode (rows); and the
 * Hessian of the loss (forward over reverse) against differences of its gradient. A graph with a
 * kink near the evaluation point is discarded, and a mismatch is a failure only when the
 * differences at h and h/2 agree with each other, as in {@code RandomGraphPropertyTest}.
 */
class RandomDerivativeMatricesPropertyTest {
  private static final double STEP = 1e-4;
  private static final double RELATIVE = 1e-6;
  private static final int TRIES = 300;

  @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
  void jacobiansInBothModesMatchCentralDifferences(@ForAll(supplier = Draws.class) Draw draw) {
    RandomGraph rg = draw.graph();
    double scale = rg.assumeSmoothAndModerate();
    Random random = new Random(draw.seed());
    Node output = rg.targets.get(random.nextInt(rg.targets.size()));
    Node wrt = rg.params.get(random.nextInt(rg.params.size()));
    Node forward = Autodiff.jacobian(output, wrt, DerivativeMode.FORWARD);
    Node reverse = Autodiff.jacobian(output, wrt, DerivativeMode.REVERSE);
    Results exact = Plan.compile(forward, reverse).run(Feeds.none());
    Plan plan = Plan.compile(output);
    Tensor numeric = columns(plan, output, wrt, forward.shape(), STEP);
    for (Node j : List.of(forward, reverse)) {
      String m = Close.mismatch(exact.get(j), numeric, RELATIVE, 1e-9 * scale);
      if (m != null) {
        Tensor half = columns(plan, output, wrt, forward.shape(), STEP / 2);
        Assume.that(Close.mismatch(numeric, half, RELATIVE, 1e-9 * scale) == null);
        throw new AssertionError("the Jacobian d" + output.name() + "/d" + wrt.name() + " ("
            + (j == forward ? "forward" : "reverse") + ") differs from central differences: " + m
            + "\ngraph:\n" + rg.listing());
      }
    }
  }

  @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
  void hessiansMatchDifferencesOfTheGradient(@ForAll(supplier = Draws.class) Draw draw) {
    RandomGraph rg = draw.graph();
    double scale = rg.assumeSmoothAndModerate();
    Node wrt = rg.params.get(new Random(draw.seed()).nextInt(rg.params.size()));
    Node hessian = Autodiff.hessian(rg.loss, wrt);
    Tensor exact = Plan.compile(hessian).run(Feeds.none()).get(hessian).copy();
    Node gradient = Autodiff.grad(rg.loss, wrt).get(0);
    Plan plan = Plan.compile(gradient);
    Tensor numeric = columns(plan, gradient, wrt, hessian.shape(), STEP);
    String m = Close.mismatch(exact, numeric, RELATIVE, 1e-8 * scale);
    if (m != null) {
      Tensor half = columns(plan, gradient, wrt, hessian.shape(), STEP / 2);
      Assume.that(Close.mismatch(numeric, half, RELATIVE, 1e-8 * scale) == null);
      throw new AssertionError("the Hessian of L with respect to " + wrt.name() + " differs from "
          + "differences of the gradient: " + m + "\ngraph:\n" + rg.listing());
    }
  }

  /**
   * Returns d{@code output}/d{@code wrt} by central differences along each basis direction of
   * {@code wrt}, laid out as {@code shape} = output.shape ++ wrt.shape.
   */
  private static Tensor columns(Plan plan, Node output, Node wrt, Shape shape, double h) {
    int n = wrt.shape().size();
    int k = output.shape().size();
    double[] out = new double[k * n];
    for (int j = 0; j < n; j++) {
      Tensor basis = Tensor.zeros(wrt.shape());
      basis.buffer()[j] = 1;
      double[] column = FiniteDifferences.directional(plan, List.of(output),
          List.of(wrt.storedValue()), List.of(basis), Feeds.none(), h).get(0).toArray();
      for (int i = 0; i < k; i++) {
        out[i * n + j] = column[i];
      }
    }
    return Tensor.of(shape, out);
  }
}
