package dev.chainrule.examples.bench;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.ExecOptions;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scaling series: Horner chains of 10³ to 10⁶ forward nodes, each built, differentiated,
 * compiled and run, timing every phase. Backward over forward is reported twice: for building
 * the graph (reverse mode's nodes against the forward nodes) and for running the compiled plan
 * (the plan of y and dy/dx against the plan of y alone).
 */
final class ChainScaling {
  /** The chain lengths, in forward operation nodes. */
  static final int[] SIZES = {1_000, 10_000, 100_000, 1_000_000};

  private ChainScaling() {}

  /** Returns one row per chain length; value = total ms of build, grad, compile and one run. */
  static List<BenchRow> measure(int threads, int reps) {
    ExecOptions options = ExecOptions.defaults().withThreads(threads);
    List<BenchRow> rows = new ArrayList<>();
    for (int n : SIZES) {
      int r = n >= 100_000 ? Math.min(reps, 3) : reps;
      double[] build = new double[r];
      double[] grad = new double[r];
      double[] compile = new double[r];
      double[] forward = new double[r];
      double[] full = new double[r];
      for (int k = 0; k < r; k++) {
        phases(n, options, k, build, grad, compile, forward, full);
      }
      Map<String, Object> d = new LinkedHashMap<>();
      double b = Timing.median(build);
      double g = Timing.median(grad);
      double c = Timing.median(compile);
      double f = Timing.median(forward);
      double fb = Timing.median(full);
      d.put("nodes", n);
      d.put("build_ms", b);
      d.put("grad_ms", g);
      d.put("compile_ms", c);
      d.put("forward_run_ms", f);
      d.put("forward_backward_run_ms", fb);
      d.put("backward_over_forward_build", g / b);
      d.put("backward_over_forward_run", (fb - f) / f);
      double total = b + g + c + fb;
      d.put("ns_per_node", total * 1e6 / n);
      rows.add(new BenchRow(String.format("chain-1e%d", (int) Math.round(Math.log10(n))),
          threads, total, "ms", d));
    }
    return rows;
  }

  private static void phases(int n, ExecOptions options, int k, double[] build, double[] grad,
      double[] compile, double[] forward, double[] full) {
    long t0 = System.nanoTime();
    Graph g = new Graph();
    Node x = g.parameter("x", Tensor.scalar(0.999));
    Node y = g.constant("c0", Tensor.scalar(0.5));
    for (int i = 1; i <= n / 2; i++) {
      y = y.mul(x).add(g.constant("c" + i, Tensor.scalar(1.0 / (i + 1))));
    }
    long t1 = System.nanoTime();
    Node dx = Autodiff.grad(y, x).get(0);
    long t2 = System.nanoTime();
    Plan both = Plan.compile(List.of(y, dx), options);
    long t3 = System.nanoTime();
    Plan only = Plan.compile(List.of(y), options);
    build[k] = (t1 - t0) / 1e6;
    grad[k] = (t2 - t1) / 1e6;
    compile[k] = (t3 - t2) / 1e6;
    int runs = Math.max(3, 1_000_000 / n);
    full[k] = runMs(both, runs);
    forward[k] = runMs(only, runs);
  }

  /** Returns the median ms of one run, over {@code runs} runs after 0.3 s of warm-up. */
  private static double runMs(Plan plan, int runs) {
    return Timing.medianSeconds(1, runs, () -> plan.run(Feeds.none()), 300_000_000L) * 1e3;
  }
}
