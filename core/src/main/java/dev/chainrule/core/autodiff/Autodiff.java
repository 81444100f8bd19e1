package dev.chainrule.core.autodiff;

import dev.chainrule.core.graph.CreationSite;
import dev.chainrule.core.graph.GradientJoin;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.GraphMismatchException;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.graph.ShapeException;
import dev.chainrule.core.graph.ops.Identity;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reverse-mode differentiation that returns gradients as graph nodes. It walks the graph backwards
 * in creation order (no recursion, so a chain of millions of nodes is fine), asks each operation
 * for its local derivative as graph operations, only for the inputs through which a target
 * reaches the output (so nothing is built for a fed input, a constant or a branch that leads to
 * no target), and sums the contributions a node receives from each of its consumers (seed 001:
 * out_h1 receives from o1 and o2), except those its consumers' operations join into one node
 * ({@link dev.chainrule.core.graph.GradientJoin}: the parts of a split give one concat).
 * Gradient nodes are named after their targets (dW[2] for W[2]) and can be evaluated, printed,
 * drawn and differentiated again.
 *
 * <p>A target the output does not depend on gets a gradient of zeros of its shape, the
 * mathematically correct answer. Differentiating with respect to a constant is an error.
 */
public final class Autodiff {
  private Autodiff() {}

  /** Returns d{@code loss}/d{@code wrt} for each target; {@code loss} must have one element. */
  public static List<Node> grad(Node loss, Node... wrt) {
    return gradients(loss, List.of(wrt)).list();
  }

  /** Returns the full reverse pass of a one-element {@code loss}: gradients and all adjoints. */
  public static Gradients gradients(Node loss, List<Node> wrt) {
    if (loss.shape().size() != 1) {
      throw new ShapeException("grad of " + loss.name() + " " + loss.shape() + ": the output is "
          + "not a scalar, so its gradient is not defined without an upstream gradient; reduce it "
          + "(e.g. .sum() or .mean()) or pass one to gradients(output, upstream, wrt) (at "
          + CreationSite.here() + ")");
    }
    check(loss, null, wrt);
    return reverse(loss, null, wrt);
  }

  /**
   * Returns the reverse pass of any {@code output} given {@code upstream}, the gradient of some
   * scalar with respect to {@code output} (the vector of a vector-Jacobian product).
   */
  public static Gradients gradients(Node output, Node upstream, List<Node> wrt) {
    check(output, upstream, wrt);
    return reverse(output, upstream, wrt);
  }

  /**
   * Returns the Jacobian-vector products of forward mode: for each of {@code outputs}, how it
   * moves to first order when each of {@code inputs} moves along its tangent (a node of that
   * input's shape, in the same order), as a graph node named ∂&lt;output&gt;. The tangent nodes are
   * built by each operation's own {@link dev.chainrule.core.graph.Op#jvp} rule, so they evaluate,
   * print, draw and differentiate again like gradients; an output no input reaches gets zeros.
   */
  public static List<Node> jvp(List<Node> outputs, List<Node> inputs, List<Node> tangents) {
    return ForwardMode.jvp(outputs, inputs, tangents);
  }

  /** Returns the tangent of {@code output} when {@code input} moves along {@code tangent}. */
  public static Node jvp(Node output, Node input, Node tangent) {
    return ForwardMode.jvp(List.of(output), List.of(input), List.of(tangent)).get(0);
  }

  /**
   * Returns the Jacobian d{@code output}/d{@code wrt} as one node of shape output.shape ++
   * wrt.shape (as PyTorch's {@code torch.autograd.functional.jacobian}): element (i…, j…) is
   * ∂output[i…]/∂wrt[j…]. It is assembled from whichever passes are fewer: n forward passes (one
   * {@link #jvp} per element of {@code wrt}, each a column) when {@code wrt} has fewer elements
   * than {@code output}, else m reverse passes (one vector-Jacobian product per element of the
   * output, each a row). Each pass is a copy of the graph between the two, costing a small multiple
   * of evaluating the output, so a Jacobian costs about min(m, n) evaluations: prefer {@link #jvp}
   * (J·v) or {@link #gradients(Node, Node, List)} (uᵀ·J) when only products with vectors are
   * needed. A Jacobian of more than 2²⁶ elements or 10,000 passes is refused, naming its size.
   */
  public static Node jacobian(Node output, Node wrt) {
    return DerivativeMatrices.jacobian(output, wrt, DerivativeMode.AUTO);
  }

