package dev.chainrule.core.autodiff;

import dev.chainrule.core.graph.GradientJoin;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gradient contributions of a reverse pass that their operations join ({@link
 * GradientJoin}): held per input node until every reader of that input has its gradient, then
 * built, one node per group of readers with equal joins, in place of one contribution per reader.
 */
final class JoinedGradients {
  /** A group of readers: the join they share and the position at which they read the input. */
  private record Key(GradientJoin join, int input) {}

  /** The readers of one group with their upstream gradients, in the order the pass met them. */
  private record Readers(List<Node> outputs, List<Node> upstreams) {}

  private final Map<Node, Map<Key, Readers>> held = new HashMap<>();

  /**
   * Holds {@code upstream}, the gradient of {@code reader}, which reads {@code in} at
   * {@code input}.
   */
  void hold(Node in, GradientJoin join, int input, Node reader, Node upstream) {
    Readers r = held.computeIfAbsent(in, k -> new LinkedHashMap<>())
        .computeIfAbsent(new Key(join, input), k -> new Readers(new ArrayList<>(),
            new ArrayList<>()));
    r.outputs().add(reader);
    r.upstreams().add(upstream);
  }

  /** Returns true when some contribution to {@code in} is held. */
  boolean holds(Node in) {
    return !held.isEmpty() && held.containsKey(in);
  }

  /**
   * Returns the joined contributions to {@code in}, one per group in the order the groups were
   * met (none when nothing is held), each built as the derivative of its group's first reader,
   * and forgets them.
   */
  List<Node> take(Node in) {
    Map<Key, Readers> groups = held.isEmpty() ? null : held.remove(in);
    if (groups == null) {
      return List.of();
    }
    List<Node> joined = new ArrayList<>();
    groups.forEach((key, readers) -> {
      Node first = readers.outputs().get(0);
      try (Graph.Scope of = first.graph().differentiating(first)) {
        joined.add(key.join().vjp(readers.outputs(), readers.upstreams(), key.input()));
      }
    });
    return joined;
  }
}
