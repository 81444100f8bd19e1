package dev.chainrule.core.check;

import dev.chainrule.core.graph.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a chain-rule trace the way seed 001 does: the target's chain multiplied up to the first
 * node where routes meet, then at that node the sum over its routes, each route as the error
 * arriving at the consumer times the local derivative, and each error as its own chain. A factor of
 * exactly 1 (E_total = E_o1 + E_o2) is merged into the next one, so ∂E_total/∂E_o1 ·
 * ∂E_o1/∂out_o1 reads ∂E_total/∂out_o1, and a route into the loss through such an edge is named
 * after the term it passes (∂E_o1/∂out_h1).
 */
final class TraceWalkthrough {
  private final ChainRuleTrace trace;
  private final NamedDag dag;
  private final Node loss;
  private final Node wrt;

  /**
   * One factor of a product: ∂top/∂bottom with its value.
   *
   * @param top the differentiated node
   * @param bottom the node differentiated against
   * @param value the factor's value
   */
  private record Factor(Node top, Node bottom, double value) {
    String label() {
      return "∂" + top.name() + "/∂" + bottom.name();
    }
  }

  TraceWalkthrough(ChainRuleTrace trace, NamedDag dag, Node loss, Node wrt) {
    this.trace = trace;
    this.dag = dag;
    this.loss = loss;
    this.wrt = wrt;
  }

  List<String> lines() {
    List<String> out = new ArrayList<>();
    if (wrt != loss && dag.consumers(wrt).isEmpty()) {
      out.add(loss.name() + " does not depend on " + wrt.name() + ": ∂" + loss.name() + "/∂"
          + wrt.name() + " = 0");
      return out;
    }
    Deque<Node> meetings = new ArrayDeque<>();
    List<Node> chain = chainUp(wrt);
    List<Factor> factors = down(chain);
    Node top = chain.get(chain.size() - 1);
    if (top != loss) {
      factors.add(0, new Factor(loss, top, trace.total(top)));
      meetings.add(top);
    }
    out.add(product(new Factor(loss, wrt, trace.total(wrt)), merged(factors)));
    Set<Node> explained = Collections.newSetFromMap(new IdentityHashMap<>());
    while (!meetings.isEmpty()) {
      Node u = meetings.poll();
      if (explained.add(u)) {
        meeting(u, out, meetings);
      }
    }
    return out;
  }

  /** Explains the total at a node where routes meet: the sum, then each route. */
  private void meeting(Node u, List<String> out, Deque<Node> meetings) {
    List<Factor> terms = new ArrayList<>();
    List<List<Factor>> routes = new ArrayList<>();
    for (Node c : dag.consumers(u)) {
      List<Node> chain = chainUp(c);
      List<Factor> route = down(chain);
      route.add(new Factor(c, u, dag.local(c, u)));
      Node top = chain.get(chain.size() - 1);
      Node named = loss;
      if (top != loss) {
        route.add(0, new Factor(loss, top, trace.total(top)));
        meetings.add(top);
      } else if (chain.size() >= 2 && route.get(0).value() == 1.0) {
        named = route.remove(0).bottom();
      }
      routes.add(route);
      terms.add(new Factor(named, u, product(route)));
    }
    out.add(sum(new Factor(loss, u, trace.total(u)), terms));
    for (int i = 0; i < routes.size(); i++) {
      List<Factor> route = merged(routes.get(i));
      Factor term = terms.get(i);
      if (route.size() <= 2) {
        out.add("  " + product(term, route));
        continue;
      }
      List<Factor> upper = route.subList(0, route.size() - 1);
      Factor last = route.get(route.size() - 1);
      Factor error = new Factor(term.top(), last.top(), product(upper));
      out.add("  " + product(term, List.of(error, last)));
      out.add("    " + product(error, upper));
    }
  }

  /** Returns [start, its consumer, …] up to the loss or to a node with several consumers. */
  private List<Node> chainUp(Node start) {
    List<Node> chain = new ArrayList<>(List.of(start));
    Node x = start;
    while (x != loss && dag.consumers(x).size() == 1) {
      x = dag.consumers(x).get(0);
      chain.add(x);
    }
    return chain;
  }

  /** Returns the edges of a chain from its top down to its start. */
  private List<Factor> down(List<Node> chain) {
    List<Factor> f = new ArrayList<>();
    for (int i = chain.size() - 1; i > 0; i--) {
      f.add(new Factor(chain.get(i), chain.get(i - 1), dag.local(chain.get(i), chain.get(i - 1))));
    }
    return f;
  }

  /** Merges each factor of exactly 1 into the next: ∂a/∂b · ∂b/∂c reads ∂a/∂c. */
  private static List<Factor> merged(List<Factor> factors) {
    List<Factor> out = new ArrayList<>(factors);
    for (int i = 0; i + 1 < out.size(); ) {
      if (out.get(i).value() == 1.0) {
        Factor next = out.remove(i + 1);
        out.set(i, new Factor(out.get(i).top(), next.bottom(), next.value()));
      } else {
        i++;
      }
    }
    return out;
  }

  private static double product(List<Factor> factors) {
    double p = 1;
    for (Factor f : factors) {
      p *= f.value();
    }
    return p;
  }

  private static String product(Factor result, List<Factor> factors) {
    if (factors.size() == 1 && factors.get(0).label().equals(result.label())) {
      return result.label() + " = " + number(result.value());
    }
    return result.label() + " = " + String.join(" · ", factors.stream().map(Factor::label)
        .toList()) + " = " + String.join(" × ", factors.stream().map(f -> number(f.value()))
        .toList()) + " = " + number(result.value());
  }

  private static String sum(Factor result, List<Factor> terms) {
    return result.label() + " = " + String.join(" + ", terms.stream().map(Factor::label)
        .toList()) + " = " + String.join(" + ", terms.stream().map(f -> number(f.value()))
        .toList()) + " = " + number(result.value());
  }

  /**
   * Formats a number as seed 001 prints its worked values: nine decimals without trailing zeros
   * (0.74136507, 0.082167041, -0.019049118), or nine significant digits below 1e-4.
   */
  static String number(double v) {
    if (v == 0) {
      return "0";
    }
    if (Math.abs(v) < 1e-4) {
      return String.format(Locale.ROOT, "%.9g", v);
    }
    String s = String.format(Locale.ROOT, "%.9f", v).replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