  /** Returns the Jacobian of {@link #jacobian(Node, Node)} assembled in the given {@code mode}. */
  public static Node jacobian(Node output, Node wrt, DerivativeMode mode) {
    return DerivativeMatrices.jacobian(output, wrt, mode);
  }

  /**
   * Returns the Hessian of a one-element {@code f} with respect to {@code wrt}, of shape wrt.shape
   * ++ wrt.shape, forward over reverse: the gradient is built once by reverse mode, and each column
   * is the {@link #jvp} of the gradient along a basis direction, so n elements cost n
   * Hessian-vector products. For a single direction use {@link #hvp}. Its textbook form,
   * X·diag(A ∘ (1 − A))·Xᵀ/m for the logistic loss, is what {@code Rewriter.hessian} prints.
   */
  public static Node hessian(Node f, Node wrt) {
    return DerivativeMatrices.hessian(f, wrt);
  }

  /**
   * Returns the Hessian-vector product H·v of a one-element {@code f}, forward over reverse: the
   * {@link #jvp} of the gradient along {@code v} (of {@code wrt}'s shape). It costs a few gradients
   * and never forms H.
   */
  public static Node hvp(Node f, Node wrt, Node v) {
    return DerivativeMatrices.hvp(f, wrt, v, DerivativeMode.FORWARD);
  }

  /**
   * Returns H·v as {@link #hvp(Node, Node, Node)}, forward over reverse ({@code FORWARD} or
   * {@code AUTO}) or reverse over reverse ({@code REVERSE}: the gradient of ⟨∇f, v⟩, which needs
   * no forward rules).
   */
  public static Node hvp(Node f, Node wrt, Node v, DerivativeMode mode) {
    return DerivativeMatrices.hvp(f, wrt, v, mode);
  }

  /**
   * Returns the matrix M of a node linear in {@code direction}, vec(linear) = M·vec(direction)
   * with both flattened in row-major order, written as the textbooks write it: for a
   * Hessian-vector product with a symbolic direction v it is the Hessian, as X·diag(A ∘ (1 −
   * A))·Xᵀ/m. Built from each operation's {@link dev.chainrule.core.graph.Op#jmp}; null when an
   * operation on the way has no such form, or when {@code linear} is not linear in {@code
   * direction}. Note that diag(a) is stored dense: the form is for reading and checking; to compute
   * a large Hessian, use {@link #hessian}.
   */
  public static Node matrixOf(Node linear, Node direction) {
    return MatrixForm.of(linear, direction);
  }

  /**
   * Runs one gradient pass from {@code output}; a null {@code upstream} means the seed d(loss) = 1,
   * built inside the pass like every other gradient node.
   */
  private static Gradients reverse(Node output, Node upstream, List<Node> wrt) {
    Graph g = output.graph();
    boolean[] relevant = relevant(output, wrt);
    // Indexed by node id: the first contribution a node receives, and any further ones (fan-out).
    Node[] adjoints = new Node[output.id() + 1];
    Node[] first = new Node[output.id() + 1];
    Map<Node, List<Node>> more = new HashMap<>();
    JoinedGradients joined = new JoinedGradients();
    try (Graph.Scope pass = g.openGradientPass()) {
      if (relevant[output.id()]) {
        first[output.id()] = upstream != null ? upstream
            : g.constant("d" + output.name(), Tensor.full(output.shape(), 1.0).to(output.dtype()));
      }
      for (int id = output.id(); id >= 0; id--) {
        Node node = g.node(id);
        if (first[id] == null && !joined.holds(node)) {
          continue;
        }
        Node adjoint = adjoint(node, first[id], more.remove(node), joined.take(node));
        first[id] = null;
        adjoints[id] = adjoint;
        if (node.kind() != NodeKind.OPERATION) {
          continue;
        }
        List<Node> inputs = node.inputs();
        try (Graph.Scope of = g.differentiating(node)) {
          for (int i = 0; i < inputs.size(); i++) {
            Node in = inputs.get(i);
            boolean wanted = relevant[in.id()] && node.op().differentiable(i);
            GradientJoin join = wanted ? node.op().gradientJoin(i) : null;
            if (join != null) {
              joined.hold(in, join, i, node, adjoint);
              continue;
            }
            Node part = wanted ? node.op().vjp(node, adjoint, i) : null;
            if (part == null) {
              continue;
            }
            if (first[in.id()] == null) {
              first[in.id()] = part;
            } else {
              more.computeIfAbsent(in, k -> new ArrayList<>()).add(part);
            }
          }
        }
      }
      List<Node> result = new ArrayList<>();
      for (Node w : wrt) {
        Node d = w.id() < adjoints.length ? adjoints[w.id()] : null;
        result.add(d == null
            ? g.constant("d" + w.name(), Tensor.zeros(w.shape(), w.dtype()))
            : ownName(d, w));
      }
      return new Gradients(output, wrt, result, adjoints);
    }
  }

