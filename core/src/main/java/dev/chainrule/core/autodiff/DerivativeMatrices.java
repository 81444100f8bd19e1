package dev.chainrule.core.autodiff;

import dev.chainrule.core.graph.CreationSite;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.GraphMismatchException;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.graph.ShapeException;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Jacobians, Hessians and Hessian-vector products as graph nodes, assembled from forward and
 * reverse passes: a Jacobian column by column (one jvp of a basis tangent e_j per input element)
 * or row by row (one vector-Jacobian product of a basis upstream e_i per output element), stacked
 * and reshaped to the output's shape followed by the input's, as PyTorch's {@code
 * torch.autograd.functional.jacobian} shapes it.
 */
final class DerivativeMatrices {
  /** The most elements a Jacobian may have: 2²⁶, half a gigabyte of float64. */
  static final long MAX_ELEMENTS = 1L << 26;
  /** The most passes a Jacobian may take, each a copy of the graph between input and output. */
  static final int MAX_PASSES = 10_000;

  private DerivativeMatrices() {}

  /** Returns d{@code output}/d{@code wrt}, of shape output.shape ++ wrt.shape. */
  static Node jacobian(Node output, Node wrt, DerivativeMode mode) {
    check("jacobian of", output, wrt);
    int m = output.shape().size();
    int n = wrt.shape().size();
    checkSize(output, wrt, mode);
    Graph g = output.graph();
    Shape shape = concat(output.shape(), wrt.shape());
    boolean forward = mode == DerivativeMode.FORWARD || mode == DerivativeMode.AUTO && n < m;
    try (Graph.Scope pass = g.openGradientPass()) {
      Node assembled = forward ? columns(output, wrt) : rows(output, wrt);
      return assembled.reshape(shape.dims()).named("∂" + output.name() + "/∂" + wrt.name());
    }
  }

  /** Returns the Hessian of a one-element {@code f}, forward over reverse, of shape wrt ++ wrt. */
  static Node hessian(Node f, Node wrt) {
    checkScalar("hessian", f);
    check("hessian of", f, wrt);
    checkSize(wrt, wrt, DerivativeMode.FORWARD);
    Node gradient = Autodiff.grad(f, wrt).get(0);
    Graph g = f.graph();
    try (Graph.Scope pass = g.openGradientPass()) {
      Node h = columns(gradient, wrt);
      return h.reshape(concat(wrt.shape(), wrt.shape()).dims())
          .named("∂²" + f.name() + "/∂" + wrt.name() + "²");
    }
  }

  /** Returns H·v for a one-element {@code f}, forward over reverse or reverse over reverse. */
  static Node hvp(Node f, Node wrt, Node v, DerivativeMode mode) {
    checkScalar("hvp", f);
    check("hvp of", f, wrt);
    if (v.graph() != f.graph()) {
      throw new GraphMismatchException("hvp of " + f.name() + ": the direction " + v.name()
          + " belongs to another graph; build it in " + f.name() + "'s graph (at "
          + CreationSite.here() + ")");
    }
    if (!v.shape().equals(wrt.shape())) {
      throw new ShapeException("hvp of " + f.name() + ": the direction " + v.name() + " has shape "
          + v.shape() + " but " + wrt.name() + " has shape " + wrt.shape() + "; a direction has "
          + "the shape of what it moves (at " + CreationSite.here() + ")");
    }
    Node gradient = Autodiff.grad(f, wrt).get(0);
    if (mode == DerivativeMode.REVERSE) {
      return Autodiff.grad(gradient.mul(v).sum(), wrt).get(0);
    }
    return Autodiff.jvp(gradient, wrt, v);
  }

