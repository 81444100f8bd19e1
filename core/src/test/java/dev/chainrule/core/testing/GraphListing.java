package dev.chainrule.core.testing;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import java.util.stream.Collectors;

/** Prints a graph as a node list, one line per node, for readable test failures. */
public final class GraphListing {
  private GraphListing() {}

  /** Returns lines such as {@code #4 add_4 = add(#1, #3) (2, 3)}, forward nodes only by default. */
  public static String of(Graph g, boolean withGradients) {
    StringBuilder sb = new StringBuilder();
    for (Node n : g.nodes()) {
      if (n.isGradient() && !withGradients) {
        continue;
      }
      sb.append('#').append(n.id()).append(' ').append(n.name()).append(" = ");
      if (n.op() == null) {
        sb.append(n.kind().name().toLowerCase(java.util.Locale.ROOT));
      } else {
        sb.append(n.op().label()).append('(').append(n.inputs().stream()
            .map(i -> "#" + i.id()).collect(Collectors.joining(", "))).append(')');
      }
      sb.append(' ').append(n.shape()).append('\n');
    }
    return sb.toString();
  }
}
