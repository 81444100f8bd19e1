package dev.chainrule.core.graph;

/** What a node is: a placeholder fed at run time, a trainable parameter, a constant or an op. */
public enum NodeKind {
  /** A placeholder of declared shape whose value is fed when the graph runs (X, Y). */
  INPUT,
  /** A trainable value held by the node and updated in place by optimizers (W[1], b[1]). */
  PARAMETER,
  /** A fixed value: a tensor or a scalar literal. */
  CONSTANT,
  /** The result of an {@link Op} applied to other nodes. */
  OPERATION
}
