package dev.chainrule.core.print;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.graph.ops.Div;
import dev.chainrule.core.graph.ops.MatMul;
import dev.chainrule.core.graph.ops.Mean;
import dev.chainrule.core.graph.ops.Mul;
import dev.chainrule.core.graph.ops.Neg;
import dev.chainrule.core.graph.ops.Sum;
import dev.chainrule.core.tensor.Shape;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which registered symbols a literal may be written as: those the graph ties it to, never
 * one whose value it merely equals. A symbol of value k is tied to a literal
 *
 * <ul>
 *   <li>when the literal averages k terms: it multiplies or divides a node that adds up k terms
 *       per element, a sum or a mean over k elements or a matrix product of inner dimension k (a
 *       loss written (1/m)·Σ L, the seeds' dW = (1/m)·dZ·Aᵀ and db = (1/m)·Σ dZ), or it was
 *       built differentiating a mean over k elements (dZ = (1/m)·(A − Y), a mean's gradient);
 *   <li>or when the literal's graph holds a scalar constant the user named as the symbol, holding
 *       k (λ = 0.1), whose value the backward pass folds into its numbers (rewritten copies keep
 *       such constants for this).
 * </ul>
 *
 * A literal 2 stays 2 beside a symbol m = 2 that counts nothing it comes from; numbers an operation
 * holds itself (an exponent, a clamp's bound) are never symbols.
 */
final class SymbolTies {
  private final Map<String, Double> symbols;
  private final Map<Graph, Map<String, Double>> constantsByGraph = new IdentityHashMap<>();

  SymbolTies(Map<String, Double> symbols) {
    this.symbols = symbols;
  }

  /**
   * Returns the symbols {@code literal} may be written as where {@code consumer} reads it (null for
   * a literal printed on its own), in registration order: those of its value or its reciprocal's
   * that the graph ties to it.
   */
  Map<String, Double> of(Node literal, Node consumer) {
    double v = Math.abs(literal.storedValue().item());
    Map<String, Double> tied = new LinkedHashMap<>();
    for (Map.Entry<String, Double> s : symbols.entrySet()) {
      double k = s.getValue();
      if ((v == k || v == 1.0 / k) && (gradientOfMean(literal, k)
          || readBesideCount(literal, consumer, k)
          || k == constants(literal.graph()).getOrDefault(s.getKey(), Double.NaN))) {
        tied.put(s.getKey(), k);
      }
    }
    return tied;
  }

  /** True for a literal built differentiating a mean over k elements. */
  private static boolean gradientOfMean(Node literal, double k) {
    Node forward = literal.derivativeOf();
    return forward != null && forward.op() instanceof Mean && counts(forward, k);
  }

  /** True when {@code consumer} multiplies or divides {@code literal} and a reduction over k. */
  private static boolean readBesideCount(Node literal, Node consumer, double k) {
    if (consumer == null || consumer.inputs().size() != 2 || !consumer.inputs().contains(literal)) {
      return false;
    }
    if (!(consumer.op() instanceof Mul) && !(consumer.op() instanceof Div)) {
      return false;
    }
    List<Node> in = consumer.inputs();
    return counts(in.get(0) == literal ? in.get(1) : in.get(0), k);
  }

  /**
   * True for a node that adds up k terms per element: a mean over k elements, a sum over k
   * elements or over an axis of size k (the samples of Σ L over samples and classes), or a matrix
   * product whose inner dimension is k (A·dZ sums over the m samples of a batch), or the negation
   * of one (−Σ L/m).
   */
  private static boolean counts(Node node, double k) {
    Node reduction = node;
    while (reduction != null && reduction.op() instanceof Neg) {
      reduction = reduction.inputs().get(0);
    }
    if (reduction == null || reduction.kind() != NodeKind.OPERATION) {
      return false;
    }
    Shape input = reduction.inputs().get(0).shape();
    if (reduction.op() instanceof Mean mean) {
      return mean.axes().count(input) == k;
    }
    if (reduction.op() instanceof Sum sum) {
      return sum.axes().count(input) == k
          || Arrays.stream(sum.axes().toArray()).anyMatch(axis -> input.dim(axis) == k);
    }
    return reduction.op() instanceof MatMul product && input.rank() >= 2
        && input.dim(input.rank() - (product.transposeA() ? 2 : 1)) == k;
  }

  /** Returns the user-named scalar constants of {@code graph} by name, found once per graph. */
  private Map<String, Double> constants(Graph graph) {
    return constantsByGraph.computeIfAbsent(graph, g -> {
      Map<String, Double> found = new HashMap<>();
      for (Node n : g.nodes()) {
        if (n.kind() == NodeKind.CONSTANT && !n.isLiteral() && n.shape().size() == 1) {
          found.put(n.name(), n.storedValue().item());
        }
      }
      return found;
    });
  }
}
