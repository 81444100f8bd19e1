package dev.chainrule.core.graph;

import java.util.List;

/**
 * How reverse mode joins the gradients that several nodes of one operation send to an input they
 * all read, where each node's own {@link Op#vjp} would give a gradient of the input's whole shape
 * to be summed: the parts of one split each put their gradient in their place between zeros, and
 * joined, they are one concat of the parts' gradients. An operation offers a join through {@link
 * Op#gradientJoin}; reverse mode groups the readers of an input whose joins are equal and asks
 * each group's join once, when every reader's gradient is known.
 */
public interface GradientJoin {
  /**
   * Returns the gradient, of the input's shape, that the nodes {@code outputs} send to their
   * input number {@code input} (one node, read by each of them there), given each one's upstream
   * gradient in {@code upstreams}, in the same order; built from graph operations, as a {@link
   * Op#vjp} is, and equal to the sum of the outputs' vector-Jacobian products.
   */
  Node vjp(List<Node> outputs, List<Node> upstreams, int input);
}
