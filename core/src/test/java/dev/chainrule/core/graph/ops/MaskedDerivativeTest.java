package dev.chainrule.core.graph.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.ExecOptions;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Derivatives that pass through a mask where the upstream gradient is infinite: √relu(x) and
 * log relu(x) at x ≤ 0, where d√u/du = 1/(2√0) = ∞. The mask is 0 there, and an op that
 * multiplies by it computes ∞·0 = NaN; one that selects gives the 0 the mask means. Expected
 * values are PyTorch 1.13's, from this script (run with /usr/bin/python3):
 *
 * <pre>
 * import torch
 * def g(f, xs):
 *     x = torch.tensor(xs, dtype=torch.float64, requires_grad=True)
 *     f(x).sum().backward()
 *     return x.grad.tolist()
 * print(g(lambda x: torch.sqrt(torch.relu(x)), [-1.0, 0.0, 1.0]))   # [0.0, 0.0, 0.5]
 * print(g(lambda x: torch.log(torch.relu(x)), [-1.0, 0.0, 1.0]))    # [0.0, 0.0, 1.0]
 * print(g(lambda x: torch.sqrt(torch.max(x)), [-1.0, 0.0, -2.0]))   # [0.0, inf, 0.0]
 * print(g(lambda x: torch.sqrt(torch.abs(x)), [-1.0, 0.0, 4.0]))    # [-0.5, nan, 0.25]
 * </pre>
 *
 * <p>For |x| PyTorch multiplies by sign(x) and gives NaN at 0; chainrule documents the derivative
 * of |x| at 0 as 0 (as relu's), so it selects there too and gives 0: by hand, d√|x|/dx is
 * −1/(2·1) = −0.5 at −1 and 1/(2·2) = 0.25 at 4.
 */
class MaskedDerivativeTest {
  private static final double INF = Double.POSITIVE_INFINITY;

  /** Returns d(Σ f(x))/dx at {@code at}, compiled with the default and unoptimised options. */
  private static List<double[]> gradient(UnaryOperator<Node> f, double... at) {
    Graph g = new Graph();
    Node x = g.parameter("x", Tensor.of(at, at.length));
    Node d = Autodiff.grad(f.apply(x).sum(), x).get(0);
    return List.of(Plan.compile(d).run(Feeds.none()).get(d).buffer(),
        Plan.compile(List.of(d), ExecOptions.unoptimised()).run(Feeds.none()).get(d).buffer());
  }

  private static void assertGradient(double[] expected, UnaryOperator<Node> f, double... at) {
    for (double[] got : gradient(f, at)) {
      assertArrayEquals(expected, got, 0.0);
    }
  }

  @Test
  void sqrtOfReluHasDerivativeZeroWhereReluIsFlat() {
    assertGradient(new double[] {0, 0, 0.5}, x -> x.relu().sqrt(), -1, 0, 1);
  }

  @Test
  void logOfReluHasDerivativeZeroWhereReluIsFlat() {
    assertGradient(new double[] {0, 0, 1}, x -> x.relu().log(), -1, 0, 1);
  }

  @Test
  void sqrtOfAbsHasDerivativeZeroAtTheKink() {
    assertGradient(new double[] {-0.5, 0, 0.25}, x -> x.abs().sqrt(), -1, 0, 4);
  }

  @Test
  void sqrtOfMaxRoutesTheInfiniteGradientToThePeakOnly() {
    assertGradient(new double[] {0, INF, 0}, x -> x.max().sqrt(), -1, 0, -2);
  }

  @Test
  void sqrtOfWhereSelectsAsItAlwaysDid() {
    assertGradient(new double[] {0, 0, 0.5},
        x -> x.gt(0.0).where(x, x.graph().scalar(0.0)).sqrt(), -1, 0, 1);
  }
}
