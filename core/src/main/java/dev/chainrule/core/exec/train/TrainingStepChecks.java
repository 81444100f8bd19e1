package dev.chainrule.core.exec.train;

import dev.chainrule.core.graph.CreationSite;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.tensor.Tensor;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The checks of a {@link TrainingStep.Builder}, each naming the node or value that is wrong. */
final class TrainingStepChecks {
  private TrainingStepChecks() {}

  /** Returns {@code value}, refusing null for the setting {@code what}. */
  static <T> T notNull(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException("the " + what + " of a training step must not be null "
          + "(at " + CreationSite.here() + ")");
    }
    return value;
  }

  /** Checks that there is at least one parameter, each a parameter node, none given twice. */
  static void parameters(Node loss, List<Node> parameters) {
    if (parameters.isEmpty()) {
      throw new IllegalArgumentException("a training step of " + loss.name() + " needs at "
          + "least one parameter (at " + CreationSite.here() + ")");
    }
    Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Node p : parameters) {
      if (p.kind() != NodeKind.PARAMETER) {
        throw new IllegalArgumentException(p.name() + " is " + p.kind().name().toLowerCase(
            Locale.ROOT) + ", not a parameter: a training step updates parameters "
            + "(graph.parameter(...)) in place (at " + CreationSite.here() + ")");
      }
      if (!seen.add(p)) {
        throw new IllegalArgumentException("parameter " + p.name() + " is given twice to the "
            + "training step of " + loss.name() + " (at " + CreationSite.here() + ")");
      }
    }
  }

  /** Checks that there is one gradient of the parameter's shape per parameter. */
  static void gradients(List<Node> parameters, List<Node> gradients) {
    if (gradients.size() != parameters.size()) {
      throw new IllegalArgumentException(gradients.size() + " gradients given for "
          + parameters.size() + " parameters; give one per parameter, in the same order");
    }
    for (int i = 0; i < gradients.size(); i++) {
      Node p = parameters.get(i);
      Node g = gradients.get(i);
      if (!g.shape().equals(p.shape())) {
        throw new IllegalArgumentException("gradient " + g.name() + " has shape " + g.shape()
            + " but parameter " + p.name() + " has shape " + p.shape());
      }
    }
  }

  /** Checks that {@code state} updates exactly the tensors of {@code parameters}, in order. */
  static void sameTensors(OptimizerState state, List<Node> parameters) {
    List<Tensor> tensors = state.parameters();
    boolean same = tensors.size() == parameters.size();
    for (int i = 0; same && i < tensors.size(); i++) {
      same = tensors.get(i) == parameters.get(i).storedValue();
    }
    if (!same) {
      throw new IllegalArgumentException("the optimizer state " + state.optimizer().name()
          + " updates " + tensors.size() + " other tensors than the training step's parameters "
          + parameters.stream().map(Node::name).toList() + "; share a state only between steps "
          + "of the same parameters, in the same order");
    }
  }
}
