package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Algebra;
import dev.chainrule.core.graph.FormulaWriter;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.Rewrite;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/**
 * The diagonal matrix of a vector, diag(a): its k elements (in row-major order, so a row (1, k), a
 * column (k, 1) and a (k,) vector give the same matrix) on the diagonal of a (k, k) matrix, zeros
 * elsewhere. It is how the textbooks write an elementwise factor inside a matrix product, as in the
 * logistic-regression Hessian X·diag(A ∘ (1 − A))·Xᵀ/m. Its derivative takes the diagonal of the
 * gradient back to the vector's shape; it is linear, so its forward-mode derivative is diag(t).
 * diag(1), the identity matrix, is written I.
 */
public final class Diag implements Op {
  /** The single instance; the operation has no attributes. */
  public static final Diag INSTANCE = new Diag();

  private Diag() {}

  @Override
  public String name() {
    return "diag";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    Shape in = inputs.get(0);
    if (!in.isVectorLike()) {
      throw new IllegalArgumentException("diag needs a vector, (k,), (1, k) or (k, 1), got " + in);
    }
    return Shape.of(in.size(), in.size());
  }

  @Override
  public void forward(Tensor[] inputs, Tensor out) {
    Object a = AxisBlocks.storage(inputs[0]);
    Object d = AxisBlocks.storage(out);
    int k = inputs[0].size();
    out.fillInPlace(0.0);
    for (int i = 0; i < k; i++) {
      System.arraycopy(a, i, d, i * (k + 1), 1);
    }
  }

  /** Returns true: it places elements, which it does in either dtype. */
  @Override
  public boolean supports(DType dtype) {
    return true;
  }

  /** Returns the diagonal of {@code upstream}: every (k + 1)-th element, in the vector's shape. */
  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Node a = output.inputs().get(0);
    int k = a.shape().size();
    Node flat = upstream.reshape(k * k);
    Node diagonal = upstream.graph().apply(new Slice(new int[] {0}, new int[] {k + 1},
        new int[] {k}), flat);
    return diagonal.reshape(a.shape().dims());
  }

  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return Op.applyToTangent(output, tangent, input);
  }

  /** Returns that diag is linear, so scalar factors and signs come out of it. */
  @Override
  public Algebra algebra() {
    return ALGEBRA;
  }

  private static final Algebra ALGEBRA = Algebra.NONE.withLinear(0);

  /** Returns the (n, n) identity matrix of graph {@code g} as diag(1), written I in formulas. */
  public static Node identity(Graph g, int n) {
    return g.apply(INSTANCE, g.scalar(1.0).broadcastTo(Shape.of(n)));
  }

  /**
   * Returns true when {@code n} is diag(1), the identity matrix (a literal 1, broadcast or not).
   */
  public static boolean isIdentity(Node n) {
    if (n.kind() != NodeKind.OPERATION || !(n.op() instanceof Diag)) {
      return false;
    }
    Node a = n.inputs().get(0);
    while (a.kind() == NodeKind.OPERATION && (a.op() instanceof BroadcastTo
        || a.op() instanceof Reshape)) {
      a = a.inputs().get(0);
    }
    return a.isLiteral() && a.storedValue().item() == 1.0;
  }

  /**
   * The identity of a matrix product with I, which {@code MatMul}'s algebra declares: op(A)·I →
   * op(A) and I·op(B) → op(B).
   */
  static Node droppedFromProduct(Op op, List<Node> in, Rewrite.Context c) {
    MatMul m = (MatMul) op;
    boolean right = isIdentity(in.get(1));
    if (!right && !isIdentity(in.get(0))) {
      return null;
    }
    Node kept = right ? in.get(0) : in.get(1);
    boolean transposed = right ? m.transposeA() : m.transposeB();
    return c.fired(right ? "A·I → A" : "I·A → A",
        transposed ? c.apply(new Transpose(new int[] {1, 0}), kept) : kept);
  }

  /**
   * The product with a sum or difference holding I, distributed where that computes no more:
   * op(A)·(I ± R) → op(A) ± op(A)·R, since op(A)·I is op(A) itself; and for a diagonal A = diag(a)
   * and a row r repeated down the rows (R = 1·r, broadcast), diag(a)·(I ± 1·r) → diag(a) ± a·r,
   * since diag(a)·1 = a. So the Hessian of log Σ eˣ, extracted as diag(p)·(I − 1·pᵀ), reads
   * diag(p) − p·pᵀ, the textbook form. Which declares it: {@code MatMul}'s algebra.
   */
  static Node distributedOverIdentity(Op op, List<Node> in, Rewrite.Context c) {
    MatMul m = (MatMul) op;
    Node a = in.get(0);
    Node sum = in.get(1);
    boolean add = c.is(sum, Add.INSTANCE);
    if (m.transposeB() || !add && !c.is(sum, Sub.INSTANCE)) {
      return null;
    }
    boolean identityFirst = isIdentity(Terms.arg(sum, 0));
    if (!identityFirst && !isIdentity(Terms.arg(sum, 1))) {
      return null;
    }
    Node rest = times(m, a, Terms.arg(sum, identityFirst ? 1 : 0), sum.shape(), c);
    if (rest == null) {
      return null;
    }
    Node left = m.transposeA() && !c.is(a, Diag.class)
        ? c.apply(new Transpose(new int[] {1, 0}), a) : a;
    Node result = add ? c.apply(Add.INSTANCE, left, rest)
        : identityFirst ? c.apply(Sub.INSTANCE, left, rest) : c.apply(Sub.INSTANCE, rest, left);
    return c.fired(add ? "A·(I + R) → A + A·R" : "A·(I − R) → A − A·R", result);
  }

  /**
   * Returns op(A)·R for the term R of a sum of shape {@code full}: the product itself when R has
   * that shape, a·r when A = diag(a) and R is a row r that the sum broadcasts down its rows (a
   * written as a column: aᵀ for a row a), else null.
   */
  private static Node times(MatMul m, Node a, Node r, Shape full, Rewrite.Context c) {
    if (r.shape().equals(full)) {
      return c.apply(new MatMul(m.transposeA(), false), a, r);
    }
    boolean row = r.shape().rank() == 2 && r.shape().dim(0) == 1;
    if (!row || !c.is(a, Diag.class)) {
      return null;
    }
    Node vector = a.inputs().get(0);
    Shape shape = vector.shape();
    Node column = shape.rank() == 2 && shape.dim(0) == 1 && shape.dim(1) > 1
        ? c.apply(new Transpose(new int[] {1, 0}), vector)
        : c.apply(new Reshape(Shape.of(shape.size(), 1)), vector);
    return c.apply(new MatMul(false, false), column, r);
  }

  /** Writes diag(a), and the identity diag(1) as I. */
  @Override
  public <F> F formula(FormulaWriter<F> w) {
    return isIdentity(w.node()) ? w.text("I") : w.generic(notation());
  }

  @Override
  public Notation notation() {
    return Notation.function("diag", "\\operatorname{diag}");
  }
}
