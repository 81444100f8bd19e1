package dev.chainrule.core.rewrite;

import static dev.chainrule.core.rewrite.Patterns.arg;
import static dev.chainrule.core.rewrite.Patterns.broadcast;
import static dev.chainrule.core.rewrite.Patterns.is;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.ops.Add;
import dev.chainrule.core.graph.ops.BroadcastTo;
import dev.chainrule.core.graph.ops.Div;
import dev.chainrule.core.graph.ops.Identity;
import dev.chainrule.core.graph.ops.Mul;
import dev.chainrule.core.graph.ops.Neg;
import dev.chainrule.core.graph.ops.Reshape;
import dev.chainrule.core.graph.ops.Sub;
import dev.chainrule.core.graph.ops.Transpose;
import dev.chainrule.core.tensor.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Identities that remove work: x + 0, x − 0, x·1, x/1 → x; 0 − x → −x; x·(−1) → −x; −(−x) → x;
 * (Aᵀ)ᵀ → A; a reshape or broadcast to the shape a tensor already has, or of a reshape, and an
 * unnamed identity are dropped. An operand that is an explicit broadcast, or a constant holding one
 * value, is replaced by its source or that number when implicit broadcasting gives the same shape.
 * Each applies only when the result keeps the shape of the node it replaces.
 */
final class NeutralElements implements Rule {
  @Override
  public String name() {
    return "neutral elements";
  }

  @Override
  public Node rewrite(Op op, List<Node> in, Rewriting r) {
    if (op == Add.INSTANCE || op == Sub.INSTANCE || op == Mul.INSTANCE || op == Div.INSTANCE) {
      Shape out = op.inferShape(List.of(in.get(0).shape(), in.get(1).shape()));
      Node implicit = implicitBroadcast(op, in, out, r);
      return implicit != null ? implicit : arithmetic(op, in.get(0), in.get(1), out, r);
    }
    if (op == Neg.INSTANCE && is(in.get(0), Neg.INSTANCE)) {
      return r.fired("−(−x) → x", arg(in.get(0), 0));
    }
    if (op == Identity.INSTANCE) {
      return r.fired("identity dropped", in.get(0));
    }
    if ((op instanceof Reshape || op instanceof BroadcastTo)
        && in.get(0).shape().equals(op.inferShape(List.of(in.get(0).shape())))) {
      return r.fired(op.name() + " to its own shape dropped", in.get(0));
    }
    if (op instanceof Reshape && is(in.get(0), Reshape.class)) {
      return r.fired("reshape of a reshape merged", r.apply(op, arg(in.get(0), 0)));
    }
    if (op instanceof Transpose t) {
      return transpose(t, in.get(0), r);
    }
    return null;
  }

  private static Node transpose(Transpose t, Node x, Rewriting r) {
    int[] perm = t.permutation();
    if (isIdentity(perm)) {
      return r.fired("transpose by the identity dropped", x);
    }
    if (is(x, Transpose.class)) {
      int[] inner = ((Transpose) x.op()).permutation();
      int[] composed = new int[perm.length];
      for (int i = 0; i < perm.length; i++) {
        composed[i] = inner[perm[i]];
      }
      Node source = arg(x, 0);
      return r.fired("(Aᵀ)ᵀ → A", isIdentity(composed) ? source
          : r.apply(new Transpose(composed), source));
    }
    return null;
  }

  private static boolean isIdentity(int[] perm) {
    for (int i = 0; i < perm.length; i++) {
      if (perm[i] != i) {
        return false;
      }
    }
    return true;
  }

  private static Node arithmetic(Op op, Node a, Node b, Shape out, Rewriting r) {
    Double ua = r.uniformValue(a);
    Double ub = r.uniformValue(b);
    boolean keepsA = a.shape().equals(out);
    boolean keepsB = b.shape().equals(out);
    if (op == Add.INSTANCE) {
      if (holds(ub, 0) && keepsA) {
        return r.fired("x + 0 → x", a);
      }
      if (holds(ua, 0) && keepsB) {
        return r.fired("0 + x → x", b);
      }
    } else if (op == Sub.INSTANCE) {
      if (holds(ub, 0) && keepsA) {
        return r.fired("x − 0 → x", a);
      }
      if (holds(ua, 0) && keepsB) {
        return r.fired("0 − x → −x", r.apply(Neg.INSTANCE, b));
      }
    } else if (op == Mul.INSTANCE) {
      if (holds(ub, 1) && keepsA) {
        return r.fired("x·1 → x", a);
      }
      if (holds(ua, 1) && keepsB) {
        return r.fired("1·x → x", b);
      }
      if (holds(ub, -1) && keepsA) {
        return r.fired("x·(−1) → −x", r.apply(Neg.INSTANCE, a));
      }
      if (holds(ua, -1) && keepsB) {
        return r.fired("(−1)·x → −x", r.apply(Neg.INSTANCE, b));
      }
    } else if (holds(ub, 1) && keepsA) {
      return r.fired("x/1 → x", a);
    }
    return null;
  }

  private static boolean holds(Double uniform, double value) {
    return uniform != null && uniform == value;
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
