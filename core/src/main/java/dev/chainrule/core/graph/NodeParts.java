package dev.chainrule.core.graph;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/**
 * What a {@link Graph} knows about the node it is adding, handed through the {@link NodeFactory}
 * to the node's constructor. Only a graph makes one (one per graph, filled again for each node, so
 * adding a node allocates nothing more), so no other code can make a node.
 */
public final class NodeParts {
  final Graph graph;
  int id;
  NodeKind kind;
  Op op;
  List<Node> inputs;
  Shape shape;
  Tensor value;
  String name;
  boolean userNamed;
  boolean literal;
  String site;
  Node derivativeOf;
  DType dtype;

  NodeParts(Graph graph) {
    this.graph = graph;
  }
}
