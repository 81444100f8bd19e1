package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeFactory;
import dev.chainrule.core.graph.NodeParts;

/**
 * Makes every graph's nodes, of the one concrete node class whose fluent methods ({@code
 * x.tanh()}) build this package's operations. Declared in the core jar's {@code
 * META-INF/services/dev.chainrule.core.graph.NodeFactory}, where the graph finds it; not for
 * direct use.
 */
public final class OpNodes implements NodeFactory {
  /** Creates the factory; Java's {@link java.util.ServiceLoader} calls it once. */
  public OpNodes() {}

  @Override
  public Node make(NodeParts parts) {
    return new OpNode(parts);
  }
}