  /** Returns the Jacobian as (output's shape, n): column j is the jvp of the basis tangent e_j. */
  private static Node columns(Node output, Node wrt) {
    Graph g = output.graph();
    int n = wrt.shape().size();
    List<Node> columns = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      Node basis = g.constant("e" + j, oneHot(wrt.shape(), j).to(wrt.dtype()));
      columns.add(ForwardMode.jvp(List.of(output), List.of(wrt), List.of(basis)).get(0));
    }
    return stack(columns, output.shape().rank());
  }

  /** Returns the Jacobian as (m, wrt's shape): row i is the vjp of the basis upstream e_i. */
  private static Node rows(Node output, Node wrt) {
    Graph g = output.graph();
    int m = output.shape().size();
    List<Node> rows = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      Node basis = g.constant("e" + i, oneHot(output.shape(), i).to(output.dtype()));
      rows.add(Autodiff.gradients(output, basis, List.of(wrt)).list().get(0));
    }
    return stack(rows, 0);
  }

  private static Node stack(List<Node> parts, int axis) {
    Node first = parts.get(0);
    return first.stack(axis, parts.subList(1, parts.size()).toArray(new Node[0]));
  }

  private static Tensor oneHot(Shape shape, int flat) {
    Tensor t = Tensor.zeros(shape);
    t.buffer()[flat] = 1.0;
    return t;
  }

  private static Shape concat(Shape a, Shape b) {
    int[] dims = new int[a.rank() + b.rank()];
    System.arraycopy(a.dims(), 0, dims, 0, a.rank());
    System.arraycopy(b.dims(), 0, dims, a.rank(), b.rank());
    return Shape.of(dims);
  }

  private static void checkScalar(String what, Node f) {
    if (f.shape().size() != 1) {
      throw new ShapeException(what + " of " + f.name() + " " + f.shape() + ": the output is not "
          + "a scalar, and a Hessian is the second derivative of one number; reduce it first "
          + "(e.g. .sum() or .mean()), or take Autodiff.jacobian of its gradient (at "
          + CreationSite.here() + ")");
    }
  }

  /** Refuses a target of another graph or a constant, naming both nodes and the user's line. */
  private static void check(String what, Node output, Node wrt) {
    if (wrt.graph() != output.graph()) {
      throw new GraphMismatchException("cannot take the " + what + " " + output.name()
          + " with respect to " + wrt.name() + ": it belongs to another graph; build both in one "
          + "Graph (at " + CreationSite.here() + ")");
    }
    if (wrt.kind() == NodeKind.CONSTANT) {
      throw new IllegalArgumentException("cannot take the " + what + " " + output.name()
          + " with respect to " + wrt.name() + ": it is a constant; make it a parameter or an "
          + "input (at " + CreationSite.here() + ")");
    }
  }

  /** Refuses a Jacobian too large to hold or needing too many passes, saying how large. */
  private static void checkSize(Node output, Node wrt, DerivativeMode mode) {
    long m = output.shape().size();
    long n = wrt.shape().size();
    long passes = mode == DerivativeMode.FORWARD ? n : mode == DerivativeMode.REVERSE ? m
        : Math.min(m, n);
    String which = "the derivative of " + output.name() + " " + output.shape()
        + " with respect to " + wrt.name() + " " + wrt.shape();
    if (m * n > MAX_ELEMENTS) {
      throw new IllegalArgumentException(which + " would have " + m + " × " + n + " = "
          + grouped(m * n) + " elements (" + megabytes(m * n) + " of float64), more than the "
          + grouped(MAX_ELEMENTS) + " a derivative matrix may have; multiply by vectors instead: "
          + "Autodiff.jvp gives J·v, Autodiff.gradients(output, u, wrt) gives uᵀ·J (at "
          + CreationSite.here() + ")");
    }
    if (passes > MAX_PASSES) {
      throw new IllegalArgumentException(which + " would take " + grouped(passes) + " passes, "
          + "each a copy of the graph between them, more than the " + grouped(MAX_PASSES)
          + " allowed; multiply by vectors instead: Autodiff.jvp gives J·v, "
          + "Autodiff.gradients(output, u, wrt) gives uᵀ·J (at " + CreationSite.here() + ")");
    }
  }

  private static String grouped(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  private static String megabytes(long elements) {
    double mb = elements * 8.0 / (1 << 20);
    return mb >= 1024 ? String.format(Locale.ROOT, "%.1f GB", mb / 1024)
        : String.format(Locale.ROOT, "%.0f MB", mb);
  }
}
