package dev.chainrule.core.autodiff;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Samples;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.testing.Close;
import dev.chainrule.core.testing.FiniteDifferences;
import dev.chainrule.core.testing.FuzzTries;
import dev.chainrule.core.testing.GraphListing;
import dev.chainrule.core.testing.RandomGraph;
import dev.chainrule.core.testing.RandomGraph.Step;
import dev.chainrule.core.testing.RandomGraphs.Draw;
import dev.chainrule.core.testing.RandomGraphs.Draws;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Assume;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Random graphs over the whole op set ({@link RandomGraph}), with broadcasting and random shapes,
 * checked against central differences: first order and second order (Hessian-vector products),
 * {@value FuzzTries#DEFAULT_TRIES} graphs each per run, or {@code -Dchainrule.fuzz.tries=N} (see
 * docs/reliability.md); and the backward pass (and the second one, of H·v) of a random subset of
 * parameters builds no node its gradients do not use. A failure prints the shrunk graph as a node
 * list with ops and shapes.
 *
 * <p>Finite differences are only meaningful where the function is smooth, so a graph is
 * discarded (not failed) when a kink is close to an evaluation point or a value is steep; see
 * {@link RandomGraph#assumeSmoothAndModerate()}. A kink that no check before the differences can
 * see (a tie of two sides equal only up to rounding, which the difference step breaks on one side)
 * shows as differences that disagree with themselves: when reverse mode and the differences at
 * step h differ, the differences are taken again at h/2, and only if the two agree is it a
 * failure; if they do not, the graph is discarded as not smooth there (a jump of the gradient
 * gives differences that scale as 1/h, a smooth function agrees to O(h²)).
 */
@AddLifecycleHook(value = FuzzTries.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
class RandomGraphPropertyTest {
  /** Step 1e-4: a parameter moves a kink input by ≤ |∂|·h, far below the margin for |∂| ≤ 100. */
  private static final double STEP = 1e-4;
  private static final double RELATIVE = 1e-6;
  /** Every op must occur in some checked graph of a run (a guard on the generator's coverage). */
  private static final List<String> EVERY_OP = List.of("add", "sub", "mul", "div", "neg", "pow",
      "exp", "log", "sqrt", "abs", "square", "sigmoid", "tanh", "sin", "cos", "relu", "leaky_relu",
      "matmul", "transpose", "reshape", "broadcast", "sum", "mean", "max", "softmax", "log_softmax",
      "gt", "ge", "lt", "le", "eq", "where", "identity",
      "softplus", "gelu", "maximum", "minimum", "clamp", "logsumexp", "slice", "pad", "diag",
      "gather", "conv2d", "max_pool2d", "avg_pool2d");

  @Property(edgeCases = EdgeCasesMode.NONE)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void firstOrderGradientsMatchCentralDifferences(@ForAll(supplier = Draws.class) Draw draw) {
    RandomGraph rg = draw.graph();
    double scale = rg.assumeSmoothAndModerate();
    rg.graph.nodes().stream().filter(n -> n.op() != null).map(n -> n.op().name()).distinct()
        .forEach(op -> Statistics.label("ops").collect(op));
    List<Node> grads = Autodiff.grad(rg.loss, rg.params.toArray(new Node[0]));
    Results exact = Plan.compile(grads).run(Feeds.none());
    Plan forward = Plan.compile(rg.loss);
    for (int i = 0; i < grads.size(); i++) {
      Node p = rg.params.get(i);
      Tensor numeric = FiniteDifferences.gradient(forward, rg.loss, p.storedValue(),
          Feeds.none(), STEP);
      String m = Close.mismatch(exact.get(grads.get(i)), numeric, RELATIVE, 1e-9 * scale);
      if (m != null) {
        Tensor half = FiniteDifferences.gradient(forward, rg.loss, p.storedValue(), Feeds.none(),
            STEP / 2);
        Assume.that(Close.mismatch(numeric, half, RELATIVE, 1e-9 * scale) == null);
        throw new AssertionError("d" + p.name() + " differs from central differences: " + m
            + "\ngraph:\n" + rg.listing());
      }
    }
    Statistics.label("ops").coverage(c -> {
      for (String op : EVERY_OP) {
        c.check(op).count(n -> n > 0);
      }
    });
  }

  /**
   * Every node a backward pass builds is used by a gradient it returns: nothing is built for the
   * constants that weight the loss, nor for parameters left out of a random subset of targets
   * (nor for what leads only to them), nor for comparisons' operands; the same for the second
   * pass, of ⟨∇L, v⟩. Usage is found by walking the returned gradients' inputs.
   */
  @Property(edgeCases = EdgeCasesMode.NONE)
  void theBackwardPassBuildsOnlyWhatItsGradientsUse(@ForAll(supplier = Draws.class) Draw draw) {
    RandomGraph rg = draw.graph();
    Random random = new Random(draw.seed());
    List<Node> wrt = new ArrayList<>();
    for (Node p : rg.params) {
      if (random.nextBoolean()) {
        wrt.add(p);
      }
    }
    if (wrt.isEmpty()) {
      wrt.add(rg.params.get(random.nextInt(rg.params.size())));
    }
    List<Node> grads = assertEveryNodeBuiltIsUsed(rg, rg.loss, wrt);
    Node s = null;
    for (int i = 0; i < grads.size(); i++) {
      Tensor v = Samples.uniform(random, -1, 1, wrt.get(i).shape().dims());
      Node term = grads.get(i).mul(rg.graph.constant("v" + i, v)).sum();
      s = s == null ? term : s.add(term);
    }
    assertEveryNodeBuiltIsUsed(rg, s, wrt);
  }

  /** Returns d{@code output}/d{@code wrt}, failing if the pass built a node they do not use. */
  private static List<Node> assertEveryNodeBuiltIsUsed(RandomGraph rg, Node output,
      List<Node> wrt) {
    int before = rg.graph.size();
    List<Node> grads = Autodiff.grad(output, wrt.toArray(new Node[0]));
    Set<Node> used = new HashSet<>(grads);
    Deque<Node> todo = new ArrayDeque<>(grads);
    while (!todo.isEmpty()) {
      for (Node in : todo.pop().inputs()) {
        if (used.add(in)) {
          todo.push(in);
        }
      }
    }
    for (Node n : rg.graph.nodes().subList(before, rg.graph.size())) {
      if (!used.contains(n)) {
        throw new AssertionError("the backward pass of " + output.name() + " with respect to "
            + wrt + " built #" + n.id() + " " + n.name() + ", which no gradient uses\ngraph:\n"
            + GraphListing.of(rg.graph, true));
      }
    }
    return grads;
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void hessianVectorProductsMatchDifferencesOfTheGradient(
      @ForAll(supplier = Draws.class) Draw draw) {
    RandomGraph rg = draw.graph();
    double scale = rg.assumeSmoothAndModerate();
    Random random = new Random(draw.seed());
    List<Node> grads = Autodiff.grad(rg.loss, rg.params.toArray(new Node[0]));
    List<Tensor> direction = new ArrayList<>();
    Node s = null;
    for (int i = 0; i < grads.size(); i++) {
      Tensor v = Samples.uniform(random, -1, 1, rg.params.get(i).shape().dims());
      direction.add(v);
      Node term = grads.get(i).mul(rg.graph.constant("v" + i, v)).sum();
      s = s == null ? term : s.add(term);
    }
    List<Node> hv = Autodiff.grad(s, rg.params.toArray(new Node[0]));
    Results exact = Plan.compile(hv).run(Feeds.none());
    List<Tensor> moving = rg.params.stream().map(Node::storedValue).collect(Collectors.toList());
    Plan gradient = Plan.compile(grads);
    List<Tensor> numeric = FiniteDifferences.directional(gradient, grads, moving, direction,
        Feeds.none(), STEP);
    for (int i = 0; i < hv.size(); i++) {
      String m = Close.mismatch(exact.get(hv.get(i)), numeric.get(i), RELATIVE, 1e-8 * scale);
      if (m != null) {
        Tensor half = FiniteDifferences.directional(gradient, grads, moving, direction,
            Feeds.none(), STEP / 2).get(i);
        Assume.that(Close.mismatch(numeric.get(i), half, RELATIVE, 1e-8 * scale) == null);
        throw new AssertionError("H·v for " + rg.params.get(i).name() + " differs from "
            + "differences of the gradient: " + m + "\ngraph:\n" + rg.listing());
      }
    }
  }
}
