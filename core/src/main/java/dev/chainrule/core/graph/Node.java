package dev.chainrule.core.graph;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/**
 * A vertex of a computation graph: an input, a parameter, a constant, or an operation applied to
 * earlier nodes. Nodes are created only after their inputs, so creation order is a topological
 * order. A node carries the user's name for it (Z[1], A[1], W[2]) or a readable default, its shape,
 * the name scope it was built in, and the line of user code that built it. The arithmetic and
 * activation methods are declared in {@link NodeAlgebra} and implemented by the one concrete node
 * class, in {@code dev.chainrule.core.graph.ops} beside the operations they build; only a {@link
 * Graph} makes nodes, through the {@link NodeFactory} that package provides.
 */
public abstract class Node extends NodeAlgebra {
  private final Graph graph;
  private final int id;
  private final NodeKind kind;
  private final Op op;
  private final List<Node> inputs;
  private final Shape shape;
  private final Tensor value;
  private final String scope;
  private final String site;
  private final int gradientPass;
  private final boolean literal;
  private final Node derivativeOf;
  private final DType dtype;
  private String name;
  private boolean userNamed;
  private Tensor heldValue;

  /**
   * Makes the node a graph is adding, from the parts the graph filled in; only a {@link Graph}
   * holds parts, so only a graph makes nodes.
   */
  protected Node(NodeParts parts) {
    this.graph = parts.graph;
    this.id = parts.id;
    this.kind = parts.kind;
    this.op = parts.op;
    this.inputs = parts.inputs;
    this.shape = parts.shape;
    this.value = parts.value;
    this.name = parts.name;
    this.userNamed = parts.userNamed;
    this.literal = parts.literal;
    this.scope = graph.currentScope();
    this.site = parts.site;
    this.gradientPass = graph.currentGradientPass();
    this.derivativeOf = parts.derivativeOf;
    this.dtype = parts.dtype;
  }

  @Override
  final Node self() {
    return this;
  }

  /**
   * Returns the shape error of building {@code op} on this node: its name and shape, {@code
   * reason} and the user's line. For the methods that build operations.
   */
  protected final ShapeException shapeError(String op, String reason) {
    return graph.shapeError(op, List.of(this), reason);
  }

  /** Returns the graph this node belongs to. */
  @Override
  public final Graph graph() {
    return graph;
  }

  /** Returns the node's position in its graph's creation (topological) order. */
  public final int id() {
    return id;
  }

  /** Returns what kind of node this is. */
  public final NodeKind kind() {
    return kind;
  }

  /** Returns the operation that computes this node, or null for inputs, parameters, constants. */
  public final Op op() {
    return op;
  }

  /** Returns the nodes this one is computed from, in the operation's argument order. */
  public final List<Node> inputs() {
    return inputs;
  }

  /** Returns the node's shape, known from the moment it is built. */
  public final Shape shape() {
    return shape;
  }

  /**
   * Returns the dtype of the node's values: its graph's, except downstream of a {@link #cast} to
   * another dtype.
   */
  public final DType dtype() {
    return dtype;
  }

  /**
   * Returns this node's values in {@code dtype} (float64 to float32 rounds to the nearest float):
   * the one way to mix dtypes in a graph.
   */
  public abstract Node cast(DType dtype);

  /**
   * Returns the user's name for the node, or the readable default such as {@code matmul_4}
   * (formed on request, so that millions of unnamed nodes hold no name strings).
   */
  public final String name() {
    return name != null ? name : op.name() + "_" + id;
  }

  /** Returns true when the user (or a layer acting for the user) named this node. */
  public final boolean isUserNamed() {
    return userNamed;
  }

  /**
   * Names this node, e.g. {@code "Z[1]"}, and returns it; the name is used in formulas, pictures
   * and error messages. Modifies this node.
   */
  public final Node named(String newName) {
    if (newName == null || newName.isBlank()) {
      throw new IllegalArgumentException("a node name must not be blank; got '" + newName
          + "' for node " + name());
    }
    this.name = newName;
    this.userNamed = true;
    return this;
  }

  /** Returns the name scope (such as a layer's name) the node was built in, or "" for none. */
  public final String scope() {
    return scope;
  }

  /**
   * Returns the user code line that built this node (for a gradient node, the line that asked for
   * the gradient), or null when recording was off.
   */
  public final String site() {
    return site;
  }

  /** Returns 0 for a forward node, or k for a node built by the k-th gradient pass. */
  public final int gradientPass() {
    return gradientPass;
  }

  /**
   * Returns, for a node of a gradient pass, the node whose local derivative (or whose sum of
   * incoming gradients) built it, e.g. the sigmoid for the σ(1 − σ) factor of its derivative; null
   * for forward nodes and for the seed of a pass. Error reports use it to point from a backward
   * node to the forward operation and user line it differentiates.
   */
  public final Node derivativeOf() {
    return derivativeOf;
  }

  /** Returns true for nodes built by a gradient pass: the backward part of the graph. */
  public final boolean isGradient() {
    return gradientPass > 0;
  }

  /** Returns true for a scalar literal such as the 2 in {@code x·2}, written as its number. */
  public final boolean isLiteral() {
    return literal;
  }

  /** Returns true for a trainable parameter. */
  public final boolean isParameter() {
    return kind == NodeKind.PARAMETER;
  }

  /** Returns true for a placeholder fed at run time. */
  public final boolean isInput() {
    return kind == NodeKind.INPUT;
  }

  /** Returns true for a constant or a literal. */
  public final boolean isConstant() {
    return kind == NodeKind.CONSTANT;
  }

  /**
   * Returns the tensor a parameter or constant holds (a parameter's is live: optimizers update it
   * in place), or null for inputs and operations.
   */
  public final Tensor storedValue() {
    return value;
  }

  /** Returns the value an input holds for interactive evaluation, or null when none was set. */
  public final Tensor heldValue() {
    return heldValue;
  }

  /**
   * Sets the value this input holds for interactive evaluation with {@link #value()}; explicit
   * feeds still take precedence. Modifies this node.
   */
  public final Node hold(Tensor v) {
    if (kind != NodeKind.INPUT) {
      throw new IllegalStateException("hold() sets the value of an input, but " + name() + " is a "
          + kind.name().toLowerCase(java.util.Locale.ROOT));
    }
    if (!v.shape().equals(shape)) {
      throw new ShapeException("input " + name() + " is declared with shape " + shape
          + " but was given a value of shape " + v.shape() + " at " + CreationSite.here());
    }
    if (v.dtype() != dtype) {
      throw new DTypeException("input " + name() + " is " + dtype + " but was given a "
          + v.dtype() + " value; hold v.to(DType." + dtype.name() + ") (at " + CreationSite.here()
          + ")");
    }
    this.heldValue = v;
    return this;
  }

  /**
   * Evaluates this node now and returns its value: the interactive path, run by the {@link
   * Evaluator} the executor installs (it compiles a plan for this node). Inputs use the values set
   * with {@link #hold}; to run a graph many times, compile a plan once and give it feeds.
   */
  public final Tensor value() {
    if (kind == NodeKind.PARAMETER || kind == NodeKind.CONSTANT) {
      return value;
    }
    return Installed.evaluator().evaluate(this);
  }

  /** Returns the name, operation and shape, e.g. {@code Z[1] = add (4, 5)}. */
  @Override
  public final String toString() {
    String what = op != null ? op.name() : kind.name().toLowerCase(java.util.Locale.ROOT);
    return name() + " = " + what + " " + shape;
  }
}
