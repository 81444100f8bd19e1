package dev.chainrule.core.rewrite;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Samples;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.testing.Close;
import dev.chainrule.core.testing.FuzzTries;
import dev.chainrule.core.testing.RandomGraph;
import dev.chainrule.core.testing.RandomGraphs.Draw;
import dev.chainrule.core.testing.RandomGraphs.Draws;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * The rewriter against the graphs it rewrites, on {@link RandomGraph}s over the whole op set
 * (with the losses it fuses written out as a user would): the rewritten loss, first-order
 * gradients and Hessian-vector products must have the values of the unrewritten ones, and so
 * must the backward pass {@link Rewriter#gradients} re-derives from the fused forward graph, in
 * both gradient forms. {@value FuzzTries#DEFAULT_TRIES} graphs per run, or
 * {@code -Dchainrule.fuzz.tries=N} (docs/reliability.md). Rewrites reorder floating-point
 * operations, so values agree to 1e-9 relatively, plus 1e-11 of the largest magnitude involved.
 */
@AddLifecycleHook(value = FuzzTries.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
class RewriteFuzzTest {
  private static final double RELATIVE = 1e-9;
  private static final double ABSOLUTE = 1e-11;
  /**
   * Every fusion, and the matrix-calculus identities, must fire in some checked graph of a run (a
   * guard on the generator: products read transposed, transposes of products and sums of products
   * sharing an operand do occur).
   */
  private static final List<String> MUST_FIRE = List.of("log(softmax) → logsoftmax",
      "softmax + cross-entropy fused", "sigmoid + binary cross-entropy fused",
      "(A·B)ᵀ → Bᵀ·Aᵀ", "common operand taken out of a sum of products", "x + x → 2·x");

  @Property(edgeCases = EdgeCasesMode.NONE)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void rewrittenGraphsComputeTheValuesOfTheOriginals(@ForAll(supplier = Draws.class) Draw draw) {
    RandomGraph rg = draw.graph();
    double scale = rg.assumeSmoothAndModerate();
    Node[] params = rg.params.toArray(new Node[0]);
    List<Node> grads = Autodiff.grad(rg.loss, params);
    List<Node> hv = Autodiff.grad(directional(rg, grads, draw.seed()), params);
    List<Node> targets = new ArrayList<>(List.of(rg.loss));
    targets.addAll(grads);
    targets.addAll(hv);
    Results original = Plan.compile(targets).run(Feeds.none());
    List<Tensor> expected = new ArrayList<>();
    for (Node t : targets) {
      Tensor v = original.get(t).copy();
      expected.add(v);
      scale = Math.max(scale, 1 + RandomGraph.largest(List.of(v)));
    }

    Rewritten rewritten = Rewriter.standard().rewrite(targets);
    rewritten.fired().keySet().forEach(k -> Statistics.label("fired").collect(k));
    Results r = Plan.compile(rewritten.targets()).run(Feeds.none());
    for (int i = 0; i < targets.size(); i++) {
      compare("rewrite of " + targets.get(i).name(), r.get(rewritten.targets().get(i)),
          expected.get(i), scale, rg);
    }

    for (GradientForm form : GradientForm.values()) {
      RewrittenGradients fused = Rewriter.standard().gradients(rg.loss, rg.params, form);
      fused.fired().keySet().forEach(k -> Statistics.label("fired").collect(k));
      List<Node> again = new ArrayList<>(List.of(fused.loss()));
      again.addAll(fused.gradients());
      Results f = Plan.compile(again).run(Feeds.none());
      for (int i = 0; i <= grads.size(); i++) {
        compare(form + " re-derived " + targets.get(i).name(), f.get(again.get(i)),
            expected.get(i), scale, rg);
      }
    }
    Statistics.label("fired").coverage(c -> {
      for (String rewrite : MUST_FIRE) {
        c.check(rewrite).count(n -> n > 0);
      }
    });
  }

  /** Returns Σᵢ ⟨gradᵢ, vᵢ⟩ for random directions vᵢ: its gradient is the product H·v. */
  private static Node directional(RandomGraph rg, List<Node> grads, long seed) {
    Random random = new Random(seed);
    Node s = null;
    for (int i = 0; i < grads.size(); i++) {
      Tensor v = Samples.uniform(random, -1, 1, rg.params.get(i).shape().dims());
      Node term = grads.get(i).mul(rg.graph.constant("v" + i, v)).sum();
      s = s == null ? term : s.add(term);
    }
    return s;
  }

  private static void compare(String what, Tensor actual, Tensor expected, double scale,
      RandomGraph rg) {
    String m = Close.mismatch(actual, expected, RELATIVE, ABSOLUTE * scale);
    if (m != null) {
      throw new AssertionError(what + " differs from the unrewritten graph: " + m + "\ngraph:\n"
          + rg.listing());
    }
  }
}
