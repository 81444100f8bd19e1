package dev.chainrule.core.rewrite;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plain copies of part of a graph, without rewriting: the ancestors of some targets, optionally cut
 * at given nodes, which become inputs of the same name and shape. Cutting at Z[2] gives the loss as
 * a function of Z[2] alone, which is how finite differences and local derivatives are taken with
 * respect to an intermediate node.
 */
public final class GraphCopy {
  private GraphCopy() {}

  /** Returns a copy of the ancestors of {@code targets} in a new graph. */
  public static Rewritten copy(List<Node> targets) {
    return cut(targets, List.of());
  }

  /**
   * Returns a copy of the ancestors of {@code targets} in which each node of {@code at} is an
   * input (without a value: feed it) and nothing below it is copied.
   */
  public static Rewritten cut(List<Node> targets, Collection<Node> at) {
    Graph source = Copier.sourceOf(targets);
    Set<Node> cut = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    cut.addAll(at);
    Node[] copies = Copier.copy(targets, cut, Set.of(), NodeFactory.plain(new Graph(source.dtype())));
    Map<Node, Node> map = new IdentityHashMap<>();
    for (int id = 0; id < copies.length; id++) {
      if (copies[id] != null) {
        map.put(source.node(id), copies[id]);
      }
    }
    List<Node> out = targets.stream().map(t -> copies[t.id()]).toList();
    return new Rewritten(out.get(0).graph(), out, map, Map.of());
  }
}
