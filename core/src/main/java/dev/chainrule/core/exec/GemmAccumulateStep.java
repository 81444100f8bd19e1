package dev.chainrule.core.exec;

import dev.chainrule.core.graph.ops.MatMul;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Gemm;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;

/**
 * An accumulation run inside its increment's own matrix product: W ← W + s·op(A)·op(B) as one
 * GEMM with α = s and β = 1 writing into the parameter, so the product is never stored. Gradient
 * descent is s = −η. A float32 plan runs the float GEMM ({@code sgemm}) with s rounded to float.
 */
final class GemmAccumulateStep implements Step {
  private final Spec s;

  private GemmAccumulateStep(Spec s) {
    this.s = s;
  }

  @Override
  public void run(Workspace ws) {
    if (!ws.accumulating) {
      return;
    }
    Tensor a = ws.values[s.a];
    Tensor b = ws.values[s.b];
    Tensor c = ws.values[s.parameter];
    boolean ta = s.op.transposeA();
    boolean tb = s.op.transposeB();
    if (s.dtype == DType.FLOAT32) {
      Gemm.gemm(ta, tb, s.m, s.n, s.k, (float) ws.scale, a.floatBuffer(), 0, s.lda,
          b.floatBuffer(), 0, s.ldb, 1f, c.floatBuffer(), 0, s.n);
    } else {
      Gemm.gemm(ta, tb, s.m, s.n, s.k, ws.scale, a.buffer(), 0, s.lda, b.buffer(), 0, s.ldb,
          1.0, c.buffer(), 0, s.n);
    }
  }

  /**
   * The plan's description of a fused accumulation.
   *
   * @param op the matrix product (with its transpose flags) whose result is the increment
   * @param m rows of the product; {@code n} columns; {@code k} the inner dimension
   * @param lda the row length of A as stored; {@code ldb} likewise for B
   * @param a the value slot of A; {@code b} of B; {@code parameter} of the parameter
   * @param dtype the dtype of the three tensors, which picks the double or the float GEMM
   */
  record Spec(MatMul op, int m, int n, int k, int lda, int ldb, int a, int b, int parameter,
      DType dtype) implements StepSpec {
    /**
     * Describes the accumulation into the parameter in slot {@code parameter} by op(A)·op(B), in
     * {@code dtype}.
     */
    static Spec of(MatMul op, Shape aShape, Shape bShape, int a, int b, int parameter,
        DType dtype) {
      Shape c = op.inferShape(java.util.List.of(aShape, bShape));
      int k = op.transposeA() ? aShape.dim(0) : aShape.dim(1);
      return new Spec(op, c.dim(0), c.dim(1), k, aShape.dim(1), bShape.dim(1), a, b, parameter,
          dtype);
    }

    @Override
    public Step newStep(Tensor[] values, boolean[] fed, double[][] scratch) {
      return new GemmAccumulateStep(this);
    }

    @Override
    public int[] reads() {
      return new int[] {a, b, parameter};
    }

    @Override
    public int[] writes() {
      return new int[0];
    }

    @Override
    public String describe(java.util.function.IntFunction<String> slots) {
      return slots.apply(parameter) + " += s·" + op.label().replace("A", slots.apply(a))
          .replace("B", slots.apply(b)) + " (one GEMM, β = 1)";
    }
  }
}
