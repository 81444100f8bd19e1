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
 * also measured with that recording off). Rates count the chain's 1000 forward operations per pass, the same
 * count for every framework, so that ratios are ratios of time per pass.
 */
public final class HornerWorkload {
  /** Scalar operations in the forward chain. */
  public static final int OPS = 1000;

  private HornerWorkload() {}

  /** The chain of {@code ops} forward operations, its derivative, and the graph's size. */
  record Chain(Graph graph, Node y, Node dx) {}

  /** Builds Horner's chain of {@code ops} scalar operations and differentiates it. */
  static Chain build(int ops) {
    Graph g = new Graph();
    Node x = g.parameter("x", Tensor.scalar(0.999));
    Node y = g.constant("c0", Tensor.scalar(0.5));
    for (int i = 1; i <= ops / 2; i++) {
      y = y.mul(x).add(g.constant("c" + i, Tensor.scalar(1.0 / (i + 1))));
    }
    return new Chain(g, y, Autodiff.grad(y, x).get(0));
  }

  /** Returns the compiled plan of the chain and its derivative. */
  public static Plan compiled(ExecOptions options) {
    Chain c = build(OPS);
    return Plan.compile(List.of(c.y(), c.dx()), options);
  }

  /** Returns the rows of W5: the compiled chain, and the chain built afresh each pass. */
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
                "ops_per_s_without_creation_sites", OPS / freshWithoutSites)));
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
