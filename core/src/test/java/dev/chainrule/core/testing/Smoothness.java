package dev.chainrule.core.testing;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ops.Abs;
import dev.chainrule.core.graph.ops.Clamp;
import dev.chainrule.core.graph.ops.Compare;
import dev.chainrule.core.graph.ops.LeakyRelu;
import dev.chainrule.core.graph.ops.Max;
import dev.chainrule.core.graph.ops.Maximum;
import dev.chainrule.core.graph.ops.Minimum;
import dev.chainrule.core.graph.ops.Relu;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Naive;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Assume;

/**
 * Whether a {@link RandomGraph} is smooth and moderate where it is evaluated, for the properties
 * that compare it with finite differences; see {@link RandomGraph#assumeSmoothAndModerate()}.
 */
final class Smoothness {
  /** Discards a graph when a kink (of abs, relu, a comparison, a maximum) is this close. */
  private static final double MARGIN = 1e-2;

  private Smoothness() {}

  /**
   * Evaluates every forward node and discards the graph (a jqwik assumption) when a value is not
   * finite or above 1e4 in magnitude, or a kink lies within {@link #MARGIN} of an evaluation
   * point: the input of abs/relu/leakyRelu, the two sides of a comparison, or the runner-up of a
   * maximum. Exact zeros and ties are kept when they are structural (x − x, a broadcast copy),
   * where the function is locally constant along them: a tie must stay exact when the parameters
   * move by the finite-difference step in a random direction. A tie that is only rounding noise
   * (logsoftmax(logsoftmax(x)) against logsoftmax(x), equal in exact arithmetic) is a kink at
   * distance 1e-17 and often breaks under that move; not always, which is why the property tests
   * also check their differences at two steps. Returns 1 + the largest magnitude, a scale for
   * absolute tolerances.
   */
  static double assumeSmoothAndModerate(Graph graph, List<Node> params) {
    List<Node> forward = graph.nodes().stream().filter(n -> !n.isGradient())
        .collect(Collectors.toList());
    Plan plan = Plan.compile(forward);
    List<Tensor> values = values(plan, forward);
    for (Tensor v : values) {
      for (double d : v.toArray()) {
        Assume.that(Double.isFinite(d) && Math.abs(d) <= 1e4);
      }
    }
    List<Tensor> kinks = kinkDistances(forward, values);
    for (Tensor d : kinks) {
      Assume.that(clear(d));
    }
    for (double sign : new double[] {1, -1}) {
      List<Tensor> moved = movedKinkDistances(graph, params, plan, forward, sign);
      for (int k = 0; k < kinks.size(); k++) {
        Assume.that(sameZeros(kinks.get(k), moved.get(k)));
      }
    }
    return 1 + RandomGraph.largest(values);
  }

  private static List<Tensor> values(Plan plan, List<Node> forward) {
    Results r = plan.run(Feeds.none());
    List<Tensor> values = new ArrayList<>();
    for (Node n : forward) {
      values.add(r.get(n).to(DType.FLOAT64).copy());
    }
    return values;
  }

  /**
   * Discards the pair (a jqwik assumption) unless every kink of {@code a} is passed on the same
   * side as in {@code twin}, the same graph built in another dtype: the sign of each kink distance
   * (of abs, relu, leakyRelu, a comparison, a maximum's runner-up, maximum and minimum, clamp's
   * two bounds) agrees, zeros included. A tie exact in one dtype and broken by the other's
   * rounding (two forms equal in exact arithmetic) is a kink at the rounding's distance: there the
   * two dtypes take different branches, which says nothing about either's accuracy.
   */
  static void assumeSameKinkSides(Graph a, Graph twin) {
    List<List<Tensor>> sides = new ArrayList<>();
    for (Graph g : List.of(a, twin)) {
      List<Node> forward = g.nodes().stream().filter(n -> !n.isGradient())
          .collect(Collectors.toList());
      List<Tensor> values = values(Plan.compile(forward), forward);
      List<Tensor> kinks = kinkDistances(forward, values);
      kinks.addAll(sideDistances(forward, values));
      sides.add(kinks);
    }
    for (int k = 0; k < sides.get(0).size(); k++) {
      double[] x = sides.get(0).get(k).toArray();
      double[] y = sides.get(1).get(k).toArray();
      for (int i = 0; i < x.length; i++) {
        Assume.that(Math.signum(x[i]) == Math.signum(y[i]));
      }
    }
  }

  /** Returns, per maximum, minimum and clamp in order, each element's distance to the switch. */
  private static List<Tensor> sideDistances(List<Node> forward, List<Tensor> values) {
    List<Tensor> out = new ArrayList<>();
    for (Node n : forward) {
      if (n.op() instanceof Maximum || n.op() instanceof Minimum) {
        out.add(Naive.binary(values.get(n.inputs().get(0).id()),
            values.get(n.inputs().get(1).id()), (x, y) -> x - y));
      } else if (n.op() instanceof Clamp c) {
        Tensor x = values.get(n.inputs().get(0).id());
        out.add(Naive.unary(x, v -> v - c.lo()));
        out.add(Naive.unary(x, v -> v - c.hi()));
      }
    }
    return out;
  }

  /** Returns the kink distances with every parameter moved by ±1e-4 in a random direction. */
  private static List<Tensor> movedKinkDistances(Graph graph, List<Node> params, Plan plan,
      List<Node> forward, double sign) {
    Random direction = new Random(params.size() * 31L + graph.size());
    List<Tensor> saved = new ArrayList<>();
    for (Node p : params) {
      saved.add(p.storedValue().copy());
      double[] d = p.storedValue().buffer();
      for (int i = 0; i < d.length; i++) {
        d[i] += sign * 1e-4 * (2 * direction.nextDouble() - 1);
      }
    }
    try {
      return kinkDistances(forward, values(plan, forward));
    } finally {
      for (int i = 0; i < params.size(); i++) {
        params.get(i).storedValue().copyFromInPlace(saved.get(i));
      }
    }
  }

  /** Returns, per kink node in order, how far each element is from the kink. */
  private static List<Tensor> kinkDistances(List<Node> forward, List<Tensor> values) {
    List<Tensor> out = new ArrayList<>();
    for (Node n : forward) {
      if (n.op() instanceof Abs || n.op() instanceof Relu || n.op() instanceof LeakyRelu) {
        out.add(values.get(n.inputs().get(0).id()));
      } else if (n.op() instanceof Compare) {
        out.add(Naive.binary(values.get(n.inputs().get(0).id()),
            values.get(n.inputs().get(1).id()), (x, y) -> x - y));
      } else if (n.op() instanceof Max) {
        Tensor x = values.get(n.inputs().get(0).id());
        Tensor top = Naive.reduce(x, ((Max) n.op()).axes().toArray(), true, Naive.Reduction.MAX);
        out.add(Naive.binary(top, x, (m, v) -> m - v));
      }
    }
    return out;
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

  /** Returns true when {@code a} and {@code b} are exactly zero at the same elements. */
  private static boolean sameZeros(Tensor a, Tensor b) {
    double[] x = a.toArray();
    double[] y = b.toArray();
    for (int i = 0; i < x.length; i++) {
      if ((x[i] == 0) != (y[i] == 0)) {
        return false;
      }
    }
    return true;
  }
}
