package dev.chainrule.core.check;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.rewrite.GraphCopy;
import dev.chainrule.core.rewrite.Rewritten;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/**
 * The Hessian by central differences of the gradient, column by column: column j is
 * (∇f(w + h·e_j) − ∇f(w − h·e_j)) / 2h, as an (n, n) matrix over w's n elements. For an
 * intermediate node the loss is cut there, as for a gradient comparison. A graph that is not
 * float64 is differenced through its float64 copy ({@link InFloat64}).
 */
final class HessianDifferences {
  private HessianDifferences() {}

  /** Returns the (n, n) central-difference Hessian of {@code loss} with respect to {@code wrt}. */
  static Tensor of(Node loss, Node wrt, Feeds feeds) {
    Rewritten float64 = InFloat64.copyIfNeeded(List.of(loss, wrt));
    if (float64 != null) {
      return of(float64.get(loss), float64.get(wrt), float64.feeds(feeds));
    }
    if (wrt.kind() == NodeKind.PARAMETER || wrt.kind() == NodeKind.INPUT) {
      return columns(loss, wrt, feeds);
    }
    Tensor at = InFloat64.valueOf(wrt, feeds);
    Rewritten cut = GraphCopy.cut(List.of(loss), List.of(wrt));
    Node input = cut.get(wrt);
    return columns(cut.get(loss), input, cut.feeds(feeds).with(input, at));
  }

  private static Tensor columns(Node loss, Node w, Feeds feeds) {
    Node gradient = Autodiff.grad(loss, w).get(0);
    Plan plan = Plan.compile(gradient);
    GradCheck.Moving m = GradCheck.Moving.of(w, feeds, plan);
    double[] x = m.target().buffer();
    int n = x.length;
    double h = GradCheck.DEFAULT_STEP;
    double[] out = new double[n * n];
    for (int j = 0; j < n; j++) {
      double original = x[j];
      x[j] = original + h;
      double[] up = plan.run(m.feeds()).get(gradient).toArray();
      x[j] = original - h;
      double[] down = plan.run(m.feeds()).get(gradient).toArray();
      x[j] = original;
      for (int i = 0; i < n; i++) {
        out[i * n + j] = (up[i] - down[i]) / (2 * h);
      }
    }
    return Tensor.of(out, n, n);
  }
}
