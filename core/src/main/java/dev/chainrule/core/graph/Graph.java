package dev.chainrule.core.graph;

import dev.chainrule.core.tensor.DType;
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
 * being built; a finished graph can be run from many threads through a compiled plan. A graph
 * computes in one {@link DType}, float64 unless chosen at construction; its nodes carry it, and
 * only a {@link Node#cast cast} leads to a node of another dtype.
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
  private final DType dtype;
  private final NodeParts parts = new NodeParts(this);

  /** Creates an empty float64 graph: the default, in which formula checks agree to 1e-12. */
  public Graph() {
    this(DType.FLOAT64);
  }

  /**
   * Creates an empty graph computing in {@code dtype}: its inputs (unless {@link #input(String,
   * DType, int...)} gives one another), parameters, constants and literals are of that dtype, and
   * so is every operation on them.
   */
  public Graph(DType dtype) {
    if (dtype == null) {
      throw new IllegalArgumentException("a graph needs a dtype, got null; use DType.FLOAT64 or "
          + "DType.FLOAT32");
    }
    this.dtype = dtype;
  }

  /** Returns the dtype the graph computes in. */
  public DType dtype() {
    return dtype;
  }

  /** Returns a placeholder of the given shape, fed with a value each time the graph runs. */
  public Node input(String name, int... dims) {
    return input(name, dtype, dims);
  }

  /**
   * Returns a placeholder of the given dtype and shape, which a plan feeds with a tensor of that
   * dtype: in a graph of the other dtype, a value that enters a cast island directly (a copy cut
   * at a node of the island stands for it so).
   */
  public Node input(String name, DType type, int... dims) {
    if (type == null) {
      throw new IllegalArgumentException("input " + name + " needs a dtype, got null; use "
          + "DType.FLOAT64 or DType.FLOAT32 (at " + CreationSite.here() + ")");
    }
    return add(NodeKind.INPUT, null, List.of(), Shape.of(dims), null, name, false, type);
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
    return add(NodeKind.PARAMETER, null, List.of(), value.shape(), value, name, false, dtype);
  }

  /**
   * Returns a named constant holding {@code value}, which must not hold NaN (±∞ are allowed). The
   * constant has its tensor's dtype: in a graph of another dtype it is an operand only through a
   * {@link Node#cast} (give it {@code value.to(graph.dtype())} instead).
   */
  public Node constant(String name, Tensor value) {
    checkValue("constant", name, value);
    return add(NodeKind.CONSTANT, null, List.of(), value.shape(), value, name, false,
        value.dtype());
  }

  /**
   * Returns a scalar literal, written as its number in formulas (the 2 in 2·x); NaN is refused,
   * ±∞ allowed.
   */
  public Node scalar(double value) {
    return scalar(value, dtype);
  }

  /**
   * Returns a scalar literal of {@code type}, the operand's dtype where the literal is written
   * beside a node (x·2 in a float64 island of a float32 graph keeps its number in float64).
   */
  Node scalar(double value, DType type) {
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException("a scalar in a formula must be a number, got NaN (at "
          + CreationSite.here() + ")");
    }
    return literal(value, type);
  }

  /** Returns the literal {@code value} in {@code type}: an operand of a node of that dtype. */
  private Node literal(double value, DType type) {
    return add(NodeKind.CONSTANT, null, List.of(), Shape.scalar(),
        Tensor.scalar(value).to(type), TensorFormat.number(value), true, type);
  }

  /**
   * Refuses a missing value, a parameter of another dtype than the graph's, or a value holding
   * NaN, which would only ever compute NaN.
   */
  private void checkValue(String kind, String name, Tensor value) {
    if (value == null) {
      throw new IllegalArgumentException(kind + " " + name + " needs a tensor, got null (at "
          + CreationSite.here() + ")");
    }
    if (kind.equals("parameter") && value.dtype() != dtype) {
      throw new DTypeException(kind + " " + name + " holds a " + value.dtype() + " tensor, but "
          + "the graph computes in " + dtype + "; give it value.to(DType." + dtype.name()
          + ") (at " + CreationSite.here() + ")");
    }
    double[] d = value.toArray();
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
    for (Node n : inputs) {
      if (n.graph() != this) {
        throw new GraphMismatchException(op.name() + ": input " + n.name() + " belongs to another "
            + "graph; build every node of a computation from one Graph (at "
            + CreationSite.here() + ")");
      }
    }
    DType common = DTypes.common(op, inputs, dtype);
    Node[] args = inputs;
    for (int i = 0; i < args.length; i++) {
      if (args[i].isLiteral() && args[i].dtype() != common) {
        args = args == inputs ? inputs.clone() : args;
        args[i] = literal(args[i].storedValue().item(), common);
      }
    }
    List<Node> in = List.of(args);
    List<Shape> shapes = new ArrayList<>(in.size());
    for (Node n : in) {
      shapes.add(n.shape());
    }
    Shape shape;
    try {
      shape = op.inferShape(shapes);
    } catch (IllegalArgumentException e) {
      throw shapeError(op.name(), in, e.getMessage());
    }
    return add(NodeKind.OPERATION, op, in, shape, null, null, false,
        op.outputDType(common));
  }

  /** Returns the shape error of building {@code op} on {@code in}: names, shapes, user line. */
  ShapeException shapeError(String op, List<Node> in, String reason) {
    return new ShapeException(op, in, reason, CreationSite.here());
  }

  private Node add(NodeKind kind, Op op, List<Node> inputs, Shape shape, Tensor value,
      String name, boolean literal, DType type) {
    boolean named = kind != NodeKind.OPERATION && !literal;
    if (named && (name == null || name.isBlank())) {
      throw new IllegalArgumentException("every " + kind.name().toLowerCase(java.util.Locale.ROOT)
          + " needs a name, e.g. \"X\" or \"W[1]\" (at " + CreationSite.here() + ")");
    }
    String site = currentSite(kind, op, inputs, literal);
    parts.id = nodes.size();
    parts.kind = kind;
    parts.op = op;
    parts.inputs = inputs;
    parts.shape = shape;
    parts.value = value;
    parts.name = name;
    parts.userNamed = named;
    parts.literal = literal;
    parts.site = site;
    parts.derivativeOf = differentiating;
    parts.dtype = type;
    Node n = Installed.nodeFactory().make(parts);
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
