package dev.chainrule.core.print;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
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
      if ((v == k || v == 1.0 / k) && (gradientOfCount(literal, k)
          || readBesideCount(literal, consumer, k)
          || k == constants(literal.graph()).getOrDefault(s.getKey(), Double.NaN))) {
        tied.put(s.getKey(), k);
      }
    }
    return tied;
  }

  /** True for a literal built differentiating an operation that adds up k terms (a mean). */
  private static boolean gradientOfCount(Node literal, double k) {
    Node forward = literal.derivativeOf();
    return forward != null && counts(forward, k);
  }

  /**
   * True when {@code consumer} is a product or quotient of {@code literal} and what adds up k
   * terms: a binary operation linear in the operand beside the literal (c·Σ, Σ/c).
   */
  private static boolean readBesideCount(Node literal, Node consumer, double k) {
    if (consumer == null || consumer.inputs().size() != 2 || !consumer.inputs().contains(literal)) {
      return false;
    }
    int other = consumer.inputs().get(0) == literal ? 1 : 0;
    return consumer.op().algebra().linear(other) && counts(consumer.inputs().get(other), k);
  }

  /** True for an operation node that adds up k terms per element ({@code Op.addsUp}). */
  private static boolean counts(Node node, double k) {
    return node.kind() == NodeKind.OPERATION && node.op().addsUp(node, k);
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
