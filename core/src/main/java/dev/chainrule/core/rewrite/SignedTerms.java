package dev.chainrule.core.rewrite;

import static dev.chainrule.core.rewrite.Patterns.arg;
import static dev.chainrule.core.rewrite.Patterns.computedBy;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ops.Add;
import dev.chainrule.core.graph.ops.Neg;
import dev.chainrule.core.graph.ops.Sub;
import java.util.ArrayList;
import java.util.List;

/**
 * A sum read as signed terms through +, − and unary −: a − (b − c) is the terms a, b, c with the
 * signs +1, −1, +1.
 *
 * @param nodes the terms
 * @param signs each term's sign, ±1
 */
record SignedTerms(List<Node> nodes, List<Double> signs) {
  /** Returns the terms of {@code a + b} or {@code a − b}. */
  static SignedTerms of(Node a, Node b, boolean subtract) {
    SignedTerms t = new SignedTerms(new ArrayList<>(), new ArrayList<>());
    t.flatten(a, 1);
    t.flatten(b, subtract ? -1 : 1);
    return t;
  }

  private void flatten(Node n, double sign) {
    if (computedBy(n, Add.INSTANCE) || computedBy(n, Sub.INSTANCE)) {
      flatten(arg(n, 0), sign);
      flatten(arg(n, 1), computedBy(n, Sub.INSTANCE) ? -sign : sign);
    } else if (computedBy(n, Neg.INSTANCE)) {
      flatten(arg(n, 0), -sign);
    } else {
      nodes.add(n);
      signs.add(sign);
    }
  }
}
