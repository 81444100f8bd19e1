package dev.chainrule.core.export;

import dev.chainrule.core.graph.Node;

/**
 * How many rows deep a picture is: the longest chain of boxes from a source to the end, as
 * Graphviz ranks them (top to bottom; left to right they are columns). A fold is one box, so an
 * edge between two nodes of one fold adds no row; the backward pass starts below its seed, which
 * is drawn below the loss. Nodes are visited in creation order, which puts every input before its
 * users.
 */
final class Rows {
  private Rows() {}

  /**
   * Returns the rows of {@code selection} drawn with {@code foldOf} (the fold of each node id,
   * null for a node drawn in detail).
   */
  static int of(Selection selection, Fold[] foldOf) {
    int[] row = new int[foldOf.length];
    Node loss = selection.loss();
    Node seed = selection.seed();
    boolean seedDrawn = seed != null && selection.isDrawn(seed);
    int deepest = 0;
    for (Node n : selection.drawn()) {
      if (n.isLiteral()) {
        continue;
      }
      int r = 1;
      for (Node in : n.inputs()) {
        if (in.id() < row.length && row[in.id()] > 0) {
          boolean sameBox = foldOf[n.id()] != null && foldOf[n.id()] == foldOf[in.id()];
          r = Math.max(r, row[in.id()] + (sameBox ? 0 : 1));
        }
      }
      if (n == seed && loss != null && selection.isDrawn(loss)) {
        r = Math.max(r, row[loss.id()] + 1);
      } else if (seedDrawn && n.isGradient() && !selection.role(n).faded()) {
        r = Math.max(r, row[seed.id()] + 1);
      }
      row[n.id()] = r;
      deepest = Math.max(deepest, r);
    }
    return deepest;
  }
}
