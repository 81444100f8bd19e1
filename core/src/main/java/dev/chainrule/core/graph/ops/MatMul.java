package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Algebra;
import dev.chainrule.core.graph.FormulaWriter;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.Rewrite;
import dev.chainrule.core.tensor.DType;
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

  /** Adds up k terms when its inner dimension is k (A·dZᵀ sums over a batch's m samples). */
  @Override
  public boolean addsUp(Node output, double k) {
    Shape a = output.inputs().get(0).shape();
    return a.rank() >= 2 && a.dim(a.rank() - (transposeA ? 2 : 1)) == k;
  }

  /**
   * Returns true: the product runs on the double GEMM or the float one ({@code sgemm}), by the
   * output's dtype; a compiled plan runs this {@code forward} as the product's kernel.
   */
  @Override
  public boolean supports(DType dtype) {
    return true;
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
   * Returns that the product is linear in each operand (signs and scalar factors pass through, a
   * common operand of two products can be taken out of their sum), that an operand holding one
   * value c along an inner dimension of 1 is that factor (x·1 → x for the seed of a gradient,
   * c·x in general), and that an operand read transposed which is itself a product is read as
   * the product of the transposes, (A·B)ᵀ·C → Bᵀ·Aᵀ·C, unless A·B stays needed elsewhere (then
   * reading it transposed costs nothing and Bᵀ·Aᵀ would be a second product), or, a symmetric
   * sum, plainly: (A +
   * Aᵀ)ᵀ·x → (A + Aᵀ)·x; that a product with the identity I = diag(1) is its other operand; and
   * that a product with I ± R distributes where that computes no more (diag(a)·(I − 1·r) →
   * diag(a) − a·r).
   */
  @Override
  public Algebra algebra() {
    return ALGEBRA;
  }

  private static final Algebra ALGEBRA = Algebra.NONE.withLinear(0, 1)
      .withPhrase("a matrix product")
      .withIdentity(Rewrite.Family.NEUTRAL_ELEMENTS, MatMul::uniformFactor)
      .withIdentity(Rewrite.Family.NEUTRAL_ELEMENTS, MatMul::transposedProductRead)
      .withIdentity(Rewrite.Family.NEUTRAL_ELEMENTS, Diag::droppedFromProduct)
      .withIdentity(Rewrite.Family.NEUTRAL_ELEMENTS, Diag::distributedOverIdentity);

  /**
   * op(A)·op(U) → c·op(A) when U holds the single value c and the inner dimension is 1, so that
   * each element of the product is one multiplication (exact); op(A) is broadcast when the
   * product is larger (a column times a row of ones).
   */
  private static Node uniformFactor(Op op, List<Node> in, Rewrite.Context c) {
    MatMul m = (MatMul) op;
    Node a = in.get(0);
    Node b = in.get(1);
    Shape out = m.inferShape(List.of(a.shape(), b.shape()));
    int inner = m.transposeA ? a.shape().dim(0) : a.shape().dim(1);
    Double value = inner != 1 ? null : c.uniformValue(b);
    Node other = a;
    boolean otherTransposed = m.transposeA;
    if (inner == 1 && value == null) {
      value = c.uniformValue(a);
      other = b;
      otherTransposed = m.transposeB;
    }
    if (value == null) {
      return null;
    }
    Node read = otherTransposed ? c.apply(Transpose.MATRIX, other) : other;
    Node spread = read.shape().equals(out) ? read : c.apply(new BroadcastTo(out), read);
    return value == 1.0 ? c.fired("A·1 → A", spread)
        : c.fired("A·c → c·A", c.apply(Mul.INSTANCE, c.literal(value), spread));
  }

  /**
   * (A·B)ᵀ read by a flag of this product becomes the product Bᵀ·Aᵀ read plainly, and a
   * symmetric sum A + Aᵀ read transposed is read plainly.
   */
  private static Node transposedProductRead(Op op, List<Node> in, Rewrite.Context c) {
    MatMul m = (MatMul) op;
    Node a = in.get(0);
    Node b = in.get(1);
    Node reversed = m.transposeA && c.is(a, MatMul.class) ? transposeOf(a, c) : null;
    if (reversed != null) {
      return c.fired("(A·B)ᵀ → Bᵀ·Aᵀ", c.apply(new MatMul(false, m.transposeB), reversed, b));
    }
    reversed = m.transposeB && c.is(b, MatMul.class) ? transposeOf(b, c) : null;
    if (reversed != null) {
      return c.fired("(A·B)ᵀ → Bᵀ·Aᵀ", c.apply(new MatMul(m.transposeA, false), a, reversed));
    }
    if (m.transposeA && Transpose.symmetricSum(a, c)
        || m.transposeB && Transpose.symmetricSum(b, c)) {
      return c.fired("(A + Aᵀ)ᵀ → A + Aᵀ", c.apply(new MatMul(
          m.transposeA && !Transpose.symmetricSum(a, c),
          m.transposeB && !Transpose.symmetricSum(b, c)), a, b));
    }
    return null;
  }

  /**
   * Returns Bᵀ·Aᵀ for the product node {@code product} = op(A)·op(B), flags swapped and flipped;
   * null where the rewriter found that {@code product} stays needed elsewhere, so that Bᵀ·Aᵀ would
   * be a second product where reading {@code product} transposed costs none.
   */
  static Node transposeOf(Node product, Rewrite.Context c) {
    MatMul p = (MatMul) product.op();
    return c.recomputing(product, () -> c.apply(new MatMul(!p.transposeB, !p.transposeA),
        product.inputs().get(1), product.inputs().get(0)));
  }

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
