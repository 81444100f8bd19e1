package dev.chainrule.core.export;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Summarises a picture that would draw more boxes than its budget, or more rows than a tenth of it
 * and at least 40 (a picture several screens deep, whose layout also costs Graphviz most), in
 * three stages, each only as far as needed: name scopes collapse to one box each (the largest
 * first; the backward pass one box per scope), then runs of identical steps fold to one box each
 * (the longest first), and finally the boxes farthest from the picture's targets are left out, as
 * one box that says how many (this stage counts boxes only). Scopes and folds the options name as
 * expanded are never folded. Everything is decided in creation order, so the same graph gives the
 * same summary.
 */
final class Summariser {
  private static final int MAX_SCOPE_DEPTH = 4;
  private static final int MIN_ROWS = 40;
  private static final String BACKWARD_OF = "backward of ";
  /** Marks a node whose users sit in different folds, or some in none. */
  private static final Fold MIXED = new Fold(Fold.Kind.REST, "mixed", null);

  private final Selection selection;
  private final ExportOptions options;
  private final Fold[] foldOf;
  private final int rowBudget;
  private int count;

  private Summariser(Selection selection, ExportOptions options, int graphSize) {
    this.selection = selection;
    this.options = options;
    this.foldOf = new Fold[graphSize];
    this.count = selection.drawn().size();
    this.rowBudget = rowBudget(options.maxNodes());
  }

  /**
   * Returns the most rows a picture of at most {@code maxNodes} boxes may be deep unsummarised: a
   * tenth of the budget, and never fewer than 40.
   */
  static int rowBudget(int maxNodes) {
    return maxNodes == ExportOptions.ALL_NODES ? ExportOptions.ALL_NODES : Math.max(MIN_ROWS,
        maxNodes / 10);
  }

  /**
   * Returns the summary of {@code selection} within the options' budget, or null when it fits as
   * it is and {@code collapseAll} is false; with {@code collapseAll} every scope is collapsed
   * first (the layers view).
   */
  static Summary summarise(Selection selection, ExportOptions options, List<Node> targets,
      boolean collapseAll) {
    int budget = options.maxNodes();
    int size = selection.drawn().get(selection.drawn().size() - 1).id() + 1;
    Summariser s = new Summariser(selection, options, size);
    int rows = s.count > budget ? 0 : Rows.of(selection, s.foldOf);
    if (s.count <= budget && rows <= s.rowBudget && !collapseAll) {
      return null;
    }
    s.collapseScopes(budget, collapseAll);
    RunFinder finder = s.foldRuns(budget);
    s.leaveOut(budget, targets);
    s.foldLiterals();
    return s.summary(budget, rows > s.rowBudget ? rows : 0, finder);
  }

  /** Returns true while the picture draws more boxes than the budget, or more rows. */
  private boolean over(int budget) {
    return count > budget || Rows.of(selection, foldOf) > rowBudget;
  }

  private void collapseScopes(int budget, boolean all) {
    int depth = depth();
    Map<String, Fold> scopes = new LinkedHashMap<>();
    for (Node n : selection.drawn()) {
      String key = scopeKey(n, depth);
      if (key != null) {
        scopes.computeIfAbsent(key, k -> new Fold(k.startsWith(BACKWARD_OF)
            ? Fold.Kind.BACKWARD_SCOPE : Fold.Kind.SCOPE, k, null)).nodes().add(n);
      }
    }
    List<Fold> bySize = new ArrayList<>(scopes.values());
    bySize.sort(Comparator.comparingInt((Fold f) -> -f.nodes().size()));
    for (Fold f : bySize) {
      if ((all || over(budget)) && f.nodes().size() > 1
          && !options.expanded().contains(f.name())) {
        fold(f);
      }
    }
    Fold[] users = userFolds(false);
    for (Node n : selection.drawn()) {
      Fold only = users[n.id()];
      if (foldOf[n.id()] == null && !n.isLiteral() && !n.isGradient() && n.scope().isEmpty()
          && (n.kind() == NodeKind.PARAMETER || n.kind() == NodeKind.CONSTANT)
          && only != null && only != MIXED && only.kind() == Fold.Kind.SCOPE) {
        only.nodes().add(n);
        foldOf[n.id()] = only;
        count--;
      }
    }
  }

  /**
   * Returns the scope depth to collapse at: 1 (one box per top-level scope), deeper while all
   * forward nodes share one scope at that depth and some lie deeper (a model wrapped in one
   * scope).
   */
  private int depth() {
    for (int d = 1; d < MAX_SCOPE_DEPTH; d++) {
      Set<String> keys = new HashSet<>();
      boolean deeper = false;
      for (Node n : selection.drawn()) {
        if (!n.scope().isEmpty() && !n.isGradient()) {
          keys.add(truncate(n.scope(), d));
          deeper |= n.scope().split("/").length > d;
        }
      }
      if (keys.size() != 1 || !deeper) {
        return d;
      }
    }
    return MAX_SCOPE_DEPTH;
  }

  private String scopeKey(Node n, int depth) {
    if (n.isLiteral()) {
      return null;
    }
    if (n.isGradient() && !selection.role(n).faded()) {
      Node of = n.derivativeOf();
      String scope = of != null ? of.scope() : n.scope();
      return scope.isEmpty() ? null : BACKWARD_OF + truncate(scope, depth);
    }
    return n.scope().isEmpty() ? null : truncate(n.scope(), depth);
  }

