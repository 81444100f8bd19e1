package dev.chainrule.core.graph.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.graph.Kernel;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kernels the reductions, pools and convolutions share: by the dtype they were made for,
 * they run the float64 loop on {@code double[]} buffers or the float32 loop on {@code float[]}
 * ones, inputs in order, writing into the output's buffer.
 */
class LoopKernelsTest {
  private final List<String> ran = new ArrayList<>();

  @Test
  void unaryRunsTheLoopOfItsDtypeOnTheInputAndOutputBuffers() {
    Kernel wide = LoopKernels.unary(DType.FLOAT64, (x, o) -> {
      ran.add("double");
      o[0] = x[0] + x[1];
    }, (x, o) -> ran.add("float"));
    Tensor out = Tensor.zeros(Shape.of(1));
    wide.run(new Tensor[] {Tensor.of(new double[] {2, 3}, 2)}, out);
    assertEquals(5.0, out.get(0), 0.0);

    Kernel narrow = LoopKernels.unary(DType.FLOAT32, (x, o) -> ran.add("double"), (x, o) -> {
      ran.add("float");
      o[0] = x[0] * x[1];
    });
    Tensor outF = Tensor.zeros(Shape.of(1), DType.FLOAT32);
    narrow.run(new Tensor[] {Tensor.ofFloats(new float[] {2, 3}, 2)}, outF);
    assertEquals(6.0, outF.get(0), 0.0);
    assertEquals(List.of("double", "float"), ran);
  }

  @Test
  void binaryPassesInputZeroFirstAndInputOneSecond() {
    Kernel wide = LoopKernels.binary(DType.FLOAT64, (a, b, o) -> o[0] = a[0] - b[0],
        (a, b, o) -> ran.add("float"));
    Tensor out = Tensor.zeros(Shape.of(1));
    wide.run(new Tensor[] {Tensor.of(new double[] {10}, 1), Tensor.of(new double[] {4}, 1)}, out);
    assertEquals(6.0, out.get(0), 0.0);

    Kernel narrow = LoopKernels.binary(DType.FLOAT32, (a, b, o) -> ran.add("double"),
        (a, b, o) -> o[0] = a[0] / b[0]);
    Tensor outF = Tensor.zeros(Shape.of(1), DType.FLOAT32);
    narrow.run(new Tensor[] {Tensor.ofFloats(new float[] {10}, 1),
        Tensor.ofFloats(new float[] {4}, 1)}, outF);
    assertEquals(2.5, outF.get(0), 0.0);
    assertEquals(List.of(), ran);
  }

  /** The reductions use it with ReduceLoop: sums and maxima of [[1, 5, −2], [4, 0, 3]] by hand. */
  @Test
  void reductionsPreparedInEitherDtypeGiveTheHandValues() {
    Shape x = Shape.of(2, 3);
    double[] values = {1, 5, -2, 4, 0, 3};
    Axes rows = Axes.of(x, false, 1);
    for (DType dtype : DType.values()) {
      Tensor in = Tensor.of(values, 2, 3).to(dtype);
      assertArrayEquals(new double[] {4, 7}, run(new Sum(rows), in, dtype), 0.0);
      assertArrayEquals(new double[] {5, 4}, run(new Max(rows), in, dtype), 0.0);
      assertArrayEquals(new double[] {4 / 3.0, 7 / 3.0}, run(new Mean(rows), in, dtype),
          dtype == DType.FLOAT32 ? 1e-6 : 1e-15);
    }
  }

  private static double[] run(dev.chainrule.core.graph.Op op, Tensor in, DType dtype) {
    Shape out = op.inferShape(List.of(in.shape()));
    Tensor o = Tensor.zeros(out, dtype);
    op.prepare(List.of(in.shape()), out, dtype).run(new Tensor[] {in}, o);
    return o.toArray();
  }
}
