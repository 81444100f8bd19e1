package dev.chainrule.nn.layers;

import dev.chainrule.core.graph.Graph;
import java.util.ArrayList;
import java.util.List;

/**
 * A layer with state that is not trained but saved with the model, PyTorch's buffers: batch
 * norm's running statistics, dropout's draw number. Model files and checkpoints save and restore
 * the {@link #buffers()}; the trainer runs the {@link #updates} of every graph it built in {@link
 * Mode#TRAINING} mode after each step of it.
 */
public interface Stateful {
  /** Returns the state tensors (live, modified in place by the updates), each named uniquely. */
  List<Parameter> buffers();

  /** Returns the updates this layer asked for when it was built into {@code graph}, in order. */
  List<StateUpdate> updates(Graph graph);

  /** Returns the buffers of every stateful layer among {@code layers}, in order. */
  static List<Parameter> buffersOf(List<? extends Layer> layers) {
    List<Parameter> all = new ArrayList<>();
    for (Layer l : layers) {
      if (l instanceof Stateful s) {
        all.addAll(s.buffers());
      }
    }
    return all;
  }

  /** Returns the updates of every stateful layer among {@code layers} in {@code graph}. */
  static List<StateUpdate> updatesOf(List<? extends Layer> layers, Graph graph) {
    List<StateUpdate> all = new ArrayList<>();
    for (Layer l : layers) {
      if (l instanceof Stateful s) {
        all.addAll(s.updates(graph));
      }
    }
    return all;
  }
}
