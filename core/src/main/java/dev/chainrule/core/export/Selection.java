package dev.chainrule.core.export;

import dev.chainrule.core.autodiff.Gradients;
import dev.chainrule.core.export.ExportOptions.View;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.tensor.TensorFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which nodes a picture draws and in which role: the ancestors of the targets, filtered by the
 * view, with literals folded into the labels of the operations that use them. Everything is kept in
 * arrays indexed by node id and listed in id order, so the DOT text is the same on every run.
 */
final class Selection {
  private final Graph graph;
  private final Role[] roles;
  private final boolean inlineLiterals;
  private final Map<String, Double> symbols;
  private final List<Node> drawn = new ArrayList<>();
  private final Node loss;
  private Node seed;

  private Selection(Graph graph, int size, ExportOptions options, Node loss, Node seed) {
    this.graph = graph;
    this.roles = new Role[size];
    this.inlineLiterals = options.inlineLiterals();
    this.symbols = options.symbols();
    this.loss = loss;
    this.seed = seed;
  }

  /**
   * Selects what to draw. {@code loss} and {@code gradients} may be null; when given, the loss is
   * highlighted and, with gradients, linked to the seed of the backward pass. The picture stops at
   * the nodes of {@code stopAt} that are not targets: those a drawn node reads are drawn faded as
   * context, and nothing they are computed from is drawn.
   */
  static Selection of(List<Node> targets, ExportOptions options, Node loss, Gradients gradients,
      Set<Node> stopAt) {
    View view = options.view();
    Graph graph = targets.get(0).graph();
    Node seed = gradients == null ? null : gradients.adjoint(gradients.output());
    Selection s = new Selection(graph, graph.size(), options, loss, seed);
    boolean[] stop = new boolean[graph.size()];
    for (Node n : stopAt) {
      stop[n.id()] = n.graph() == graph && !n.isLiteral();
    }
    targets.forEach(t -> stop[t.id()] = false);
    boolean[] ancestor = ancestors(graph, targets, view == View.BACKWARD ? null : loss, stop);
    boolean[] keep = new boolean[graph.size()];
    boolean[] context = new boolean[graph.size()];
    boolean[] stopped = new boolean[graph.size()];
    for (int id = 0; id < keep.length; id++) {
      Node n = graph.node(id);
      if (!ancestor[id] || n.isLiteral() || stop[id]) {
        continue;
      }
      keep[id] = view == View.BOTH || (view == View.FORWARD) != n.isGradient();
      for (Node in : keep[id] ? n.inputs() : List.<Node>of()) {
        context[in.id()] |= view == View.BACKWARD && !in.isGradient() && !in.isLiteral();
        stopped[in.id()] |= stop[in.id()];
      }
    }
    if (view == View.BACKWARD && loss != null && seed != null && keep[seed.id()]) {
      context[loss.id()] = true;
    }
    s.assignRoles(keep, context, stopped, targets, gradients);
    return s;
  }

  private static boolean[] ancestors(Graph graph, List<Node> targets, Node extra,
      boolean[] stop) {
    boolean[] mark = new boolean[graph.size()];
    for (Node t : targets) {
      mark[t.id()] = true;
    }
    if (extra != null) {
      mark[extra.id()] = true;
    }
    for (int id = mark.length - 1; id >= 0; id--) {
      if (mark[id] && !stop[id]) {
        for (Node in : graph.node(id).inputs()) {
          mark[in.id()] = true;
        }
      }
    }
    return mark;
  }

