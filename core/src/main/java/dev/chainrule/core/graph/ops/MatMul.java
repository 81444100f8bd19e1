package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Algebra;
import dev.chainrule.core.graph.FormulaWriter;
import dev.chainrule.core.graph.Kernel;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.Rewrite;
import dev.chainrule.core.tensor.Gemm;
import dev.chainrule.core.tensor.MatMulKernel;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/**
 * The matrix product op(A)·op(B) of two matrices, where op reads an operand transposed in place
 * when its flag is set. Its derivative is again a pair of matrix products with transposed
 * operands, e.g. for C = A·B: dA = dC·Bᵀ and dB = Aᵀ·dC, the seeds' dW = dZ·Aᵀ.
 *
 * @param transposeA whether the first operand is read transposed
 * @param transposeB whether the second operand is read transposed
 */
public record MatMul(boolean transposeA, boolean transposeB) implements Op {
  /** The plain product A·B. */
  public static final MatMul PLAIN = new MatMul(false, false);

  @Override
  public String name() {
    return "matmul";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    return MatMulKernel.shape(inputs.get(0), transposeA, inputs.get(1), transposeB);
  }

  @Override
  public void forward(Tensor[] inputs, Tensor out) {
    MatMulKernel.into(inputs[0], transposeA, inputs[1], transposeB, out);
  }

  @Override
  public Kernel prepare(List<Shape> inputs, Shape output) {
    int m = output.dim(0);
    int n = output.dim(1);
    int k = transposeA ? inputs.get(0).dim(0) : inputs.get(0).dim(1);
    int lda = inputs.get(0).dim(1);
    int ldb = inputs.get(1).dim(1);
    return (in, out) -> Gemm.gemm(transposeA, transposeB, m, n, k, 1.0, in[0].buffer(), 0, lda,
        in[1].buffer(), 0, ldb, 0.0, out.buffer(), 0, n);
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Node a = output.inputs().get(0);
    Node b = output.inputs().get(1);
    if (input == 0) {
      return transposeA
          ? b.matmul(transposeB, upstream, true)
          : upstream.matmul(false, b, !transposeB);
    }
    return transposeB
        ? upstream.matmul(true, a, transposeA)
        : a.matmul(!transposeA, upstream, false);
  }

  /**
   * Returns the product with the moving operand replaced by its tangent, one term of
   * d(op(A)·op(B)) = op(tA)·op(B) + op(A)·op(tB).
   */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return Op.applyToTangent(output, tangent, input);
  }

  /**
   * Returns the product's Jacobian times M where a vector operand makes it one matrix product:
   * op(B)ᵀ·M for a row op(A) times op(B), op(A)·M for op(A) times a column op(B), b·M for a
   * product by a 1×1 b; null for the other shapes (which need a Kronecker product).
   */
  @Override
  public Node jmp(Node output, Node columns, int input) {
    Node a = output.inputs().get(0);
    Node b = output.inputs().get(1);
    boolean flipped = input == 0 ? transposeA : transposeB;
    if (flipped && !output.inputs().get(input).shape().isVectorLike()) {
      return null;
    }
    if (input == 0) {
      if (output.shape().dim(0) == 1) {
        return JacobianProducts.product(b, !transposeB, columns);
      }
      return b.shape().size() == 1 ? JacobianProducts.scaled(b, b.shape(), columns) : null;
    }
    if (output.shape().dim(1) == 1) {
      return JacobianProducts.product(a, transposeA, columns);
    }
    return a.shape().size() == 1 ? JacobianProducts.scaled(a, a.shape(), columns) : null;
  }

  /**
   * Returns that the product is linear in each operand (signs and scalar factors pass through) and
   * that a product with the identity I = diag(1) is its other operand.
   */
  @Override
  public Algebra algebra() {
    return ALGEBRA;
  }

  private static final Algebra ALGEBRA = Algebra.NONE.withLinear(0, 1)
      .withPhrase("a matrix product")
      .withIdentity(Rewrite.Family.NEUTRAL_ELEMENTS, Diag::droppedFromProduct);

  /** Writes A·B with the transposed operands marked ᵀ. */
  @Override
  public <F> F formula(FormulaWriter<F> w) {
    F a = w.operand(0);
    F b = w.operand(1);
    return w.matrixProduct(transposeA ? w.transposed(a) : a, transposeB ? w.transposed(b) : b);
  }

  @Override
  public Notation notation() {
    return Notation.infix("·", "\\cdot", Notation.MULTIPLICATIVE);
  }

  @Override
  public String label() {
    return (transposeA ? "Aᵀ" : "A") + "·" + (transposeB ? "Bᵀ" : "B");
  }
}
