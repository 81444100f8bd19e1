package dev.chainrule.examples.bench.jmh;

import dev.chainrule.core.graph.Kernel;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.ops.Add;
import dev.chainrule.core.graph.ops.Axes;
import dev.chainrule.core.graph.ops.LogSoftmax;
import dev.chainrule.core.graph.ops.Sum;
import dev.chainrule.core.graph.ops.Transpose;
import dev.chainrule.core.graph.ops.Where;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Times the operation kernels whose allocation behaviour the plan compiler changed, on an MLP's
 * shapes: each op's {@code forward} (strides and index arrays worked out, or operands copied, on
 * every call: the reference) against its kernel prepared once by {@code Op.prepare}. The ops: a
 * bias gradient Σ over axis 0, a broadcast bias add, where with a broadcast condition, a
 * log-softmax along rows and a 3-D transpose. Run with {@code -prof gc} to see the allocation per
 * call go.
 */
public class KernelBenchmark extends JmhDefaults {
  /**
   * The op: {@code sum0}, {@code biasAdd}, {@code where}, {@code logSoftmax}, {@code transpose3}.
   */
  @Param({"sum0", "biasAdd", "where", "logSoftmax", "transpose3"})
  public String op;

  /** Rows of the (rows, 256) operands: 64 (W2's batch) or 1024 (W3's). */
  @Param({"64", "1024"})
  public int rows;

  private Op operation;
  private Tensor[] inputs;
  private Tensor out;
  private Kernel prepared;

  /** Builds the operands and prepares the kernel. */
  @Setup
  public void setUp() {
    Random r = new Random(7);
    List<Shape> shapes = new ArrayList<>();
    switch (op) {
      case "sum0":
        shapes.add(Shape.of(rows, 256));
        operation = new Sum(Axes.of(shapes.get(0), false, 0));
        break;
      case "biasAdd":
        operation = Add.INSTANCE;
        shapes.addAll(List.of(Shape.of(rows, 256), Shape.of(256)));
        break;
      case "where":
        operation = Where.INSTANCE;
        shapes.addAll(List.of(Shape.of(rows, 1), Shape.of(rows, 256), Shape.of(256)));
        break;
      case "logSoftmax":
        operation = new LogSoftmax(1);
        shapes.add(Shape.of(rows, 256));
        break;
      default:
        operation = new Transpose(new int[] {2, 0, 1});
        shapes.add(Shape.of(rows / 16, 16, 256));
    }
    inputs = new Tensor[shapes.size()];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = Tensor.zeros(shapes.get(i));
      double[] d = inputs[i].buffer();
      for (int k = 0; k < d.length; k++) {
        d[k] = r.nextDouble() - 0.5;
      }
    }
    Shape o = operation.inferShape(shapes);
    out = Tensor.zeros(o);
    prepared = operation.prepare(shapes, o);
  }

  /** The op's own forward: works out its loop (and, for where, copies operands) per call. */
  @Benchmark
  public Tensor forward() {
    operation.forward(inputs, out);
    return out;
  }

  /** The kernel prepared once for these shapes, as a compiled plan runs it. */
  @Benchmark
  public Tensor prepared() {
    prepared.run(inputs, out);
    return out;
  }
}
