package dev.chainrule.nn.model;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.layers.Mode;
import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.layers.StateUpdate;
import java.util.List;
import java.util.Optional;

/**
 * A network written as plain Java code that builds nodes: it owns its parameters as live tensors
 * and, given an input node of any batch size, adds its forward pass to that node's graph. {@link
 * Sequential} covers stacks of dense layers; implement this interface for anything else (see the
 * examples' custom model).
 */
public interface Model {
  /** Returns where the samples lie in the model's inputs and outputs. */
  Layout layout();

  /** Returns the number of input features per sample. */
  int inputSize();

  /** Returns the number of outputs per sample (classes, or 1 for a sigmoid output). */
  int outputSize();

  /** Adds the forward pass after {@code input}, shaped per {@link #layout()}, to its graph. */
  Forward forward(Node input);

  /**
   * Adds the forward pass of {@code mode} after {@code input}: the trainer builds its training
   * graphs with {@link Mode#TRAINING} and everything else with {@link Mode#EVALUATION}. The
   * default, for models that behave the same in both, is {@link #forward(Node)}.
   */
  default Forward forward(Node input, Mode mode) {
    return forward(input);
  }

  /**
   * Returns the state that is saved with the model but not trained (batch norm's running
   * statistics, dropout's draw numbers), each named uniquely; none by default.
   */
  default List<Parameter> buffers() {
    return List.of();
  }

  /**
   * Returns the state updates the trainer runs after each step of {@code graph}, a graph this
   * model's {@code forward(input, Mode.TRAINING)} was built into; none by default.
   */
  default List<StateUpdate> stateUpdates(Graph graph) {
    return List.of();
  }

  /**
   * Returns every trainable parameter, each named uniquely and in a fixed order: the order of
   * optimizer state and of saved files.
   */
  List<Parameter> parameters();

  /**
   * Returns a description from which the model can be rebuilt when loading a saved file, or empty
   * for a custom model whose code the caller must supply (then parameters are loaded into it).
   */
  default Optional<Architecture> architecture() {
    return Optional.empty();
  }

  /**
   * Returns the dtype the model computes in, that of its parameters (float64 for a model without
   * any): the trainer builds the model's graphs in it and expects data of it.
   */
  default DType dtype() {
    List<Parameter> p = parameters();
    return p.isEmpty() ? DType.FLOAT64 : p.get(0).value().dtype();
  }

    /** Returns the total number of trainable numbers. */
  default long parameterCount() {
    long n = 0;
    for (Parameter p : parameters()) {
      n += p.value().size();
    }
    return n;
  }
}
