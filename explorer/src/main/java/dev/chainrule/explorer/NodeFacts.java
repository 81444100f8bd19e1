package dev.chainrule.explorer;

import dev.chainrule.core.autodiff.Gradients;
import dev.chainrule.core.exec.FeedException;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.print.FormulaPrinter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the node panel shows about every node of one graph, keyed by the node's id in the pictures
 * ({@code n} and the graph's node id, as core's DOT export names nodes): name, kind, operation,
 * shape, scope, the formula that defines it as Unicode text and as LaTeX, the statistics of its
 * value and of its gradient (the gradient of the loss with respect to it), and the line of user
 * code that built it. All values come from one evaluation of the graph.
 */
final class NodeFacts {
  private NodeFacts() {}

  /**
   * Returns the facts of {@code targets} and all their ancestors; {@code gradients} (may be null)
   * supplies each forward node's gradient; values are computed with {@code feeds}, and when an
   * input has no value, the facts hold no statistics and {@code "valuesMissing"} says why.
   */
  static Map<String, Object> of(Collection<Node> targets, Feeds feeds, Gradients gradients,
      Map<String, Double> symbols) {
    List<Node> nodes = ancestors(targets);
    FormulaPrinter text = FormulaPrinter.unicode();
    FormulaPrinter latex = FormulaPrinter.latex();
    for (Map.Entry<String, Double> s : symbols.entrySet()) {
      text = text.withSymbol(s.getKey(), s.getValue());
      latex = latex.withSymbol(s.getKey(), s.getValue());
    }
    Map<Node, Node> adjoints = new IdentityHashMap<>();
    List<Node> evaluated = new ArrayList<>();
    for (Node n : nodes) {
      if (n.isLiteral()) {
        continue;
      }
      evaluated.add(n);
      Node adjoint = gradients == null || n.isGradient() ? null : gradients.adjoint(n);
      if (adjoint != null) {
        adjoints.put(n, adjoint);
        evaluated.add(adjoint);
      }
    }
    Results results = null;
    String missing = null;
    try {
      Plan plan = Plan.compile(evaluated);
      results = plan.run(feeds == null ? Feeds.none() : feeds.usedBy(plan));
    } catch (FeedException e) {
      missing = e.getMessage();
    }
    Map<String, Object> facts = new TreeMap<>();
    for (Node n : nodes) {
      Map<String, Object> f = describe(n, text, latex);
      if (results != null && !n.isLiteral()) {
        f.put("value", Statistics.of(results.get(n)).json());
        Node adjoint = adjoints.get(n);
        if (adjoint != null) {
          f.put("gradient", Statistics.of(results.get(adjoint)).json());
          f.put("gradientName", adjoint.name());
        }
      }
      facts.put("n" + n.id(), f);
    }
    Map<String, Object> graph = new LinkedHashMap<>();
    graph.put("nodes", facts);
    graph.put("valuesMissing", missing);
    return graph;
  }

  private static Map<String, Object> describe(Node n, FormulaPrinter text, FormulaPrinter latex) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("name", n.name());
    f.put("kind", n.isGradient() ? "gradient" : n.kind().name().toLowerCase(Locale.ROOT));
    f.put("op", n.op() == null ? null : n.op().name());
    f.put("label", n.op() == null ? null : n.op().label());
    f.put("shape", n.shape().toString());
    f.put("scope", n.scope());
    if (n.op() != null) {
      f.put("formula", text.equation(n));
      f.put("latex", latex.equation(n));
    }
    if (n.derivativeOf() != null) {
      f.put("derivativeOf", n.derivativeOf().name());
    }
    f.put("site", n.site());
    return f;
  }

  /** Returns the targets and every node they are computed from, in id order. */
  static List<Node> ancestors(Collection<Node> targets) {
    Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Node> todo = new ArrayDeque<>(targets);
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      if (seen.add(n)) {
        todo.addAll(n.inputs());
      }
    }
    List<Node> out = new ArrayList<>(seen);
    out.sort((a, b) -> Integer.compare(a.id(), b.id()));
    return out;
  }
}
