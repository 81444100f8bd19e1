package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Algebra;
import dev.chainrule.core.graph.FormulaWriter;
import dev.chainrule.core.graph.Kernel;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.tensor.BatchedGemm;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import java.util.List;

/**
 * The batched matrix product op(A)·op(B) of tensors of rank 2 or more, one of them of rank 3 or
 * more: the last two axes multiply as matrices, the axes before them are batch axes broadcast as
 * NumPy's {@code matmul} does. Its derivative is as {@link MatMul}'s, batched, each summed back
 * over the batch axes its operand was broadcast along: for C = A·B, dA = Σ dC·Bᵀ and dB = Σ Aᵀ·dC.
 *
 * @param transposeA whether the first operand's matrices are read transposed
 * @param transposeB whether the second operand's matrices are read transposed
 */
public record BatchMatMul(boolean transposeA, boolean transposeB) implements PreparedOp {
  /** The plain batched product A·B. */
  public static final BatchMatMul PLAIN = new BatchMatMul(false, false);

  @Override
  public String name() {
    return "batch_matmul";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    return BatchedGemm.shape(inputs.get(0), transposeA, inputs.get(1), transposeB);
  }

  /** Returns the batched GEMM of the operands' shapes on the buffers of {@code dtype}. */
  @Override
  public Kernel prepare(List<Shape> inputs, Shape output, DType dtype) {
    BatchedGemm gemm = new BatchedGemm(inputs.get(0), transposeA, inputs.get(1), transposeB);
    return LoopKernels.binary(dtype, gemm::run, gemm::run);
  }

  /** Returns {@link MatMul}'s derivative, batched, summed over the axes the input was broadcast. */
  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Node batched = new MatMul(transposeA, transposeB).vjp(output, upstream, input);
    return Unbroadcast.sumTo(batched, output.inputs().get(input).shape());
  }

  /**
   * Returns the batched product with the moving operand replaced by its tangent, one term of
   * d(A·B) = tA·B + A·tB.
   */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return Op.applyToTangent(output, tangent, input);
  }

  /** Returns that the product is linear in each operand. */
  @Override
  public Algebra algebra() {
    return ALGEBRA;
  }

  private static final Algebra ALGEBRA = Algebra.NONE.withLinear(0, 1)
      .withPhrase("a batched matrix product");

  /** Writes A·B as {@link MatMul} does, the transposed operands marked ᵀ. */
  @Override
  public <F> F formula(FormulaWriter<F> w) {
    return new MatMul(transposeA, transposeB).formula(w);
  }

  @Override
  public Notation notation() {
    return Notation.infix("·", "\\cdot", Notation.MULTIPLICATIVE);
  }

  @Override
  public String label() {
    return "batched " + (transposeA ? "Aᵀ" : "A") + "·" + (transposeB ? "Bᵀ" : "B");
  }
}