  /**
   * Returns the adjoint of {@code node}: its first gradient contribution (null when it only has
   * joined ones) plus any {@code rest} and the {@code joined} contributions (summed as part of
   * {@code node}'s derivative), named d&lt;name&gt; when the node is named.
   */
  private static Node adjoint(Node node, Node first, List<Node> rest, List<Node> joined) {
    if (rest == null && joined.isEmpty()) {
      return named(node, first);
    }
    List<Node> parts = new ArrayList<>();
    if (first != null) {
      parts.add(first);
    }
    if (rest != null) {
      parts.addAll(rest);
    }
    parts.addAll(joined);
    Node adjoint;
    try (Graph.Scope of = node.graph().differentiating(node)) {
      adjoint = parts.size() == 1 ? parts.get(0)
          : Accumulate.sum(parts.get(0), parts.subList(1, parts.size()));
    }
    return named(node, adjoint);
  }

  /** Returns {@code adjoint}, named d&lt;name&gt; when {@code node} is named and it is not. */
  private static Node named(Node node, Node adjoint) {
    if (node.isUserNamed() && adjoint.isGradient() && !adjoint.isUserNamed()) {
      adjoint.named("d" + node.name());
    }
    return adjoint;
  }

  /** Returns {@code d} itself when it is named after {@code w}, else an alias that is. */
  private static Node ownName(Node d, Node w) {
    String name = "d" + w.name();
    if (d.name().equals(name)) {
      return d;
    }
    return d.graph().apply(Identity.INSTANCE, d).named(name);
  }

  /** Checks the targets and, when given, the upstream gradient. */
  private static void check(Node output, Node upstream, List<Node> wrt) {
    Graph g = output.graph();
    if (upstream != null && upstream.graph() != g) {
      throw new GraphMismatchException("upstream gradient " + upstream.name() + " belongs to "
          + "another graph than " + output.name() + " (at " + CreationSite.here() + ")");
    }
    if (upstream != null && !upstream.shape().equals(output.shape())) {
      throw new ShapeException("upstream gradient " + upstream.name() + " has shape "
          + upstream.shape() + " but " + output.name() + " has shape " + output.shape()
          + "; they must be equal (at " + CreationSite.here() + ")");
    }
    for (Node w : wrt) {
      if (w.graph() != g) {
        throw new GraphMismatchException("cannot differentiate " + output.name() + " with "
            + "respect to " + w.name() + ": it belongs to another graph (at " + CreationSite.here()
            + ")");
      }
      if (w.kind() == NodeKind.CONSTANT) {
        throw new IllegalArgumentException("cannot differentiate " + output.name() + " with "
            + "respect to " + w.name() + ": it is a constant; make it a parameter or an input to "
            + "get its gradient (at " + CreationSite.here() + ")");
      }
    }
  }

  /**
   * Marks the nodes through which a target can influence the output: the targets, and the nodes
   * computed from a marked node through an input that the gradient flows to.
   */
  private static boolean[] relevant(Node output, List<Node> wrt) {
    Graph g = output.graph();
    boolean[] flag = new boolean[output.id() + 1];
    int first = Integer.MAX_VALUE;
    for (Node w : wrt) {
      if (w.id() <= output.id()) {
        flag[w.id()] = true;
        first = Math.min(first, w.id());
      }
    }
    for (int id = first; id <= output.id() && first != Integer.MAX_VALUE; id++) {
      Node node = g.node(id);
      List<Node> inputs = node.inputs();
      for (int i = 0; i < inputs.size() && !flag[id]; i++) {
        flag[id] = flag[inputs.get(i).id()] && node.op().differentiable(i);
      }
    }
    return flag;
  }
}
