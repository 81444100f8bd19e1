package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Algebra;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.Rewrite;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes an operand that two products share out of their sum or difference, as the matrix-calculus
 * textbooks write it: A·x + B·x → (A + B)·x, x·A − x·B → x·(A − B). Generic over the operations'
 * {@link Algebra}: both terms are computed by the same operation, which is linear in the operand
 * that differs, and every other operand is the same node. A matrix product reads its operands
 * through its transpose flags, so A·x + Aᵀ·x → (A + Aᵀ)·x. Elementwise products are left as they
 * are: the fusions recognise losses by the terms a user writes (Z ∘ 1(Z ≥ 0) − Z ∘ Y), which
 * collecting would hide. Values agree to rounding, and the collected form never does more work:
 * the sum of the differing operands costs no more than the product it saves.
 */
final class CommonOperand {
  private CommonOperand() {}

  /** Returns {@code sum}(p, q) with the shared operand taken out, or null. */
  static Node collected(Op sum, List<Node> in, Rewrite.Context c) {
    Node p = in.get(0);
    Node q = in.get(1);
    if (p == q || !p.shape().equals(q.shape()) || !c.is(p, Op.class) || !c.is(q, Op.class)) {
      return null;
    }
    if (p.op() instanceof MatMul mp && q.op() instanceof MatMul mq) {
      return matrixProducts(sum, p, mp, q, mq, c);
    }
    if (!p.op().equals(q.op()) || p.inputs().size() < 2 || p.op() instanceof Elementwise) {
      return null;
    }
    Algebra algebra = p.op().algebra();
    for (int i = 0; i < p.inputs().size(); i++) {
      Node a = p.inputs().get(i);
      Node b = q.inputs().get(i);
      if (algebra.linear(i) && a.shape().equals(b.shape()) && othersShared(p, q, i)) {
        List<Node> args = new ArrayList<>(p.inputs());
        args.set(i, c.apply(sum, a, b));
        return c.fired(RULE, c.apply(p.op(), args.toArray(new Node[0])));
      }
    }
    return null;
  }

  private static final String RULE = "common operand taken out of a sum of products";

  private static boolean othersShared(Node p, Node q, int except) {
    for (int j = 0; j < p.inputs().size(); j++) {
      if (j != except && p.inputs().get(j) != q.inputs().get(j)) {
        return false;
      }
    }
    return true;
  }

  /**
   * op(A)·op(X) ± op(B)·op(X) → (op(A) ± op(B))·op(X), and the same on the left; when A and B
   * are read with the same flag, the flag stays on their sum ((A + B)ᵀ·x).
   */
  private static Node matrixProducts(Op sum, Node p, MatMul mp, Node q, MatMul mq,
      Rewrite.Context c) {
    Node pa = Terms.arg(p, 0);
    Node pb = Terms.arg(p, 1);
    Node qa = Terms.arg(q, 0);
    Node qb = Terms.arg(q, 1);
    if (pb == qb && mp.transposeB() == mq.transposeB()) {
      boolean same = mp.transposeA() == mq.transposeA();
      Node left = same ? c.apply(sum, pa, qa)
          : c.apply(sum, read(pa, mp.transposeA(), c), read(qa, mq.transposeA(), c));
      return c.fired(RULE,
          c.apply(new MatMul(same && mp.transposeA(), mp.transposeB()), left, pb));
    }
    if (pa == qa && mp.transposeA() == mq.transposeA()) {
      boolean same = mp.transposeB() == mq.transposeB();
      Node right = same ? c.apply(sum, pb, qb)
          : c.apply(sum, read(pb, mp.transposeB(), c), read(qb, mq.transposeB(), c));
      return c.fired(RULE,
          c.apply(new MatMul(mp.transposeA(), same && mp.transposeB()), pa, right));
    }
    return null;
  }

  private static Node read(Node x, boolean transposed, Rewrite.Context c) {
    return transposed ? c.apply(Transpose.MATRIX, x) : x;
  }
}
