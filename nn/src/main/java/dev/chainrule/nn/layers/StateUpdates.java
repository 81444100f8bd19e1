package dev.chainrule.nn.layers;

import dev.chainrule.core.graph.Graph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The {@link StateUpdate}s a {@link Stateful} layer asked for, kept per graph it was built into
 * (a graph no longer used is forgotten with it): safe to add to and read from several threads,
 * as a layer may be built into graphs on several at once.
 */
final class StateUpdates {
  private final Map<Graph, List<StateUpdate>> byGraph = new WeakHashMap<>();

  /** Adds {@code updates} to those of {@code graph}, in order, after the ones added before. */
  synchronized void add(Graph graph, StateUpdate... updates) {
    byGraph.computeIfAbsent(graph, k -> new ArrayList<>()).addAll(List.of(updates));
  }

  /** Returns a copy of the updates of {@code graph}, in the order they were added; none if none. */
  synchronized List<StateUpdate> of(Graph graph) {
    return List.copyOf(byGraph.getOrDefault(graph, List.of()));
  }
}
