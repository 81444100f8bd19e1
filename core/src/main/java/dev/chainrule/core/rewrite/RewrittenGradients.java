package dev.chainrule.core.rewrite;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import java.util.List;
import java.util.Map;

/**
 * A simplified backward pass: the rewritten graph, plus where in it the loss, each gradient and
 * each named forward node's adjoint now are, in which {@link GradientForm}, and the batch factor
 * c of a loss J = c·Σᵢ L⁽ⁱ⁾ (1/m for a mean over m samples, else 1).
 */
public final class RewrittenGradients extends Rewritten {
  private final Pass pass;

  /**
   * What the re-derived backward pass consists of.
   *
   * @param loss the loss in the new graph
   * @param wrt the original nodes differentiated against
   * @param gradients their gradients in the new graph, in the same order
   * @param adjoints original named forward node → its adjoint in the new graph
   * @param form the form the adjoints are in
   * @param factor the batch factor c
   */
  record Pass(Node loss, List<Node> wrt, List<Node> gradients, Map<Node, Node> adjoints,
      GradientForm form, double factor) {}

  RewrittenGradients(Graph graph, List<Node> targets, Map<Node, Node> map,
      Map<String, Integer> fired, Pass pass) {
    super(graph, targets, map, fired);
    this.pass = pass;
  }

  /** Returns the loss in the new graph. */
  public Node loss() {
    return pass.loss();
  }

  /** Returns the gradient nodes in the new graph, one per original target, in order. */
  public List<Node> gradients() {
    return pass.gradients();
  }

  /** Returns the gradient (in the new graph) with respect to the original node {@code wrt}. */
  public Node gradient(Node wrt) {
    int i = pass.wrt().indexOf(wrt);
    if (i < 0) {
      throw new IllegalArgumentException(wrt.name() + " was not among the nodes differentiated "
          + "against: " + pass.wrt().stream().map(Node::name).toList());
    }
    return pass.gradients().get(i);
  }

  /**
   * Returns the adjoint in the new graph of an original named forward node (dZ[2] for Z[2]), or
   * null when the loss no longer depends on it (a fusion absorbed it) or it is not named.
   */
  public Node adjoint(Node forward) {
    return pass.adjoints().get(forward);
  }

  /** Returns the form the adjoints are in. */
  public GradientForm form() {
    return pass.form();
  }

  /** Returns the batch factor c of J = c·Σᵢ L⁽ⁱ⁾ that the per-sample form took out, or 1. */
  public double batchFactor() {
    return pass.factor();
  }

  /** Returns m when the batch factor is 1/m for a whole number m ≥ 2, else 1. */
  public int batchSize() {
    double m = 1.0 / Math.abs(pass.factor());
    return m >= 2 && m == Math.rint(m) ? (int) m : 1;
  }
}
