package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Algebra;
import dev.chainrule.core.graph.FormulaWriter;
import dev.chainrule.core.graph.Kernel;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.Rewrite;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Permute;
import dev.chainrule.core.tensor.PermuteLoop;
import dev.chainrule.core.tensor.Shape;
import java.util.Arrays;
import java.util.List;

/**
 * Permutes the axes of a tensor (for a matrix, the transpose Aᵀ); its derivative permutes the
 * gradient back with the inverse permutation.
 *
 * @param permutation output axis i is input axis {@code permutation[i]}
 */
public record Transpose(int[] permutation) implements PreparedOp {
  /** The transpose Aᵀ of a matrix, which swaps its two axes. */
  public static final Transpose MATRIX = new Transpose(new int[] {1, 0});

  /** Creates the op, keeping its own copy of the permutation. */
  public Transpose {
    permutation = permutation.clone();
  }

  @Override
  public String name() {
    return "transpose";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    return Permute.shape(inputs.get(0), permutation);
  }

  /** Returns the kernel: the permutation loop on {@code double[]} or {@code float[]} buffers. */
  @Override
  public Kernel prepare(List<Shape> inputs, Shape output, DType dtype) {
    PermuteLoop loop = new PermuteLoop(inputs.get(0), permutation);
    return LoopKernels.unary(dtype, loop::run, loop::run);
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    return upstream.transpose(Permute.inverse(permutation));
  }

  /** Returns the tangent permuted alike: d(Aᵀ) = (tA)ᵀ. */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return Op.applyToTangent(output, tangent, input);
  }

  /** Returns M itself for a vector (a row becomes a column in the same order); null otherwise. */
  @Override
  public Node jmp(Node output, Node columns, int input) {
    return output.inputs().get(0).shape().isVectorLike() ? columns : null;
  }

  /**
   * Returns that a transpose is linear, is dropped when it permutes nothing, composes with a
   * transpose it reads ((Aᵀ)ᵀ → A), turns a matrix product it reads into the product of the
   * transposes in reverse order ((A·B)ᵀ → Bᵀ·Aᵀ, no transpose left to compute, unless A·B stays
   * needed elsewhere, where Bᵀ·Aᵀ would be a second product), and leaves a
   * symmetric sum as it is ((A + Aᵀ)ᵀ → A + Aᵀ).
   */
  @Override
  public Algebra algebra() {
    return ALGEBRA;
  }

  private static final Algebra ALGEBRA = Algebra.NONE.withLinear(0)
      .withIdentity(Rewrite.Family.NEUTRAL_ELEMENTS, Transpose::simplified);

  private static Node simplified(Op op, List<Node> in, Rewrite.Context c) {
    int[] perm = ((Transpose) op).permutation;
    Node x = in.get(0);
    if (isIdentity(perm)) {
      return c.fired("transpose by the identity dropped", x);
    }
    Node reversed = perm.length == 2 && c.is(x, MatMul.class) ? MatMul.transposeOf(x, c) : null;
    if (reversed != null) {
      return c.fired("(A·B)ᵀ → Bᵀ·Aᵀ", reversed);
    }
    if (perm.length == 2 && symmetricSum(x, c)) {
      return c.fired("(A + Aᵀ)ᵀ → A + Aᵀ", x);
    }
    if (!c.is(x, Transpose.class)) {
      return null;
    }
    int[] inner = ((Transpose) x.op()).permutation;
    int[] composed = new int[perm.length];
    for (int i = 0; i < perm.length; i++) {
      composed[i] = inner[perm[i]];
    }
    Node source = Terms.arg(x, 0);
    return c.fired("(Aᵀ)ᵀ → A", isIdentity(composed) ? source
        : c.apply(new Transpose(composed), source));
  }

  /** True for an unnamed A + Aᵀ or Aᵀ + A: a matrix equal to its transpose, bit for bit. */
  static boolean symmetricSum(Node x, Rewrite.Context c) {
    if (!c.is(x, Add.INSTANCE)) {
      return false;
    }
    Node a = Terms.arg(x, 0);
    Node b = Terms.arg(x, 1);
    return c.is(b, MATRIX) && Terms.arg(b, 0) == a || c.is(a, MATRIX) && Terms.arg(a, 0) == b;
  }

  private static boolean isIdentity(int[] perm) {
    for (int i = 0; i < perm.length; i++) {
      if (perm[i] != i) {
        return false;
      }
    }
    return true;
  }

  /** Writes Aᵀ for a matrix, else transpose(x, permutation). */
  @Override
  public <F> F formula(FormulaWriter<F> w) {
    F x = w.operand(0);
    return permutation.length == 2 ? w.transposed(x)
        : w.function("transpose", x, w.text(Arrays.toString(permutation)));
  }

  @Override
  public Notation notation() {
    return Notation.postfix("ᵀ", "^{T}");
  }

  @Override
  public String label() {
    return permutation.length == 2 ? "ᵀ" : "transpose " + Arrays.toString(permutation);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Transpose && Arrays.equals(permutation, ((Transpose) o).permutation);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(permutation);
  }

  @Override
  public String toString() {
    return "Transpose" + Arrays.toString(permutation);
  }
}
