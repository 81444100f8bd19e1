package dev.chainrule.examples.bench.jmh;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.ExecOptions;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.graph.Node;
import dev.chainrule.examples.bench.HornerWorkload;
import java.util.List;

/** The small graphs the plan benchmarks share, and their option sets by name. */
final class BenchGraphs {
  private BenchGraphs() {}

  /**
   * Returns the options named {@code unoptimised} (each op's forward, a buffer per node),
   * {@code prepared} (prepared kernels and buffer reuse, no fusion) or {@code fused} (all on),
   * single-threaded.
   */
  static ExecOptions options(String name) {
    switch (name) {
      case "unoptimised":
        return ExecOptions.unoptimised();
      case "prepared":
        return new ExecOptions(true, false, true, true, true, 1);
      case "fused":
        return ExecOptions.defaults().withThreads(1);
      default:
        throw new IllegalArgumentException("unknown options " + name
            + "; use unoptimised, prepared or fused");
    }
  }

  /** Returns the plan of Horner's y = y·x + cᵢ over {@code ops} scalar ops and dy/dx. */
  static Plan horner(int ops, ExecOptions options) {
    Node y = HornerWorkload.forward(ops);
    Node x = y.graph().node(0);
    return Plan.compile(List.of(y, Autodiff.grad(y, x).get(0)), options);
  }
}
