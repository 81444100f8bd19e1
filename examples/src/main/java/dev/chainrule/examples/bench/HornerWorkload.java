package dev.chainrule.examples.bench;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.ExecOptions;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.graph.CreationSite;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * W5: Horner's chain y = y·x + cᵢ of 1000 scalar operations (500 steps) and dy/dx, forward and
 * backward. Compiled once and run per pass, or built, differentiated, compiled and run afresh each
 * pass (the eager user's loop; the user line of every node built is recorded, as by default, and
 * also measured with that recording off, the two timed in alternation). Rates count the chain's
 * 1000 forward operations per pass, the same count for every framework, so that ratios are ratios
 * of time per pass. The cost of building one node, with creation sites and without, is a row of
 * its own ({@code w5-build}).
 */
public final class HornerWorkload {
  /** Scalar operations in the forward chain. */
  public static final int OPS = 1000;

  private HornerWorkload() {}

  /** The chain of {@code ops} forward operations, its derivative, and the graph's size. */
  record Chain(Graph graph, Node y, Node dx) {}

  /** Builds Horner's chain of {@code ops} scalar operations and differentiates it. */
  static Chain build(int ops) {
    Node y = forward(ops);
    return new Chain(y.graph(), y, Autodiff.grad(y, y.graph().node(0)).get(0));
  }

  /**
   * Builds Horner's chain of {@code ops} scalar operations in a new graph whose node 0 is x, and
   * returns y: 2 + 1.5·ops nodes (x, c₀, then a product, a constant and a sum per step).
   */
  public static Node forward(int ops) {
    Graph g = new Graph();
    Node x = g.parameter("x", Tensor.scalar(0.999));
    Node y = g.constant("c0", Tensor.scalar(0.5));
    for (int i = 1; i <= ops / 2; i++) {
      y = y.mul(x).add(g.constant("c" + i, Tensor.scalar(1.0 / (i + 1))));
    }
    return y;
  }

  /** Returns the compiled plan of the chain and its derivative. */
  public static Plan compiled(ExecOptions options) {
    Chain c = build(OPS);
    return Plan.compile(List.of(c.y(), c.dx()), options);
  }

  /**
   * Returns the rows of W5: the compiled chain, the chain built afresh each pass, and the cost of
   * building a node with creation sites recorded and without. The compiled chain is timed last:
   * its loop becomes generated code that the JIT then compiles for seconds, and on two cores that
   * would slow whatever is timed meanwhile.
   */
  static List<BenchRow> measure(int threads, int reps) {
    ExecOptions options = ExecOptions.defaults().withThreads(threads);
    int passes = 50;
    double[] fresh = withAndWithoutSites(reps, () -> {
      for (int i = 0; i < passes; i++) {
        Chain c = build(OPS);
        Plan.compile(List.of(c.y(), c.dx()), options).run(Feeds.none());
      }
    });
    int builds = 100;
    int nodes = forward(OPS).graph().size() * builds;
    double[] building = withAndWithoutSites(reps, () -> {
      for (int i = 0; i < builds; i++) {
        forward(OPS);
      }
    });
    double withSites = building[0] * 1e6 / nodes;
    double withoutSites = building[1] * 1e6 / nodes;
    Plan plan = compiled(options);
    int runs = 20_000;
    double compiled = Timing.medianSeconds(1, reps, () -> {
      for (int i = 0; i < runs; i++) {
        plan.run(Feeds.none());
      }
    }) / runs;
    return List.of(
        new BenchRow("w5", threads, OPS / compiled, "ops/s",
            Map.of("us_per_pass", compiled * 1e6, "graph_ops",
                plan.schedule().stream().filter(n -> n.op() != null).count())),
        new BenchRow("w5-fresh", threads, OPS * passes / fresh[0], "ops/s",
            Map.of("us_per_pass", fresh[0] * 1e6 / passes,
                "ops_per_s_without_creation_sites", OPS * passes / fresh[1])),
        new BenchRow("w5-build", threads, withSites, "us/node",
            Map.of("us_per_node_without_creation_sites", withoutSites,
                "creation_sites_cost_ratio", withSites / withoutSites)));
  }

  /**
   * Returns the median seconds of {@code body} with creation sites recorded and without: both
   * warmed up first, then timed in alternating repetitions, so that neither profits from the
   * JIT's work on the other and a change of load touches both alike.
   */
  private static double[] withAndWithoutSites(int reps, Runnable body) {
    boolean recording = CreationSite.isEnabled();
    double[] on = new double[reps];
    double[] off = new double[reps];
    try {
      for (int r = -1; r < reps; r++) {
        for (boolean sites : new boolean[] {true, false}) {
          CreationSite.setEnabled(sites);
          double seconds = Timing.medianSeconds(1, 3, body, r < 0 ? Timing.WARM_UP_NANOS : 0);
          if (r >= 0) {
            (sites ? on : off)[r] = seconds;
          }
        }
      }
    } finally {
      CreationSite.setEnabled(recording);
    }
    return new double[] {Timing.median(on), Timing.median(off)};
  }
}
