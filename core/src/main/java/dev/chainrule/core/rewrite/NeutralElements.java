package dev.chainrule.core.rewrite;

import static dev.chainrule.core.rewrite.Patterns.arg;
import static dev.chainrule.core.rewrite.Patterns.broadcast;
import static dev.chainrule.core.rewrite.Patterns.is;

import dev.chainrule.core.graph.Algebra;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.Rewrite;
import dev.chainrule.core.graph.ops.BinaryElementwise;
import dev.chainrule.core.graph.ops.BroadcastTo;
import dev.chainrule.core.graph.ops.Neg;
import dev.chainrule.core.tensor.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Identities that remove work. An operand of a broadcasting binary operation that is an explicit
 * broadcast, or a constant holding one value, is replaced by its source or that number when
 * implicit broadcasting gives the same shape. Then the operations' {@link Algebra} neutral and
 * negating elements apply (x + 0, x − 0, x·1, x/1 → x; 0 − x, x·(−1) → −x), each only when the
 * result keeps the shape of the node it replaces; then their own identities (−(−x) → x,
 * (Aᵀ)ᵀ → A, a reshape or broadcast to the shape a tensor already has, an unnamed identity).
 */
final class NeutralElements implements Rule {
  @Override
  public String name() {
    return "neutral elements";
  }

  @Override
  public Node rewrite(Op op, List<Node> in, Rewriting r) {
    List<Algebra.Neutral> neutrals = op.algebra().neutrals();
    if (op instanceof BinaryElementwise || !neutrals.isEmpty()) {
      Shape out = op.inferShape(in.stream().map(Node::shape).toList());
      Node implicit = op instanceof BinaryElementwise ? implicitBroadcast(op, in, out, r) : null;
      if (implicit != null) {
        return implicit;
      }
      for (Algebra.Neutral n : neutrals) {
        Double u = r.uniformValue(in.get(n.operand()));
        Node other = in.get(1 - n.operand());
        if (u != null && u == n.value() && other.shape().equals(out)) {
          return r.fired(n.rule(), n.negated() ? r.apply(Neg.INSTANCE, other) : other);
        }
      }
    }
    return Patterns.identities(op, in, r, Rewrite.Family.NEUTRAL_ELEMENTS);
  }

  /**
   * Replaces an operand that is an explicit broadcast by its source, or a non-literal constant
   * holding one value by that number, when the operation's own broadcasting gives the same shape.
   */
  private static Node implicitBroadcast(Op op, List<Node> in, Shape out, Rewriting r) {
    List<Node> simpler = new ArrayList<>(in);
    boolean changed = false;
    for (int i = 0; i < 2; i++) {
      Node x = in.get(i);
      Node other = simpler.get(1 - i);
      Node candidate = null;
      Double u = r.uniformValue(x);
      if (u != null && !x.isLiteral()) {
        candidate = r.literal(u);
      } else if (is(x, BroadcastTo.class)) {
        candidate = arg(x, 0);
      }
      if (candidate != null && out.equals(broadcast(candidate.shape(), other.shape()))) {
        simpler.set(i, candidate);
        changed = true;
      }
    }
    return changed ? r.fired("implicit broadcasting", r.apply(op, simpler)) : null;
  }
}
