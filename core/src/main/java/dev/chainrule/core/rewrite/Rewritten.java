package dev.chainrule.core.rewrite;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a rewrite: a new graph holding only what the targets need, the rewritten targets,
 * the node each original node became, and how often each rewrite fired. The original graph is
 * untouched, so an exporter can draw both, before and after.
 */
public class Rewritten {
  private final Graph graph;
  private final List<Node> targets;
  private final Map<Node, Node> map;
  private final Map<String, Integer> fired;

  Rewritten(Graph graph, List<Node> targets, Map<Node, Node> map, Map<String, Integer> fired) {
    this.graph = graph;
    this.targets = List.copyOf(targets);
    this.map = Collections.unmodifiableMap(map);
    this.fired = Collections.unmodifiableMap(fired);
  }

  /** Returns the new graph. */
  public Graph graph() {
    return graph;
  }

  /** Returns the rewritten targets, in the order given. */
  public List<Node> targets() {
    return targets;
  }

  /**
   * Returns the node that {@code original} became, or null when it was folded away or is not an
   * ancestor of any target.
   */
  public Node get(Node original) {
    return map.get(original);
  }

  /** Returns every original node that has a counterpart, mapped to it. */
  public Map<Node, Node> mapping() {
    return map;
  }

  /**
   * Returns {@code feeds} for the new graph: each fed input of the original graph feeds its
   * counterpart (inputs the rewrite dropped are left out). Where the counterpart has another dtype
   * ({@link GraphCopy#inDType}), the value is converted to it, after rounding it to the original
   * input's dtype: the copy sees exactly the numbers the original would.
   */
  public Feeds feeds(Feeds feeds) {
    Feeds out = Feeds.none();
    for (Map.Entry<Node, Tensor> e : feeds.asMap().entrySet()) {
      Node n = map.get(e.getKey());
      if (n != null && n.isInput()) {
        Tensor v = e.getValue();
        out = out.with(n, n.dtype() == e.getKey().dtype() ? v
            : v.to(e.getKey().dtype()).to(n.dtype()));
      }
    }
    return out;
  }

  /** Returns how often each rewrite fired, e.g. {@code "x·1 → x" → 3}, in first-fired order. */
  public Map<String, Integer> fired() {
    return fired;
  }

  /** Returns one line per rewrite that fired, with its count. */
  public String firedSummary() {
    StringBuilder sb = new StringBuilder();
    fired.forEach((k, v) -> sb.append(k).append(" ×").append(v).append('\n'));
    return sb.toString();
  }
}
