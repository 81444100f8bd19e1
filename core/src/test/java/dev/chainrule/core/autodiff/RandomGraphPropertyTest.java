package dev.chainrule.core.autodiff;

import dev.chainrule.core.autodiff.RandomGraph.Step;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ops.Abs;
import dev.chainrule.core.graph.ops.Compare;
import dev.chainrule.core.graph.ops.LeakyRelu;
import dev.chainrule.core.graph.ops.Max;
import dev.chainrule.core.graph.ops.Relu;
import dev.chainrule.core.tensor.Naive;
import dev.chainrule.core.tensor.Samples;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.testing.Close;
import dev.chainrule.core.testing.FiniteDifferences;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Random graphs over the whole op set, with broadcasting and random shapes, checked against
 * central differences: first order on 1000 graphs per run, second order (Hessian-vector products)
 * on 200. A failure prints the shrunk graph as a node list with ops and shapes.
 *
 * <p>Finite differences are only meaningful where the function is smooth, so a graph is
 * discarded (not failed) when a kink is closer than {@link #MARGIN} to an evaluation point: the
 * input of abs/relu/leakyRelu, the two sides of a comparison, or the runner-up of a maximum. Exact
 * zeros and exact ties are kept: with random leaves they arise only structurally (x − x, a
 * broadcast copy), where the function is locally constant along them, and there autograd must
 * agree with finite differences too. Graphs whose values exceed 1e4 are discarded as too steep.
 */
class RandomGraphPropertyTest {
  private static final double MARGIN = 1e-2;
  /** Step 1e-4: a parameter moves a kink input by ≤ |∂|·h, far below the margin for |∂| ≤ 100. */
  private static final double STEP = 1e-4;
  private static final double RELATIVE = 1e-6;
  /** Every op must occur in some checked graph of a run (a guard on the generator's coverage). */
  private static final List<String> EVERY_OP = List.of("add", "sub", "mul", "div", "neg", "pow",
      "exp", "log", "sqrt", "abs", "square", "sigmoid", "tanh", "relu", "leaky_relu", "matmul",
      "transpose", "reshape", "broadcast", "sum", "mean", "max", "softmax", "log_softmax", "gt",
      "ge", "lt", "le", "eq", "where", "identity");

  @Provide
  Arbitrary<List<Integer>> leaves() {
    return Arbitraries.integers().between(0, RandomGraph.LEAF_SHAPES.length - 1).list()
        .ofMinSize(1).ofMaxSize(3);
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step = Combinators.combine(
        Arbitraries.integers().between(0, RandomGraph.OPS.length - 1),
        Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 9),
        Arbitraries.integers().between(0, 95)).as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(8);
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void firstOrderGradientsMatchCentralDifferences(@ForAll("leaves") List<Integer> leaves,
      @ForAll("steps") List<Step> steps, @ForAll @LongRange(max = 1_000_000) long seed) {
    RandomGraph rg = new RandomGraph(leaves, steps, seed);
    double scale = smoothAndModerate(rg);
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

  @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
  void hessianVectorProductsMatchDifferencesOfTheGradient(@ForAll("leaves") List<Integer> leaves,
      @ForAll("steps") List<Step> steps, @ForAll @LongRange(max = 1_000_000) long seed) {
    RandomGraph rg = new RandomGraph(leaves, steps, seed);
    double scale = smoothAndModerate(rg);
    Random random = new Random(seed);
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
    List<Tensor> numeric = FiniteDifferences.directional(Plan.compile(grads), grads, moving,
        direction, Feeds.none(), STEP);
    for (int i = 0; i < hv.size(); i++) {
      String m = Close.mismatch(exact.get(hv.get(i)), numeric.get(i), RELATIVE, 1e-8 * scale);
      if (m != null) {
        throw new AssertionError("H·v for " + rg.params.get(i).name() + " differs from "
            + "differences of the gradient: " + m + "\ngraph:\n" + rg.listing());
      }
    }
  }

  /**
   * Evaluates every forward node, discards the graph when a value is not finite or above 1e4 or a
   * kink lies within the margin, and returns a magnitude scale for absolute tolerances.
   */
  private static double smoothAndModerate(RandomGraph rg) {
    List<Node> forward = rg.graph.nodes().stream().filter(n -> !n.isGradient())
        .collect(Collectors.toList());
    Results r = Plan.compile(forward).run(Feeds.none());
    List<Tensor> values = new ArrayList<>();
    for (Node n : forward) {
      Tensor v = r.get(n).copy();
      for (double d : v.toArray()) {
        Assume.that(Double.isFinite(d) && Math.abs(d) <= 1e4);
      }
      values.add(v);
    }
    for (Node n : forward) {
      if (n.op() instanceof Abs || n.op() instanceof Relu || n.op() instanceof LeakyRelu) {
        Assume.that(clear(values.get(n.inputs().get(0).id())));
      } else if (n.op() instanceof Compare) {
        Assume.that(clear(Naive.binary(values.get(n.inputs().get(0).id()),
            values.get(n.inputs().get(1).id()), (x, y) -> x - y)));
      } else if (n.op() instanceof Max) {
        Tensor x = values.get(n.inputs().get(0).id());
        Tensor top = Naive.reduce(x, ((Max) n.op()).axes(), true, Naive.Reduction.MAX);
        Assume.that(clear(Naive.binary(top, x, (m, v) -> m - v)));
      }
    }
    return 1 + RandomGraph.largest(values);
  }

  /** Returns true when no element lies strictly between 0 and the margin in magnitude. */
  private static boolean clear(Tensor distances) {
    for (double d : distances.toArray()) {
      if (d != 0 && Math.abs(d) < MARGIN) {
        return false;
      }
    }
    return true;
  }
}
