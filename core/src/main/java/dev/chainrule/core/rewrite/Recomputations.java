package dev.chainrule.core.rewrite;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The rewrites of one rewriting run that computed a node again in another form (Bᵀ·Aᵀ for a read
 * of (A·B)ᵀ, see {@link dev.chainrule.core.graph.Rewrite.Context#recomputing}), each keyed by
 * where it fired: the source node being copied and its rank among the recomputations of that
 * copy. After the run the rewriter asks which of them left both forms needed (the work done
 * twice), and runs again with those sites blocked.
 */
final class Recomputations {
  /**
   * Where a recomputation fired.
   *
   * @param source the id of the source node whose copy was being built
   * @param rank the recomputation's rank among those of that copy, from 0
   */
  record Site(int source, int rank) {}

  private record Recomputation(Site site, Node original, Node result) {}

  private final Set<Site> blocked;
  private final List<Recomputation> done = new ArrayList<>();
  private int source = -1;
  private int rank;

  /** Creates the record of a run in which the recomputations at {@code blocked} do not apply. */
  Recomputations(Set<Site> blocked) {
    this.blocked = Set.copyOf(blocked);
  }

  /** Hears that the copy of the source node {@code original} is being built. */
  void copying(Node original) {
    source = original.id();
    rank = 0;
  }

  /**
   * Returns the node {@code form} builds in {@code graph} and records it when it is new; null,
   * without building it, at a blocked site.
   */
  Node recomputing(Graph graph, Node original, Supplier<Node> form) {
    Site site = new Site(source, rank++);
    if (blocked.contains(site)) {
      return null;
    }
    int before = graph.size();
    Node result = form.get();
    if (result.id() >= before) {
      done.add(new Recomputation(site, original, result));
    }
    return result;
  }

  /** Returns the sites whose original and new form are both {@code needed} in the end. */
  Set<Site> twice(Predicate<Node> needed) {
    Set<Site> sites = new HashSet<>();
    for (Recomputation r : done) {
      if (needed.test(r.original()) && needed.test(r.result())) {
        sites.add(r.site());
      }
    }
    return sites;
  }
}
