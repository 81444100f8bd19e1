package dev.chainrule.core.autodiff;

import dev.chainrule.core.graph.Node;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of one reverse-mode pass: the gradient node of each requested target, and the
 * adjoint of every node on the way (dZ[2], dA[1], ...), which formula printers and the chain-rule
 * trace read.
 */
public final class Gradients {
  private final Node output;
  private final List<Node> wrt;
  private final List<Node> gradients;
  private final Node[] adjointById;

  Gradients(Node output, List<Node> wrt, List<Node> gradients, Node[] adjointById) {
    this.output = output;
    this.wrt = List.copyOf(wrt);
    this.gradients = List.copyOf(gradients);
    this.adjointById = adjointById;
  }

  /** Returns the differentiated output (the loss). */
  public Node output() {
    return output;
  }

  /** Returns the nodes differentiated against, in the order requested. */
  public List<Node> wrt() {
    return wrt;
  }

  /** Returns the gradient nodes, one per requested target, in the order requested. */
  public List<Node> list() {
    return gradients;
  }

  /** Returns the gradient node for one requested target. */
  public Node of(Node target) {
    int i = wrt.indexOf(target);
    if (i < 0) {
      throw new IllegalArgumentException(target.name() + " was not among the nodes this gradient "
          + "pass was asked for");
    }
    return gradients.get(i);
  }

  /**
   * Returns the adjoint (gradient of the output) of any forward node the pass went through, or
   * null when the output does not depend on it through a differentiable path.
   */
  public Node adjoint(Node forward) {
    boolean mine = forward.graph() == output.graph() && forward.id() < adjointById.length;
    return mine ? adjointById[forward.id()] : null;
  }

  /** Returns every forward node's adjoint, in no particular order (a new read-only map). */
  public Map<Node, Node> adjoints() {
    Map<Node, Node> map = new HashMap<>();
    for (int id = 0; id < adjointById.length; id++) {
      if (adjointById[id] != null) {
        map.put(output.graph().node(id), adjointById[id]);
      }
    }
    return Collections.unmodifiableMap(map);
  }
}
