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
 * also measured with that recording off). Rates count the chain's 1000 forward operations per pass,
 * the same count for every framework, so that ratios are ratios of time per pass. The cost of
 * building one node, with creation sites and without, is a row of its own ({@code w5-build}).
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
   * building a node with creation sites recorded and without.
   */
  static List<BenchRow> measure(int threads, int reps) {
    ExecOptions options = ExecOptions.defaults().withThreads(threads);
    Plan plan = compiled(options);
    int passes = 20_000;
    double compiled = Timing.medianSeconds(1, reps, () -> {
      for (int i = 0; i < passes; i++) {
        plan.run(Feeds.none());
      }
    }) / passes;
    double fresh = freshSeconds(options, reps);
    boolean recording = CreationSite.isEnabled();
    CreationSite.setEnabled(false);
    double freshWithoutSites;
    try {
      freshWithoutSites = freshSeconds(options, reps);
    } finally {
      CreationSite.setEnabled(recording);
    }
    return List.of(
        new BenchRow("w5", threads, OPS / compiled, "ops/s",
            Map.of("us_per_pass", compiled * 1e6, "graph_ops",
                plan.schedule().stream().filter(n -> n.op() != null).count())),
        new BenchRow("w5-fresh", threads, OPS / fresh, "ops/s",
            Map.of("us_per_pass", fresh * 1e6,
                "ops_per_s_without_creation_sites", OPS / freshWithoutSites)),
        buildCost(threads, reps));
  }

  /**
   * Returns the {@code w5-build} row: microseconds per node of building the forward chain with
   * creation sites recorded, and without, timed in alternating blocks so that a change of load
   * touches both alike; the ratio is what recording costs.
   */
  private static BenchRow buildCost(int threads, int reps) {
    int builds = 100;
    int nodes = forward(OPS).graph().size() * builds;
    boolean recording = CreationSite.isEnabled();
    double[] on = new double[reps];
    double[] off = new double[reps];
    try {
      for (int r = -1; r < reps; r++) {
        for (boolean sites : new boolean[] {true, false}) {
          CreationSite.setEnabled(sites);
          double seconds = Timing.medianSeconds(1, 3, () -> {
            for (int i = 0; i < builds; i++) {
              forward(OPS);
            }
          }, r < 0 ? Timing.WARM_UP_NANOS : 0);
          if (r >= 0) {
            (sites ? on : off)[r] = seconds * 1e6 / nodes;
          }
        }
      }
    } finally {
      CreationSite.setEnabled(recording);
    }
    double withSites = Timing.median(on);
    double withoutSites = Timing.median(off);
    return new BenchRow("w5-build", threads, withSites, "us/node",
        Map.of("us_per_node_without_creation_sites", withoutSites,
            "creation_sites_cost_ratio", withSites / withoutSites));
  }

  /** Returns the median seconds of one pass that builds, differentiates, compiles and runs. */
  private static double freshSeconds(ExecOptions options, int reps) {
    int passes = 50;
    return Timing.medianSeconds(1, reps, () -> {
      for (int i = 0; i < passes; i++) {
        Chain c = build(OPS);
        Plan.compile(List.of(c.y(), c.dx()), options).run(Feeds.none());
      }
    }) / passes;
  }
}
