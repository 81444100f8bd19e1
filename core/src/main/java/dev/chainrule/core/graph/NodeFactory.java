package dev.chainrule.core.graph;

/**
 * What a {@link Graph} makes its nodes with. The node's fluent methods ({@code x.tanh()}) build
 * the operations of {@code dev.chainrule.core.graph.ops}, so the one concrete node class lives
 * there, and that package provides this factory through Java's {@link java.util.ServiceLoader},
 * declared in the core jar's {@code META-INF/services/dev.chainrule.core.graph.NodeFactory}: this
 * package names no operation, and the packages do not depend on each other both ways.
 */
public interface NodeFactory {
  /** Returns a new node made from {@code parts}, which its graph has just filled in. */
  Node make(NodeParts parts);
}
