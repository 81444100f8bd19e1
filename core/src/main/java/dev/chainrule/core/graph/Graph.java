package dev.chainrule.core.graph;

import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorFormat;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * A computation graph under construction: the factory of inputs, parameters and constants, and the
 * place where every operation is checked and recorded. Nodes are appended in creation order, which
 * is a topological order, so no algorithm over the graph needs recursion. Not thread-safe while
 * being built; a finished graph can be run from many threads through a compiled plan.
 */
public final class Graph {
  /** The context key of scalar literals in {@link SiteSampler}, apart from named constants. */
  private static final Object LITERAL = "literal";

  private final List<Node> nodes = new ArrayList<>();
  private final List<Node> view = Collections.unmodifiableList(nodes);
  private final Deque<String> scopes = new ArrayDeque<>();
  private int gradientPasses;
  private int activePass;
  private String passSite;
  private Node provenance;
  private Node differentiating;

  /** Returns a placeholder of the given shape, fed with a value each time the graph runs. */
  public Node input(String name, int... dims) {
    return add(NodeKind.INPUT, null, List.of(), Shape.of(dims), null, name, false);
  }

  /** Returns a placeholder of the given shape that already holds a value for interactive use. */
  public Node input(String name, Tensor held) {
    return input(name, held.shape().dims()).hold(held);
  }

  /**
   * Returns a trainable parameter holding {@code value} itself, not a copy: optimizers update that
   * tensor in place, and graphs built for other batch sizes can share it. A value holding NaN is
   * refused.
   */
  public Node parameter(String name, Tensor value) {
    checkValue("parameter", name, value);
    return add(NodeKind.PARAMETER, null, List.of(), value.shape(), value, name, false);
  }

  /** Returns a named constant holding {@code value}, which must not hold NaN (±∞ are allowed). */
  public Node constant(String name, Tensor value) {
    checkValue("constant", name, value);
    return add(NodeKind.CONSTANT, null, List.of(), value.shape(), value, name, false);
  }

