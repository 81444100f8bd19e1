package dev.chainrule.core.autodiff;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.testing.FuzzTries;
import dev.chainrule.core.testing.RandomGraph;
import dev.chainrule.core.testing.RandomGraph.Kind;
import dev.chainrule.core.testing.RandomGraphs.Draw;
import dev.chainrule.core.testing.RandomGraphs.Draws;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Random graphs ({@link RandomGraph}) over every step whose operations run in float32 ({@link
 * RandomGraph#opsIn}), built twice from the same steps and the same float32-rounded values: once
 * in float32, once in float64. The float32 loss, the forward targets and the gradients of the loss
 * with respect to every parameter must match the float64 ones to float32 accuracy. What is
 * measured is the float32 kernels' rounding alone: both graphs compute the same function at the
 * same point.
 *
 * <p>Tolerance, element by element: |x₃₂ − x₆₄| ≤ A·(D + N)·u·S, with
 * <ul>
 *   <li>u = 2⁻²⁴, the unit roundoff of float32: a float32 primitive is the float64 result on the
 *       same float32 operands rounded once (DType's contract), off by at most u of its value;
 *   <li>D, the depth of the compared node (the longest chain of operations from a leaf to it, the
 *       backward pass's included for a gradient): each operation on the chain rounds once more;
 *   <li>N, the largest number of elements of a node it depends on: a bound on the length of any
 *       sum, mean, max, softmax or log-sum-exp it reduces over, whose recursive rounding adds up to
 *       (N − 1)·u of the terms' magnitudes;
 *   <li>S = 1 + the largest magnitude of any value the float64 twin computes on the way (forward
 *       and backward): each rounding errs by at most u of its own value, so by at most u·S in
 *       absolute terms, and an absolute scale is what survives cancellation (a sum of terms of
 *       opposite signs, a gradient that is zero by symmetry);
 *   <li>A = {@value #ALLOWANCE}, the growth of an error along the chain: the operations with
 *       a derivative above one in the generator's domains (values at most 1e4, inputs of log,
 *       sqrt, powers and quotients at least 0.5, exponentials of at most log 1e4 ≈ 9.2) amplify
 *       an error by at most about 10, and several elementwise forms (sigmoid, softplus, gelu, the
 *       cross-entropies) round a few primitives inside one operation. Measured on 2026-12-06:
 *       over 13,000 graphs without the products, indexing ops, convolutions and pools (runs of
 *       3,000 and 10,000 tries) and 10,000 with them, the largest |x₃₂ − x₆₄| was 0.69 (0.63 with
 *       them) of (D + N)·u·S, so A = 16 leaves a margin above twenty.
 * </ul>
 * At these sizes D + N stays below about 60, so the bound stays below 16·60·u·S ≈ 6e-5·S: a
 * float32 kernel that reads with a wrong stride, drops a term, or rounds to half precision
 * somewhere is off by far more.
 *
 * <p>Both graphs must pass every kink (relu, abs, comparisons, max, maximum, minimum, clamp) on the
 * same side ({@link RandomGraph#assumeSameKinkSides}); a graph whose float64 twin is not smooth
 * and moderate is discarded as in {@link RandomGraphPropertyTest}.
 */
@AddLifecycleHook(value = FuzzTries.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
class Float32RandomGraphPropertyTest {
  /** The unit roundoff of float32. */
  private static final double U = 0x1p-24;
  /** The growth A of a rounding error along a chain; see the class comment. */
  static final double ALLOWANCE = 16;


  @Property(edgeCases = EdgeCasesMode.NONE)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void float32ValuesAndGradientsMatchFloat64OnTheSameInputs(
      @ForAll(supplier = Draws.class) Draw draw) {
    Kind float32 = Kind.float32();
    RandomGraph g32 = new RandomGraph(0, draw.leaves(), draw.steps(), draw.seed(), float32);
    RandomGraph g64 = new RandomGraph(0, draw.leaves(), draw.steps(), draw.seed(),
        float32.inFloat64());
    g64.assumeSmoothAndModerate();
    g32.assumeSameKinkSides(g64);
    g32.graph.nodes().stream().filter(n -> n.op() != null).map(n -> n.op().name()).distinct()
        .forEach(op -> Statistics.label("ops").collect(op));
    List<Node> t32 = targets(g32);
    List<Node> t64 = targets(g64);
    Results r32 = Plan.compile(t32).run(Feeds.none());
    Results r64 = Plan.compile(t64).run(Feeds.none());
    double scale = 1 + largestValue(g64.graph);
    for (int i = 0; i < t32.size(); i++) {
      Node n = t32.get(i);
      Tensor got = r32.get(n);
      if (got.dtype() != DType.FLOAT32) {
        throw new AssertionError(n.name() + " is " + got.dtype() + " in a float32 graph");
      }
      double bound = ALLOWANCE * (depth(n) + largestSize(n)) * U * scale;
      String m = mismatch(got.to(DType.FLOAT64), r64.get(t64.get(i)), bound);
      if (m != null) {
        throw new AssertionError(n.name() + " in float32 differs from float64: " + m
            + String.format(Locale.ROOT, " (bound %.3g = %g·(%d + %d)·u·%.4g)", bound, ALLOWANCE,
            depth(n), largestSize(n), scale) + "\ngraph:\n" + g32.listing());
      }
    }
    Statistics.label("ops").coverage(c -> {
      for (String op : coveredOps()) {
        c.check(op).count(k -> k > 0);
      }
    });
  }

  /** The random graph's forward targets, then the loss's gradients for every parameter. */
  private static List<Node> targets(RandomGraph rg) {
    List<Node> out = new ArrayList<>(rg.targets);
    out.addAll(Autodiff.grad(rg.loss, rg.params.toArray(new Node[0])));
    return out;
  }

  /**
   * The op names every run must exercise in float32: the float64 property's, and those of the
   * steps that wait for a float32 kernel once they have one.
   */
  private static List<String> coveredOps() {
    List<String> ops = new ArrayList<>(List.of("add", "sub", "mul", "div", "neg", "pow", "exp",
        "log", "sqrt", "abs", "square", "sigmoid", "tanh", "sin", "cos", "relu", "leaky_relu",
        "transpose", "reshape", "broadcast", "sum", "mean", "max", "softmax", "log_softmax",
        "gt", "ge", "lt", "le", "eq", "where", "identity", "softplus", "gelu", "maximum",
        "minimum", "clamp", "logsumexp", "slice", "pad"));
    for (String step : RandomGraph.opsIn(DType.FLOAT32)) {
      if (RandomGraph.needs(step) != null && !ops.contains(RandomGraph.needs(step).name())) {
        ops.add(RandomGraph.needs(step).name());
      }
    }
    return ops;
  }

  /** Returns the longest chain of operations from a leaf to {@code n}. */
  static int depth(Node n) {
    Graph g = n.graph();
    int[] depth = new int[n.id() + 1];
    for (int id = 0; id <= n.id(); id++) {
      for (Node in : g.node(id).inputs()) {
        depth[id] = Math.max(depth[id], depth[in.id()] + 1);
      }
    }
    return depth[n.id()];
  }

  /** Returns the most elements of any node {@code n} depends on, itself included. */
  static int largestSize(Node n) {
    Graph g = n.graph();
    int largest = 0;
    for (Node m : g.nodes().subList(0, n.id() + 1)) {
      largest = Math.max(largest, m.shape().size());
    }
    return largest;
  }

  /** Returns the largest finite magnitude of any value in {@code g}. */
  private static double largestValue(Graph g) {
    Results r = Plan.compile(g.nodes()).run(Feeds.none());
    double m = 0;
    for (Node n : g.nodes()) {
      for (double v : r.get(n).toArray()) {
        m = Math.max(m, Math.abs(v));
      }
    }
    return m;
  }

  /** Returns null when every element differs by at most {@code bound}, else the worst. */
  private static String mismatch(Tensor got, Tensor expected, double bound) {
    double[] a = got.toArray();
    double[] e = expected.toArray();
    int worst = -1;
    for (int i = 0; i < a.length; i++) {
      if (!(Math.abs(a[i] - e[i]) <= bound)
          && (worst < 0 || Math.abs(a[i] - e[i]) > Math.abs(a[worst] - e[worst]))) {
        worst = i;
      }
    }
    return worst < 0 ? null : String.format(Locale.ROOT, "element %d: %.9g against %.17g "
        + "(|difference| %.3g)", worst, a[worst], e[worst], Math.abs(a[worst] - e[worst]));
  }
}
