package dev.chainrule.core.rewrite;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/** How the copier creates nodes in the target graph: plainly, or through the rewrite rules. */
interface NodeFactory {
  /** Returns the graph nodes are created in. */
  Graph graph();

  /** Returns a scalar literal of the given value. */
  Node literal(double value);

  /** Returns a named constant holding {@code value}. */
  Node constant(String name, Tensor value);

  /** Returns a node computing {@code op} of {@code inputs}. */
  Node apply(Op op, List<Node> inputs);

  /** A factory that builds exactly what it is asked for. */
  static NodeFactory plain(Graph graph) {
    return new NodeFactory() {
      @Override
      public Graph graph() {
        return graph;
      }

      @Override
      public Node literal(double value) {
        return graph.scalar(value);
      }

      @Override
      public Node constant(String name, Tensor value) {
        return graph.constant(name, value);
      }

      @Override
      public Node apply(Op op, List<Node> inputs) {
        return graph.apply(op, inputs.toArray(new Node[0]));
      }
    };
  }
}
