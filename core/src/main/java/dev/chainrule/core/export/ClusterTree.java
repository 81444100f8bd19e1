package dev.chainrule.core.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nested clusters of a picture, one per name scope (and one for the backward pass), holding
 * node statements in the order they were added. Writing it emits each cluster once with every node
 * declared inside it, and numbers clusters in emission order, so the DOT text is deterministic.
 * Edges are written by the caller at the root, after all clusters.
 */
final class ClusterTree {
  /** The path segment of the backward pass's cluster; a scope segment never contains a slash. */
  static final String BACKWARD = "/backward";

  private final String name;
  private final List<String> statements = new ArrayList<>();
  private final Map<String, ClusterTree> children = new LinkedHashMap<>();

  private ClusterTree(String name) {
    this.name = name;
  }

  /** Returns an empty root: statements added with an empty path go to the graph itself. */
  static ClusterTree root() {
    return new ClusterTree(null);
  }

  /** Adds a node statement to the cluster at {@code path}, creating clusters on the way. */
  void add(List<String> path, String statement) {
    ClusterTree t = this;
    for (String segment : path) {
      t = t.children.computeIfAbsent(segment, ClusterTree::new);
    }
    t.statements.add(statement);
  }

  /**
   * Appends the clusters and their statements at {@code indent}, numbering clusters from 1 after
   * {@code prefix} ({@code cluster_1}, or {@code cluster_a1} with prefix {@code a}), so that
   * several trees can share one picture.
   */
  void write(StringBuilder sb, String indent, String prefix) {
    write(sb, indent, prefix, new int[] {0});
  }

  private void write(StringBuilder sb, String indent, String prefix, int[] counter) {
    for (String s : statements) {
      sb.append(indent).append(s).append('\n');
    }
    for (ClusterTree child : children.values()) {
      sb.append(indent).append("subgraph cluster_").append(prefix).append(++counter[0])
          .append(" {\n");
      sb.append(indent).append("  ").append(child.attributes()).append('\n');
      child.write(sb, indent + "  ", prefix, counter);
      sb.append(indent).append("}\n");
    }
  }

  private String attributes() {
    if (name.equals(BACKWARD)) {
      return "label=\"backward pass\"; style=\"rounded,filled,dashed\"; fillcolor=\"#fcf8fe\"; "
          + "color=\"#8e44ad\"; fontcolor=\"#8e44ad\"; fontsize=12;";
    }
    return "label=" + DotText.quoted(name) + "; style=\"rounded\"; color=\"#9aa7b8\"; "
        + "fontcolor=\"#4a5a70\"; fontsize=11;";
  }
}
