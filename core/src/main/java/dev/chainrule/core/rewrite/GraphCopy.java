package dev.chainrule.core.rewrite;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.DType;
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
 *
 * <p>A copy can also change dtype ({@link #inDType}): the checks ({@code GradCheck}, the formula
 * comparisons, Hessian differences) evaluate a float32 graph through its float64 copy, which
 * computes the same function at the same point, since every float32 number is a float64 number.
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
    return copy(targets, at, NodeFactory.plain(new Graph(Copier.sourceOf(targets).dtype())));
  }

  /**
   * Returns a copy of the ancestors of {@code targets} computing in {@code dtype} alone: its
   * parameters, held inputs and constants hold their values converted to {@code dtype} (copies,
   * where the dtype differs: moving them leaves the original alone), every cast casts to {@code
   * dtype}, and each node keeps its name, scope, gradient pass and user line, so that errors and
   * reports about the copy name the user's nodes and lines. Feed it through {@link
   * Rewritten#feeds}, which converts the values.
   */
  public static Rewritten inDType(List<Node> targets, DType dtype) {
    return cut(targets, List.of(), dtype);
  }

  /** Returns {@link #cut(List, Collection)} computing in {@code dtype}, as {@link #inDType}. */
  public static Rewritten cut(List<Node> targets, Collection<Node> at, DType dtype) {
    return copy(targets, at, NodeFactory.converting(new Graph(dtype)));
  }

  /**
   * Returns true when every node {@code targets} are computed from is of {@code dtype}, so that
   * the graph needs no {@link #inDType} copy to compute in it.
   */
  public static boolean computesIn(List<Node> targets, DType dtype) {
    Graph source = Copier.sourceOf(targets);
    boolean[] needed = Copier.ancestors(source, targets, Set.of());
    for (int id = 0; id < needed.length; id++) {
      if (needed[id] && source.node(id).dtype() != dtype) {
        return false;
      }
    }
    return true;
  }

  private static Rewritten copy(List<Node> targets, Collection<Node> at, NodeFactory factory) {
    Graph source = Copier.sourceOf(targets);
    Set<Node> cut = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    cut.addAll(at);
    Node[] copies = Copier.copy(targets, cut, Set.of(), factory);
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
