package dev.chainrule.core.export;

/**
 * A graph picture as DOT text, with what it stands for: how many nodes the graph would draw in
 * full, how many boxes the picture draws, and, when it had to be summarised to stay within the
 * node budget ({@link ExportOptions#withMaxNodes}), a message saying so. Returned by {@link
 * GraphExport#picture()}.
 *
 * @param dot the DOT text
 * @param nodes how many nodes drawing everything would draw
 * @param boxes how many boxes (nodes and folds) the picture draws
 * @param summary one line for the user when the picture was summarised: what was folded and how to
 *     see more; null when every node is drawn
 */
public record GraphPicture(String dot, int nodes, int boxes, String summary) {
  /** Returns true when the picture was summarised rather than drawn in full. */
  public boolean summarised() {
    return summary != null;
  }
}