  /**
   * Returns a scalar literal, written as its number in formulas (the 2 in 2·x); NaN is refused,
   * ±∞ allowed.
   */
  public Node scalar(double value) {
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException("a scalar in a formula must be a number, got NaN (at "
          + CreationSite.here() + ")");
    }
    return add(NodeKind.CONSTANT, null, List.of(), Shape.scalar(), Tensor.scalar(value),
        TensorFormat.number(value), true);
  }

  /** Refuses a missing value or one holding NaN, which would only ever compute NaN. */
  private static void checkValue(String kind, String name, Tensor value) {
    if (value == null) {
      throw new IllegalArgumentException(kind + " " + name + " needs a tensor, got null (at "
          + CreationSite.here() + ")");
    }
    double[] d = value.buffer();
    for (int i = 0; i < d.length; i++) {
      if (Double.isNaN(d[i])) {
        throw new IllegalArgumentException(kind + " " + name + " holds NaN at flat index " + i
            + " of its " + value.shape() + " value; give it numbers (at " + CreationSite.here()
            + ")");
      }
    }
  }

  /**
   * Applies {@code op} to {@code inputs} and returns the new node, after checking that the inputs
   * belong to this graph and that their shapes fit the operation.
   *
   * @throws ShapeException naming the op, the inputs' names and shapes and the user's line
   * @throws GraphMismatchException when an input belongs to another graph
   */
  public Node apply(Op op, Node... inputs) {
    List<Node> in = List.of(inputs);
    List<Shape> shapes = new ArrayList<>(in.size());
    for (Node n : in) {
      if (n.graph() != this) {
        throw new GraphMismatchException(op.name() + ": input " + n.name() + " belongs to another "
            + "graph; build every node of a computation from one Graph (at "
            + CreationSite.here() + ")");
      }
      shapes.add(n.shape());
    }
    Shape shape;
    try {
      shape = op.inferShape(shapes);
    } catch (IllegalArgumentException e) {
      throw shapeError(op.name(), in, e.getMessage());
    }
    return add(NodeKind.OPERATION, op, in, shape, null, null, false);
  }

  /** Returns the shape error of building {@code op} on {@code in}: names, shapes, user line. */
  ShapeException shapeError(String op, List<Node> in, String reason) {
    return new ShapeException(op, in, reason, CreationSite.here());
  }

  private Node add(NodeKind kind, Op op, List<Node> inputs, Shape shape, Tensor value,
      String name, boolean literal) {
    boolean named = kind != NodeKind.OPERATION && !literal;
    if (named && (name == null || name.isBlank())) {
      throw new IllegalArgumentException("every " + kind.name().toLowerCase(java.util.Locale.ROOT)
          + " needs a name, e.g. \"X\" or \"W[1]\" (at " + CreationSite.here() + ")");
    }
    String site = currentSite(kind, op, inputs, literal);
    Node n = new Node(this, nodes.size(), kind, op, inputs, shape, value, name, named, literal,
        site, differentiating);
    nodes.add(n);
    return n;
  }

  /** Returns every node in creation (topological) order, as a read-only live view. */
  public List<Node> nodes() {
    return view;
  }

  /** Returns the node with the given id. */
  public Node node(int id) {
    return nodes.get(id);
  }

  /**
   * Returns the node called {@code name}: the one the user named so ({@code "A[1]"}), or the
   * unnamed node that formulas and pictures call so ({@code "mul_12"}).
   *
   * @throws IllegalArgumentException listing the graph's named nodes when none is called {@code
   *     name}, or the ids of the nodes when several are
   */
  public Node node(String name) {
    return NodeLookup.find(nodes, name);
  }

  /** Returns the number of nodes. */
  public int size() {
    return nodes.size();
  }

  /**
   * Opens a name scope, such as a layer's name: nodes built until it is closed carry it, and graph
   * pictures cluster them. Scopes nest as {@code outer/inner}. Use with try-with-resources.
   */
  public Scope scope(String name) {
    String outer = currentScope();
    scopes.push(outer.isEmpty() ? name : outer + "/" + name);
    return scopes::pop;
  }

  String currentScope() {
    return scopes.isEmpty() ? "" : scopes.peek();
  }

  /**
   * Marks the nodes built until the returned handle is closed as the next gradient pass (1 for a
   * first derivative, 2 for the derivative of a gradient, ...). Used by reverse mode. Their
   * creation site is the user line that opened the pass, found once rather than per node.
   */
  public Scope openGradientPass() {
    int previous = activePass;
    String previousSite = passSite;
    activePass = ++gradientPasses;
    passSite = CreationSite.capture();
    return () -> {
      activePass = previous;
      passSite = previousSite;
    };
  }

  int currentGradientPass() {
    return activePass;
  }

  /**
   * Makes the nodes built until the returned handle is closed carry {@code original}'s name scope,
   * gradient pass, user line and {@link Node#derivativeOf()}, as if built where {@code original}
   * was. Rewrites use it so that a transformed graph keeps the provenance of every node it copies
   * or replaces. Nests.
   */
  public Scope inheriting(Node original) {
    Node previousProvenance = provenance;
    int previousPass = activePass;
    Node previousDerivative = differentiating;
    scopes.push(original.scope());
    provenance = original;
    activePass = original.gradientPass();
    differentiating = original.derivativeOf();
    gradientPasses = Math.max(gradientPasses, activePass);
    return () -> {
      scopes.pop();
      provenance = previousProvenance;
      activePass = previousPass;
      differentiating = previousDerivative;
    };
  }

  /**
   * Records {@code forward} as the node whose derivative the nodes built until the returned handle
   * is closed belong to (see {@link Node#derivativeOf()}): reverse mode opens one around each
   * node's local derivative, so that an error or a NaN in the backward pass can name the forward
   * operation it came from. Nests.
   */
  public Scope differentiating(Node forward) {
    Node previous = differentiating;
    differentiating = forward;
    return () -> differentiating = previous;
  }

  /**
   * Returns the creation site of a node about to be built: the original's in a rewrite, the
   * line that asked for the gradient in a gradient pass, the user's line found by a walk for an
   * input or a parameter (feed errors name where they were declared), and for the rest the line
   * {@link SiteSampler} finds, walking the stack only where the context is new or unsure.
   */
  private String currentSite(NodeKind kind, Op op, List<Node> inputs, boolean literal) {
    if (provenance != null) {
      return provenance.site();
    }
    if (activePass > 0) {
      return passSite;
    }
    if (kind == NodeKind.INPUT || kind == NodeKind.PARAMETER) {
      return CreationSite.capture();
    }
    Object what = kind == NodeKind.OPERATION ? op : literal ? LITERAL : kind;
    return SiteSampler.site(what, inputs, nodes.isEmpty() ? null
        : nodes.get(nodes.size() - 1).site(), currentScope());
  }

  /** A scope that ends when closed; closing never throws. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    /** Ends the scope. */
    @Override
    void close();
  }
}
