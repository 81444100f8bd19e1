package dev.chainrule.examples.cli;

import dev.chainrule.core.export.GraphPicture;

/**
 * One picture a subcommand draws: the file name it goes to (without extension) and its DOT text,
 * or, when it cannot be drawn, a note saying why; and when it was summarised to fit the node
 * budget, what the summary says.
 *
 * @param fileName the file name without extension, e.g. {@code shallow-backward-simplified}
 * @param dot the DOT text, or null when the picture was skipped
 * @param note why the picture was skipped, or null
 * @param summary how the picture was summarised, or null when every node is drawn
 */
public record Picture(String fileName, String dot, String note, String summary) {
  /** Returns a picture to draw. */
  public static Picture of(String fileName, String dot) {
    return new Picture(fileName, dot, null, null);
  }

  /** Returns a picture to draw, with its summary when it was summarised. */
  public static Picture of(String fileName, GraphPicture picture) {
    return new Picture(fileName, picture.dot(), null, picture.summary());
  }

  /** Returns a picture that cannot be drawn, with the reason in the user's words. */
  public static Picture skipped(String fileName, String note) {
    return new Picture(fileName, null, note, null);
  }

  /** Returns true when there is nothing to draw, only a note. */
  public boolean isSkipped() {
    return dot == null;
  }
}
