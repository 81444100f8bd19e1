package dev.chainrule.core.autodiff;

import dev.chainrule.core.graph.CreationSite;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.GraphMismatchException;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.graph.ops.Diag;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Extracts the matrix of a node that is linear in a direction node: M with vec(node) =
 * M·vec(direction), both flattened in row-major order. It walks forwards from the direction,
 * starting from the identity, and asks each operation on the way for its Jacobian-matrix product
 * ({@link dev.chainrule.core.graph.Op#jmp}), so that a Hessian-vector product H·v with a symbolic v
 * gives H in the textbooks' form: a∘(B·v) becomes diag(a)·B, (P·v)ᵀ·Q becomes Qᵀ·P, c·v becomes
 * c·I. The result is exact (it is the Jacobian of the node with respect to the direction); it is
 * refused (null) when an operation on the way has no such form or when the result still depends
 * on the direction, i.e. the node was not linear in it.
 */
final class MatrixForm {
  private MatrixForm() {}

  /**
   * Returns the (size of {@code linear}, size of {@code direction}) matrix of {@code linear} as a
   * function of {@code direction}, or null when it cannot be written as one expression.
   */
  static Node of(Node linear, Node direction) {
    Graph g = linear.graph();
    if (direction.graph() != g) {
      throw new GraphMismatchException("the direction " + direction.name() + " belongs to "
          + "another graph than " + linear.name() + " (at " + CreationSite.here() + ")");
    }
    int n = direction.shape().size();
    if (direction.id() > linear.id()) {
      return g.constant("0", Tensor.zeros(Shape.of(linear.shape().size(), n), linear.dtype()));
    }
    boolean[] needed = ancestors(linear, direction.id());
    Node[] matrices = new Node[linear.id() + 1];
    matrices[direction.id()] = Diag.identity(g, n);
    for (int id = direction.id() + 1; id <= linear.id(); id++) {
      Node node = g.node(id);
      if (!needed[id] || node.kind() != NodeKind.OPERATION) {
        continue;
      }
      Node sum = null;
      List<Node> inputs = node.inputs();
      for (int i = 0; i < inputs.size(); i++) {
        Node m = matrices[inputs.get(i).id()];
        if (m == null || !node.op().differentiable(i)) {
          continue;
        }
        Node part = node.op().jmp(node, m, i);
        if (part == null) {
          return null;
        }
        sum = sum == null ? part : sum.add(part);
      }
      matrices[id] = sum;
    }
    Node result = matrices[linear.id()];
    if (result == null) {
      return g.constant("0", Tensor.zeros(Shape.of(linear.shape().size(), n), linear.dtype()));
    }
    Shape expected = Shape.of(linear.shape().size(), n);
    boolean dependsOnDirection = result.id() > direction.id()
        && ancestors(result, direction.id())[direction.id()];
    if (!result.shape().equals(expected) || dependsOnDirection) {
      return null;
    }
    return result;
  }

  /** Marks {@code target} and the nodes it is computed from, down to id {@code lowest}. */
  private static boolean[] ancestors(Node target, int lowest) {
    boolean[] seen = new boolean[target.id() + 1];
    seen[target.id()] = true;
    Deque<Node> todo = new ArrayDeque<>(List.of(target));
    while (!todo.isEmpty()) {
      for (Node in : todo.pop().inputs()) {
        if (in.id() >= lowest && !seen[in.id()]) {
          seen[in.id()] = true;
          todo.push(in);
        }
      }
    }
    return seen;
  }
}
