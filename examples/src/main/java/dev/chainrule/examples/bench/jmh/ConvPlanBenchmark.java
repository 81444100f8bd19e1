package dev.chainrule.examples.bench.jmh;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.Window2d;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Times a compiled plan of one convolution forward and backward, in float64 against float32, at
 * the {@code cnn} example's Fashion-MNIST sizes, batch 64, 5×5 kernels, padding 2: conv 1 (64, 1,
 * 28, 28) ⋆ 16 filters, conv 2 (64, 16, 14, 14) ⋆ 32 filters. The plan computes Z = W ⋆ X and,
 * for a fixed upstream gradient G, the kernel gradient X ⋆ G and the input gradient W ⋆ᵀ G: the
 * three products of a layer's training step. Run with {@code -f 0} to measure both dtypes in one
 * JVM.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ConvPlanBenchmark extends JmhDefaults {
  /** The layer: {@code conv1} or {@code conv2}. */
  @Param({"conv1", "conv2"})
  public String layer;

  /** The dtype of the graph: {@code FLOAT64} or {@code FLOAT32}. */
  @Param({"FLOAT64", "FLOAT32"})
  public String dtype;

  private Plan plan;

  /** Builds the layer's graph in the dtype and compiles its forward and backward plan. */
  @Setup
  public void setUp() {
    boolean first = layer.equals("conv1");
    int c = first ? 1 : 16;
    int hw = first ? 28 : 14;
    int f = first ? 16 : 32;
    DType type = DType.valueOf(dtype);
    Random r = new Random(1);
    Graph g = new Graph(type);
    Node x = g.parameter("X", uniform(r, Shape.of(64, c, hw, hw), type));
    Node w = g.parameter("W", uniform(r, Shape.of(f, c, 5, 5), type));
    Node z = x.conv2d(w, Window2d.of(1, 2, 1), 1);
    Node upstream = g.constant("G", uniform(r, z.shape(), type));
    List<Node> targets = new ArrayList<>(List.of(z));
    targets.addAll(Autodiff.gradients(z, upstream, List.of(w, x)).list());
    plan = Plan.compile(targets);
  }

  private static Tensor uniform(Random r, Shape shape, DType type) {
    return Tensor.of(shape, r.doubles(shape.size(), -1, 1).toArray()).to(type);
  }

  /** Runs the forward convolution and both of its gradients once. */
  @Benchmark
  public Results run() {
    return plan.run(Feeds.none());
  }
}