  private void assignRoles(boolean[] keep, boolean[] context, boolean[] stopped,
      List<Node> targets, Gradients gradients) {
    boolean[] literalNeeded = new boolean[keep.length];
    for (Node t : targets) {
      literalNeeded[t.id()] = t.isLiteral();
    }
    for (int id = 0; id < keep.length; id++) {
      if (keep[id] && !inlinesLiterals(graph.node(id))) {
        for (Node in : graph.node(id).inputs()) {
          literalNeeded[in.id()] |= in.isLiteral();
        }
      }
    }
    Set<Node> parameterGradients = gradients == null ? Set.of() : new HashSet<>(gradients.list());
    Set<String> parameterNames = new HashSet<>();
    for (Node n : graph.nodes()) {
      if (n.isParameter()) {
        parameterNames.add("d" + n.name());
      }
    }
    for (int id = 0; id < keep.length; id++) {
      Node n = graph.node(id);
      if (context[id] && !keep[id]) {
        roles[id] = Role.REUSED;
      } else if (stopped[id]) {
        roles[id] = Role.CONTEXT;
      } else if (keep[id] || literalNeeded[id]) {
        roles[id] = roleOf(n, parameterGradients.contains(n)
            || n.isGradient() && n.isUserNamed() && parameterNames.contains(n.name()));
      }
      if (roles[id] != null) {
        drawn.add(n);
      }
    }
    if (seed == null) {
      drawn.stream().filter(n -> n.isGradient() && !roles[n.id()].faded()).findFirst()
          .filter(n -> n.kind() == NodeKind.CONSTANT).ifPresent(n -> seed = n);
    }
  }

  private Role roleOf(Node n, boolean parameterGradient) {
    if (n == loss) {
      return Role.LOSS;
    } else if (parameterGradient) {
      return Role.PARAMETER_GRADIENT;
    } else if (n.isGradient()) {
      return Role.GRADIENT;
    } else if (n.isLiteral()) {
      return Role.LITERAL;
    } else if (n.kind() == NodeKind.INPUT) {
      return Role.INPUT;
    } else if (n.kind() == NodeKind.PARAMETER) {
      return Role.PARAMETER;
    } else if (n.kind() == NodeKind.CONSTANT) {
      return Role.CONSTANT;
    }
    return Role.OPERATION;
  }

  /**
   * Returns true when {@code consumer} writes its literal operands into its own label: an infix
   * operation of two operands whose label is its symbol, so that {@code ∘ 0.5} or {@code 1 −}
   * reads as an expression.
   */
  boolean inlinesLiterals(Node consumer) {
    if (!inlineLiterals || consumer.op() == null || consumer.inputs().size() != 2) {
      return false;
    }
    Notation notation = consumer.op().notation();
    return notation.form() == Notation.Form.INFIX && consumer.op().label().equals(notation.text());
  }

  /**
   * Returns a literal's number as labels write it: the name of a symbol with that value (m), the
   * reciprocal of one (1/m), else the number itself.
   */
  String literalText(Node literal) {
    double v = literal.storedValue().item();
    for (Map.Entry<String, Double> s : symbols.entrySet()) {
      if (Math.abs(v) == Math.abs(s.getValue())) {
        return (v < 0 == s.getValue() < 0 ? "" : "−") + s.getKey();
      }
      if (Math.abs(v) == 1.0 / Math.abs(s.getValue())) {
        return (v < 0 == s.getValue() < 0 ? "" : "−") + "1/" + s.getKey();
      }
    }
    return TensorFormat.number(v);
  }

  /** Returns the drawn nodes in id order. */
  List<Node> drawn() {
    return drawn;
  }

  /** Returns the role of a drawn node, or null when the node is not drawn. */
  Role role(Node n) {
    return n.graph() == graph && n.id() < roles.length ? roles[n.id()] : null;
  }

  /** Returns true when the node is drawn. */
  boolean isDrawn(Node n) {
    return role(n) != null;
  }

  /** Returns the loss, or null when none was named. */
  Node loss() {
    return loss;
  }

  /**
   * Returns the seed of the backward pass (the ones constant it starts from): the given gradients'
   * seed, else the first gradient node drawn when it is a constant, else null.
   */
  Node seed() {
    return seed;
  }

  /**
   * Returns the clusters a node sits in, outermost first: its name scope split at {@code /},
   * behind a {@code backward} cluster for gradient nodes.
   */
  List<String> clusterPath(Node n) {
    List<String> path = new ArrayList<>();
    if (n.isGradient() && !role(n).faded()) {
      path.add(ClusterTree.BACKWARD);
    }
    if (!n.scope().isEmpty()) {
      path.addAll(Arrays.asList(n.scope().split("/")));
    }
    return path;
  }

  /** Returns the roles in use, in legend order. */
  List<Role> rolesInUse() {
    List<Role> used = new ArrayList<>();
    for (Role r : Role.values()) {
      if (drawn.stream().anyMatch(n -> roles[n.id()] == r) && r != Role.LITERAL) {
        used.add(r);
      }
    }
    return used;
  }
}
