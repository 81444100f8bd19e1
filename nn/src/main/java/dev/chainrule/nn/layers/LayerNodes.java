package dev.chainrule.nn.layers;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * How the layers name what they build: every node inside the graph scope of the layer's {@link
 * Layer#name()}, the output A[l] (and Z[l] where there is a linear part), the parameters W[l] and
 * b[l].
 */
final class LayerNodes {
  private LayerNodes() {}

  /**
   * Returns the output of a layer without a separate linear part (a pool, a flatten, dropout,
   * batch norm): {@code body} applied to {@code x} inside the scope of {@code layer}, named A[l]
   * for the layer's position l, standing for both Z and A.
   */
  static LayerOutput activation(ShapedLayer layer, Node x, UnaryOperator<Node> body) {
    Graph g = x.graph();
    try (Graph.Scope scope = g.scope(layer.name())) {
      Node a = body.apply(x).named("A[" + layer.index() + "]");
      return new LayerOutput(a, a);
    }
  }

  /**
   * Returns the output of an affine layer built inside the scope of {@code layer}: {@code weights}
   * and {@code biases} as the parameter nodes W[l] and b[l] of its position l = {@code index},
   * Z[l] = {@code product}(W[l], {@code x}) + b[l], then A[l] as {@link #activated} gives it.
   */
  static LayerOutput affine(Layer layer, int index, Node x, Tensor weights, Tensor biases,
      Activation activation, Layout layout, BinaryOperator<Node> product) {
    return affine(layer, index, x, weights, biases, activation, layout, product,
        UnaryOperator.identity());
  }

  /**
   * Returns the output of an affine layer as {@link #affine(Layer, int, Node, Tensor, Tensor,
   * Activation, Layout, BinaryOperator)} does, with Z[l] = {@code unfold}({@code product}(W[l],
   * {@code x}) + b[l]): the sum reshaped back to the layer's output (a dense layer applied to
   * every step, whose product runs on the steps moved next to the samples).
   */
  static LayerOutput affine(Layer layer, int index, Node x, Tensor weights, Tensor biases,
      Activation activation, Layout layout, BinaryOperator<Node> product,
      UnaryOperator<Node> unfold) {
    Graph g = x.graph();
    try (Graph.Scope scope = g.scope(layer.name())) {
      Node w = g.parameter("W[" + index + "]", weights);
      Node b = g.parameter("b[" + index + "]", biases);
      Node z = unfold.apply(product.apply(w, x).add(b)).named("Z[" + index + "]");
      return activated(index, z, activation, layout);
    }
  }

  /**
   * Returns Z[{@code index}] = {@code z} and A = g(Z) for the {@code activation} g computed in
   * {@code layout}: Z itself for the identity, else a node named A[{@code index}].
   */
  static LayerOutput activated(int index, Node z, Activation activation, Layout layout) {
    if (activation.kind() == Activation.Kind.IDENTITY) {
      return new LayerOutput(z, z);
    }
    return new LayerOutput(z, activation.apply(z, layout).named("A[" + index + "]"));
  }

  /** Returns the parameters W[{@code index}] and b[{@code index}] of an affine layer, in order. */
  static List<Parameter> weightsAndBiases(int index, Tensor weights, Tensor biases) {
    return List.of(new Parameter("W[" + index + "]", weights),
        new Parameter("b[" + index + "]", biases));
  }
}
