package dev.chainrule.examples.cli;

/**
 * One picture a subcommand draws: the file name it goes to (without extension) and its DOT text,
 * or, when it cannot be drawn, a note saying why.
 *
 * @param fileName the file name without extension, e.g. {@code shallow-backward-simplified}
 * @param dot the DOT text, or null when the picture was skipped
 * @param note why the picture was skipped, or null
 */
public record Picture(String fileName, String dot, String note) {
  /** Returns a picture to draw. */
  public static Picture of(String fileName, String dot) {
    return new Picture(fileName, dot, null);
  }

  /** Returns a picture that cannot be drawn, with the reason in the user's words. */
  public static Picture skipped(String fileName, String note) {
    return new Picture(fileName, null, note);
  }

  /** Returns true when there is nothing to draw, only a note. */
  public boolean isSkipped() {
    return dot == null;
  }
}
