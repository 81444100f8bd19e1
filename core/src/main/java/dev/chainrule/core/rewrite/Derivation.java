package dev.chainrule.core.rewrite;

import static dev.chainrule.core.rewrite.Patterns.arg;
import static dev.chainrule.core.rewrite.Patterns.computedBy;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.autodiff.Gradients;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ops.Div;
import dev.chainrule.core.graph.ops.Mean;
import dev.chainrule.core.graph.ops.Mul;
import dev.chainrule.core.graph.ops.Neg;
import dev.chainrule.core.graph.ops.Sum;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reverse mode run on the fused forward graph, in one of the two {@link GradientForm}s. For the
 * per-sample form the loss J = c·S is split into its batch factor c (the 1/m of a mean, or a
 * factor 1/k in front of a sum over an axis of size k) and the summed loss S; S is differentiated,
 * and each parameter gradient is c times S's, so the 1/m appears exactly once, in dW and db.
 *
 * @param pass the reverse pass whose adjoints name dZ, dA, …
 * @param gradients one gradient node per target, named d&lt;target&gt;
 * @param unnamed the nodes whose names the simplified copy must drop (S's own parameter gradients)
 * @param factor the batch factor c (whatever the form), or 1 when the loss is not a batch mean
 */
record Derivation(Gradients pass, List<Node> gradients, Set<Node> unnamed, double factor) {
  static Derivation derive(Node loss, List<Node> wrt, GradientForm form) {
    Peeled p = peel(loss);
    if (form == GradientForm.ADJOINTS || p == null) {
      Gradients pass = Autodiff.gradients(loss, wrt);
      return new Derivation(pass, pass.list(), Set.of(), p == null ? 1.0 : p.factor);
    }
    Gradients pass = Autodiff.gradients(p.summed, wrt);
    Graph g = loss.graph();
    List<Node> gradients = new ArrayList<>();
    Set<Node> unnamed = new HashSet<>();
    try (Graph.Scope backward = g.inheriting(pass.list().isEmpty() ? loss : pass.list().get(0))) {
      for (int i = 0; i < wrt.size(); i++) {
        Node summed = pass.list().get(i);
        unnamed.add(summed);
        gradients.add(g.scalar(p.factor).mul(summed).named("d" + wrt.get(i).name()));
      }
    }
    return new Derivation(pass, gradients, unnamed, p.factor);
  }

  private record Peeled(double factor, Node summed) {}

  /** Splits J = c·S; returns null when J has no batch factor in front. */
  private static Peeled peel(Node loss) {
    Node n = loss;
    double factor = 1.0;
    boolean negated = false;
    while (true) {
      if (computedBy(n, Neg.INSTANCE)) {
        negated = !negated;
        n = arg(n, 0);
      } else if (computedBy(n, Mean.class)) {
        Mean m = (Mean) n.op();
        factor /= m.axes().count(arg(n, 0).shape());
        n = arg(n, 0).graph().apply(new Sum(m.axes()), arg(n, 0));
      } else if (computedBy(n, Mul.INSTANCE) && batchFactor(arg(n, 0), arg(n, 1))) {
        factor *= arg(n, 0).storedValue().item();
        n = arg(n, 1);
      } else if (computedBy(n, Mul.INSTANCE) && batchFactor(arg(n, 1), arg(n, 0))) {
        factor *= arg(n, 1).storedValue().item();
        n = arg(n, 0);
      } else if (computedBy(n, Div.INSTANCE) && arg(n, 1).isLiteral()
          && batchFactor(1.0 / arg(n, 1).storedValue().item(), arg(n, 0))) {
        factor /= arg(n, 1).storedValue().item();
        n = arg(n, 0);
      } else {
        break;
      }
    }
    if (factor == 1.0) {
      return null;
    }
    return new Peeled(factor, negated ? n.neg() : n);
  }

  private static boolean batchFactor(Node literal, Node summed) {
    return literal.isLiteral() && batchFactor(literal.storedValue().item(), summed);
  }

  /** True for a factor ±1/k in front of a sum over an axis of size k. */
  private static boolean batchFactor(double c, Node summed) {
    if (c == 0 || !computedBy(summed, Sum.class)) {
      return false;
    }
    double k = 1.0 / Math.abs(c);
    if (k < 2 || k != Math.rint(k)) {
      return false;
    }
    Node x = arg(summed, 0);
    for (int axis : ((Sum) summed.op()).axes().toArray()) {
      if (x.shape().dim(axis) == k) {
        return true;
      }
    }
    return false;
  }
}
