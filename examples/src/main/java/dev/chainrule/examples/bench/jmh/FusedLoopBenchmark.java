package dev.chainrule.examples.bench.jmh;

import dev.chainrule.core.exec.ExecOptions;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Times an MLP layer's elementwise tail and its backward mask, y = relu(z + b) and
 * g ∘ 1(z + b > 0) ∘ 0.5, over (rows, 256): five operations run one by one through their forward
 * (the reference), through prepared kernels without fusion, and fused into one loop (single- and
 * two-threaded; a loop is split across threads only from about half a million element-operations).
 */
public class FusedLoopBenchmark extends JmhDefaults {
  /** Rows of the (rows, 256) operands. */
  @Param({"64", "1024"})
  public int rows;

  /** {@code unoptimised}, {@code prepared}, {@code fused} or {@code fused-2t}. */
  @Param({"unoptimised", "prepared", "fused", "fused-2t"})
  public String options;

  private Plan plan;
  private Feeds feeds;

  /** Builds and compiles the loop. */
  @Setup
  public void setUp() {
    Random r = new Random(3);
    Graph g = new Graph();
    Node z = g.input("Z", rows, 256);
    Node up = g.input("G", rows, 256);
    Node b = g.parameter("b", fill(r, 256));
    Node pre = z.add(b);
    Node y = pre.relu().named("y");
    Node dz = up.mul(pre.gt(g.scalar(0.0))).mul(0.5).named("dZ");
    ExecOptions o = options.equals("fused-2t") ? ExecOptions.defaults().withThreads(2)
        : BenchGraphs.options(options);
    plan = Plan.compile(List.of(y, dz), o);
    feeds = Feeds.of(z, fill(r, rows, 256), up, fill(r, rows, 256));
  }

  private static Tensor fill(Random r, int... dims) {
    Tensor t = Tensor.zeros(dims);
    double[] d = t.buffer();
    for (int i = 0; i < d.length; i++) {
      d[i] = r.nextDouble() - 0.5;
    }
    return t;
  }

  /** One run of the plan. */
  @Benchmark
  public Results run() {
    return plan.run(feeds);
  }
}
