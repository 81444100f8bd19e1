package dev.chainrule.core.rewrite;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Hessian in the form the textbooks print: the backward pass is simplified first (fusions make
 * the logistic loss's gradient (1/m)·(A − Y)·Xᵀ), then differentiated forward along a symbolic
 * direction v, and the matrix of that Hessian-vector product is extracted ({@link
 * Autodiff#matrixOf}: a ∘ (B·v) becomes diag(a)·B) and simplified again, giving
 * (1/m)·X·diag(A ∘ (1 − A))·Xᵀ. Where the extraction does not apply, the Hessian assembled column
 * by column ({@link Autodiff#hessian}) is simplified instead; both compute the same numbers.
 * The gradient's names (dx, dZ) are dropped from the Hessian: a Hessian printed on its own defines
 * no dx, and the gradient of log Σ eˣ is the softmax itself, which the Hessian then writes
 * softmax(x), as the textbooks' diag(p) − p·pᵀ with p = softmax(x), not diag(dx).
 */
final class HessianForm {
  private HessianForm() {}

  /** Returns the simplified (n, n) Hessian of {@code loss} with respect to {@code wrt}. */
  static Rewritten of(Rewriter rewriter, Node loss, Node wrt) {
    RewrittenGradients pass = rewriter.gradients(loss, List.of(wrt), GradientForm.ADJOINTS);
    Graph g = pass.graph();
    Node w = pass.get(wrt);
    int n = wrt.shape().size();
    Node hessian = w == null
        ? g.constant("0", Tensor.zeros(Shape.of(n, n), wrt.dtype()))
        : extracted(pass, wrt, w);
    if (hessian == null) {
      hessian = Autodiff.hessian(pass.loss(), w).reshape(n, n);
    }
    Rewritten simple = rewriter.rewriteUnnaming(List.of(hessian), gradientNames(g, hessian));
    Map<Node, Node> map = new IdentityHashMap<>();
    pass.mapping().forEach((original, mid) -> {
      Node last = simple.get(mid);
      if (last != null) {
        map.put(original, last);
      }
    });
    Map<String, Integer> fired = new LinkedHashMap<>(pass.fired());
    simple.fired().forEach((k, c) -> fired.merge(k, c, Integer::sum));
    return new Rewritten(simple.graph(), simple.targets(), map, fired);
  }

  /** Returns the named gradient nodes (the first reverse pass's dx, dZ) the Hessian reads. */
  private static Set<Node> gradientNames(Graph g, Node hessian) {
    Set<Node> named = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int id = 0; id <= hessian.id(); id++) {
      Node n = g.node(id);
      if (n.isGradient() && n.isUserNamed()) {
        named.add(n);
      }
    }
    return named;
  }

  /**
   * Returns the matrix of the jvp of the simplified gradient along a symbolic direction, or null
   * when it cannot be extracted.
   */
  private static Node extracted(RewrittenGradients pass, Node wrt, Node w) {
    Node v = pass.graph().input("v", w.dtype(), wrt.shape().dims());
    return Autodiff.matrixOf(Autodiff.jvp(pass.gradient(wrt), w, v), v);
  }
}