  private static String truncate(String scope, int depth) {
    String[] parts = scope.split("/");
    return String.join("/", List.of(parts).subList(0, Math.min(depth, parts.length)));
  }

  /**
   * Returns, by node id, the one fold all of the node's drawn users sit in ({@code literals}:
   * every user; otherwise forward users only), {@link #MIXED} when they differ or one is drawn in
   * detail, null when it has no such user.
   */
  private Fold[] userFolds(boolean literals) {
    Fold[] users = new Fold[foldOf.length];
    for (Node user : selection.drawn()) {
      if (!literals && user.isGradient()) {
        continue;
      }
      Fold f = foldOf[user.id()] == null ? MIXED : foldOf[user.id()];
      for (Node in : user.inputs()) {
        if (in.id() < users.length) {
          Fold before = users[in.id()];
          users[in.id()] = before == null || before == f ? f : MIXED;
        }
      }
    }
    return users;
  }

  private RunFinder foldRuns(int budget) {
    List<Node> sequence = new ArrayList<>();
    for (Node n : selection.drawn()) {
      if (foldOf[n.id()] == null && !n.isLiteral()) {
        sequence.add(n);
      }
    }
    RunFinder finder = new RunFinder(sequence, selection, foldOf.length);
    if (!over(budget)) {
      return finder;
    }
    List<Fold> runs = new ArrayList<>();
    for (RunFinder.Run r : finder.runs()) {
      Fold f = new Fold(Fold.Kind.RUN, "fold " + (runs.size() + 1), r);
      f.nodes().addAll(sequence.subList(r.start(), r.end()));
      runs.add(f);
    }
    List<Fold> bySize = new ArrayList<>(runs);
    bySize.sort(Comparator.comparingInt((Fold f) -> -f.nodes().size()));
    for (Fold f : bySize) {
      if (over(budget) && !options.expanded().contains(f.name())) {
        fold(f);
      }
    }
    return finder;
  }

  /**
   * Leaves out what lies farthest from the targets, walking back from them through the boxes
   * drawn so far until the budget is full, and the rest becomes one box. Nodes drawn in detail
   * fill only a quarter of the budget: hundreds of unstructured nodes read as a wall, however
   * they are laid out.
   */
  private void leaveOut(int budget, List<Node> targets) {
    if (count <= budget) {
      return;
    }
    Set<Object> kept = new HashSet<>();
    int[] nodes = {0};
    Deque<Node> queue = new ArrayDeque<>();
    List<Node> starts = new ArrayList<>(targets);
    if (selection.loss() != null) {
      starts.add(selection.loss());
    }
    for (Node t : starts) {
      keep(t, kept, nodes, budget, queue);
    }
    while (!queue.isEmpty()) {
      for (Node in : queue.poll().inputs()) {
        keep(in, kept, nodes, budget, queue);
      }
    }
    Fold rest = new Fold(Fold.Kind.REST, "the rest", null);
    for (Node n : selection.drawn()) {
      if (!n.isLiteral() && !kept.contains(item(n))) {
        rest.nodes().add(n);
        foldOf[n.id()] = rest;
      }
    }
    count = kept.size() + 1;
  }

  /** Keeps the box of {@code n} if the budget has room for it, and queues its nodes. */
  private void keep(Node n, Set<Object> kept, int[] nodes, int budget, Deque<Node> queue) {
    if (!selection.isDrawn(n) || n.isLiteral()) {
      return;
    }
    Object item = item(n);
    boolean node = item == n;
    if (kept.contains(item) || kept.size() >= budget - 1
        || node && nodes[0] >= Math.max(1, budget / 4)) {
      return;
    }
    kept.add(item);
    nodes[0] += node ? 1 : 0;
    enqueue(n, queue);
  }

  /** Queues a node, or every node of its fold, to walk back from. */
  private void enqueue(Node n, Deque<Node> queue) {
    Fold f = foldOf[n.id()];
    if (f == null) {
      queue.add(n);
    } else {
      queue.addAll(f.nodes());
    }
  }

  private Object item(Node n) {
    Fold f = foldOf[n.id()];
    return f == null ? n : f;
  }

  /** Puts literal nodes (drawn when literals are not inlined) in the fold of all their users. */
  private void foldLiterals() {
    Fold[] users = userFolds(true);
    for (Node n : selection.drawn()) {
      Fold only = users[n.id()];
      if (n.isLiteral() && foldOf[n.id()] == null && only != null && only != MIXED) {
        only.nodes().add(n);
        foldOf[n.id()] = only;
        count--;
      }
    }
  }

  private void fold(Fold f) {
    for (Node n : f.nodes()) {
      foldOf[n.id()] = f;
    }
    count -= f.nodes().size() - 1;
  }

  private Summary summary(int budget, int deepRows, RunFinder finder) {
    List<Fold> folds = new ArrayList<>();
    Set<Fold> seen = new HashSet<>();
    List<Node> detailed = new ArrayList<>();
    for (Node n : selection.drawn()) {
      Fold f = foldOf[n.id()];
      if (f == null) {
        detailed.add(n);
      } else if (seen.add(f)) {
        folds.add(f);
      }
    }
    for (Fold f : folds) {
      f.nodes().sort(Comparator.comparingInt(Node::id));
    }
    return new Summary(foldOf, folds, detailed, selection.drawn().size(),
        new Summary.Budget(budget, rowBudget, deepRows), finder);
  }
}
