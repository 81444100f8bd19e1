package dev.chainrule.core.rewrite;

import static dev.chainrule.core.rewrite.Patterns.arg;
import static dev.chainrule.core.rewrite.Patterns.computedBy;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.ops.Axes;
import dev.chainrule.core.graph.ops.Div;
import dev.chainrule.core.graph.ops.Exp;
import dev.chainrule.core.graph.ops.LogSoftmax;
import dev.chainrule.core.graph.ops.LogSumExp;
import dev.chainrule.core.graph.ops.Mul;
import dev.chainrule.core.graph.ops.Reshape;
import dev.chainrule.core.graph.ops.Softmax;
import dev.chainrule.core.graph.ops.Sub;
import dev.chainrule.core.graph.ops.Sum;
import dev.chainrule.core.tensor.Shape;
import java.util.List;

/**
 * The softmax written out → softmax(z), in the forms a hand-written softmax and the derivatives of
 * the log-sum-exp take: e^z / Σ e^z and (1/Σ e^z) ∘ e^z, e^(z − logsumexp(z)) and
 * e^(logsoftmax(z)). The sum or log-sum-exp must run over one axis of more than one element (any
 * others of size 1) and broadcast back along it, so the gradient of log Σ e^x prints softmax(x),
 * as the textbooks write it. The fused softmax is computed stably.
 */
final class SoftmaxFusion implements Rule {
  @Override
  public String name() {
    return "softmax fusion";
  }

  @Override
  public Node rewrite(Op op, List<Node> in, Rewriting r) {
    Integer axis = null;
    Node z = null;
    if (op == Exp.INSTANCE) {
      Node a = in.get(0);
      if (computedBy(a, LogSoftmax.class)) {
        z = arg(a, 0);
        axis = ((LogSoftmax) a.op()).axis();
      } else if (computedBy(a, Sub.INSTANCE)) {
        z = arg(a, 0);
        axis = normalisingAxis(arg(a, 1), arg(a, 1), LogSumExp.class, z);
      }
    } else if (op == Div.INSTANCE && computedBy(in.get(0), Exp.INSTANCE)) {
      z = arg(in.get(0), 0);
      axis = normalisingAxis(in.get(1), in.get(1), Sum.class, in.get(0));
    } else if (op == Mul.INSTANCE) {
      for (int i = 0; i < 2 && axis == null; i++) {
        Node e = in.get(i);
        Node used = in.get(1 - i);
        Node reciprocal = unreshaped(used);
        if (computedBy(e, Exp.INSTANCE) && computedBy(reciprocal, Div.INSTANCE)
            && isOne(arg(reciprocal, 0))) {
          z = arg(e, 0);
          axis = normalisingAxis(used, arg(reciprocal, 1), Sum.class, e);
        }
      }
    }
    if (axis == null) {
      return null;
    }
    return r.fired("softmax written out → softmax", r.apply(new Softmax(axis), z));
  }

  private static boolean isOne(Node n) {
    return n.isLiteral() && n.storedValue().item() == 1.0;
  }

  /** Returns {@code n} without the reshapes around it: they keep the order of the elements. */
  private static Node unreshaped(Node n) {
    while (computedBy(n, Reshape.class)) {
      n = arg(n, 0);
    }
    return n;
  }

  /**
   * Returns the axis k when {@code reduced} is {@code reduction} (a sum or log-sum-exp, perhaps
   * reshaped) of {@code x} over axis k and axes of size 1, and {@code used}, the node computed
   * from it that meets x, is shaped so that it broadcasts back along those axes; else null.
   */
  private static Integer normalisingAxis(Node used, Node reduced, Class<? extends Op> reduction,
      Node x) {
    Node n = unreshaped(reduced);
    if (!computedBy(n, reduction) || arg(n, 0) != x) {
      return null;
    }
    Axes axes = n.op() instanceof Sum s ? s.axes() : ((LogSumExp) n.op()).axes();
    Shape shape = x.shape();
    if (!leftPadded(used.shape(), shape.rank()).equals(axes.kept(shape))) {
      return null;
    }
    Integer axis = null;
    for (int a : axes.toArray()) {
      if (shape.dim(a) > 1) {
        if (axis != null) {
          return null;
        }
        axis = a;
      }
    }
    return axis;
  }

  /** Returns {@code s} with leading axes of size 1 added up to {@code rank}, as broadcasting reads it. */
  private static Shape leftPadded(Shape s, int rank) {
    if (s.rank() > rank) {
      return s;
    }
    int[] dims = new int[rank];
    java.util.Arrays.fill(dims, 1);
    System.arraycopy(s.dims(), 0, dims, rank - s.rank(), s.rank());
    return Shape.of(dims);
  }
}
