package dev.chainrule.core.autodiff;

import dev.chainrule.core.graph.CreationSite;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.GraphMismatchException;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.graph.ShapeException;
import dev.chainrule.core.graph.ops.Identity;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Forward-mode differentiation that builds tangent nodes: it walks the graph forwards in creation
 * order from the first input that carries a tangent, asks each operation for the
 * Jacobian-vector product of each input that carries one, and sums the parts (or lets the operation
 * join its inputs' tangents at once, as a concat does). No recursion, so a
 * chain of millions of nodes is fine; nothing is built for a node no tangent reaches.
 */
final class ForwardMode {
  private ForwardMode() {}

  /** Returns the tangents of {@code outputs} when {@code inputs} move along {@code tangents}. */
  static List<Node> jvp(List<Node> outputs, List<Node> inputs, List<Node> tangents) {
    check(outputs, inputs, tangents);
    Graph g = outputs.get(0).graph();
    int last = outputs.stream().mapToInt(Node::id).max().getAsInt();
    Node[] tangentById = new Node[last + 1];
    int first = Integer.MAX_VALUE;
    for (int i = 0; i < inputs.size(); i++) {
      Node in = inputs.get(i);
      if (in.id() <= last) {
        Node t = tangents.get(i);
        tangentById[in.id()] = tangentById[in.id()] == null ? t : tangentById[in.id()].add(t);
        first = Math.min(first, in.id());
      }
    }
    boolean[] needed = needed(outputs, first, last);
    try (Graph.Scope pass = g.openGradientPass()) {
      for (int id = first; id <= last && first != Integer.MAX_VALUE; id++) {
        Node node = g.node(id);
        if (needed[id] && node.kind() == NodeKind.OPERATION && tangentById[id] == null) {
          tangentById[id] = tangentOf(node, tangentById);
        }
      }
      List<Node> result = new ArrayList<>();
      for (Node out : outputs) {
        Node t = tangentById[out.id()];
        result.add(t == null ? g.constant("∂" + out.name(), Tensor.zeros(out.shape(), out.dtype()))
            : ownName(t, out));
      }
      return result;
    }
  }

  /**
   * Marks the nodes from {@code first} to {@code last} whose tangent can reach an output: the
   * outputs, and the inputs through which a needed node's derivative flows. A tangent nobody
   * needs (one that only feeds a comparison, or a branch that leads to no output) is not built.
   */
  private static boolean[] needed(List<Node> outputs, int first, int last) {
    boolean[] flag = new boolean[last + 1];
    for (Node out : outputs) {
      flag[out.id()] = true;
    }
    Graph g = outputs.get(0).graph();
    for (int id = last; id >= first && first != Integer.MAX_VALUE; id--) {
      if (!flag[id]) {
        continue;
      }
      Node node = g.node(id);
      List<Node> inputs = node.inputs();
      for (int i = 0; i < inputs.size(); i++) {
        if (node.op().differentiable(i)) {
          flag[inputs.get(i).id()] = true;
        }
      }
    }
    return flag;
  }

  /**
   * Returns {@code node}'s tangent, or null when no input has one: the operation's join of its
   * inputs' tangents ({@link dev.chainrule.core.graph.Op#jvpJoin}) when it has one, else the sum of
   * the parts.
   */
  private static Node tangentOf(Node node, Node[] tangentById) {
    List<Node> inputs = node.inputs();
    List<Node> tangents = new ArrayList<>();
    boolean any = false;
    for (int i = 0; i < inputs.size(); i++) {
      Node t = node.op().differentiable(i) ? tangentById[inputs.get(i).id()] : null;
      tangents.add(t);
      any |= t != null;
    }
    if (!any) {
      return null;
    }
    try (Graph.Scope of = node.graph().differentiating(node)) {
      Node joined = node.op().jvpJoin(node, tangents);
      return joined != null ? joined : sumOfParts(node, tangents);
    }
  }

  /** Returns the sum of each input's Jacobian-vector product, or null when none has one. */
  private static Node sumOfParts(Node node, List<Node> tangents) {
    Node sum = null;
    for (int i = 0; i < tangents.size(); i++) {
      Node part = tangents.get(i) == null ? null : node.op().jvp(node, tangents.get(i), i);
      if (part != null) {
        sum = sum == null ? part : sum.add(part);
      }
    }
    return sum;
  }

  /** Returns {@code t} itself when it is named ∂ after {@code out}, else an alias that is. */
  private static Node ownName(Node t, Node out) {
    String name = "∂" + out.name();
    if (t.name().equals(name)) {
      return t;
    }
    if (t.isGradient() && !t.isUserNamed()) {
      return t.named(name);
    }
    return t.graph().apply(Identity.INSTANCE, t).named(name);
  }

  /** Checks that there is an output, one tangent per input, and matching graphs and shapes. */
  private static void check(List<Node> outputs, List<Node> inputs, List<Node> tangents) {
    if (outputs.isEmpty()) {
      throw new IllegalArgumentException("jvp needs at least one output (at "
          + CreationSite.here() + ")");
    }
    if (inputs.size() != tangents.size()) {
      throw new IllegalArgumentException("jvp got " + inputs.size() + " inputs but "
          + tangents.size() + " tangents; give one tangent per input (at " + CreationSite.here()
          + ")");
    }
    Graph g = outputs.get(0).graph();
    for (Node out : outputs) {
      sameGraph(g, out, "output");
    }
    for (int i = 0; i < inputs.size(); i++) {
      Node in = inputs.get(i);
      Node t = tangents.get(i);
      sameGraph(g, in, "input");
      sameGraph(g, t, "tangent");
      if (in.kind() == NodeKind.CONSTANT) {
        throw new IllegalArgumentException("cannot move " + in.name() + " along a tangent: it is "
            + "a constant; make it a parameter or an input (at " + CreationSite.here() + ")");
      }
      if (!t.shape().equals(in.shape())) {
        throw new ShapeException("tangent " + t.name() + " has shape " + t.shape() + " but "
            + in.name() + " has shape " + in.shape() + "; a tangent has its input's shape (at "
            + CreationSite.here() + ")");
      }
    }
  }

  private static void sameGraph(Graph g, Node n, String role) {
    if (n.graph() != g) {
      throw new GraphMismatchException("jvp " + role + " " + n.name() + " belongs to another "
          + "graph than the first output (at " + CreationSite.here() + ")");
    }
  }
}
