package dev.chainrule.core.rewrite;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.ops.Cast;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** How the copier creates nodes in the target graph: plainly, or through the rewrite rules. */
interface NodeFactory {
  /** Returns the graph nodes are created in. */
  Graph graph();

  /** Returns a scalar literal of the given value. */
  Node literal(double value);

  /** Returns a named constant holding {@code value}. */
  Node constant(String name, Tensor value);

  /** Hears that the copy of {@code original} is about to be built; the default ignores it. */
  default void copying(Node original) {
  }

  /** Returns a node computing {@code op} of {@code inputs}. */
  Node apply(Op op, List<Node> inputs);

  /**
   * Returns the value a copied parameter, held input or constant takes in {@link #graph()}: the
   * original's own tensor (shared), unless the factory converts the copy to another dtype.
   */
  default Tensor value(Tensor original) {
    return original;
  }

  /**
   * Returns the dtype an input, or a cut node, of the original takes in {@link #graph()}: its own,
   * unless the factory converts the copy to another dtype.
   */
  default DType dtypeOf(Node original) {
    return original.dtype();
  }

  /** A factory that builds exactly what it is asked for. */
  static NodeFactory plain(Graph graph) {
    return building(graph, UnaryOperator.identity(), UnaryOperator.identity(), Node::dtype);
  }

  /**
   * A factory that builds the same nodes in {@code graph}'s dtype: every parameter, held input and
   * constant converted to it (a copy, where the dtype differs), and every cast a cast to it, so
   * that the whole copy computes in that one dtype.
   */
  static NodeFactory converting(Graph graph) {
    DType dtype = graph.dtype();
    return building(graph, t -> t.to(dtype), op -> op instanceof Cast ? new Cast(dtype) : op,
        n -> dtype);
  }

  /**
   * A factory that builds in {@code graph}, with values and operations passed through maps and
   * the dtypes of inputs given by {@code dtypes}.
   */
  private static NodeFactory building(Graph graph, UnaryOperator<Tensor> values,
      UnaryOperator<Op> ops, Function<Node, DType> dtypes) {
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
        return graph.constant(name, value(value));
      }

      @Override
      public Node apply(Op op, List<Node> inputs) {
        return graph.apply(ops.apply(op), inputs.toArray(new Node[0]));
      }

      @Override
      public Tensor value(Tensor original) {
        return values.apply(original);
      }

      @Override
      public DType dtypeOf(Node original) {
        return dtypes.apply(original);
      }
    };
  }
}
