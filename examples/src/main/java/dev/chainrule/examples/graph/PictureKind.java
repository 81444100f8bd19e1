package dev.chainrule.examples.graph;

/** The views the {@code graph} subcommand draws, as the command line and file names word them. */
public enum PictureKind {
  /** The forward graph. */
  FORWARD("forward", "forward"),
  /** The gradient graph reverse mode builds, and the forward values it reuses. */
  BACKWARD("backward", "backward"),
  /** Forward and gradient graph together. */
  BOTH("both", "both"),
  /** One box per layer (top-level name scope). */
  LAYERS("layers", "layers"),
  /** The gradient graph after the rewrites: the equations {@code formulas} prints, drawn. */
  SIMPLIFIED("simplified", "backward-simplified"),
  /** The gradient graph as built and after the rewrites, side by side. */
  BEFORE_AFTER("before-after", "backward-before-after"),
  /** Autograd's gradient next to each of the seed's hand-derived formulas, one per formula. */
  MANUAL("manual", "manual");

  private final String word;
  private final String fileSuffix;

  PictureKind(String word, String fileSuffix) {
    this.word = word;
    this.fileSuffix = fileSuffix;
  }

  /** Returns the word used on the command line, e.g. {@code before-after}. */
  public String word() {
    return word;
  }

  /** Returns what follows the example's name in file names, e.g. {@code backward-simplified}. */
  public String fileSuffix() {
    return fileSuffix;
  }

  /** Returns the kind the command line names {@code word}, or null when there is none. */
  public static PictureKind parse(String word) {
    for (PictureKind k : values()) {
      if (k.word.equalsIgnoreCase(word.trim())) {
        return k;
      }
    }
    return null;
  }
}
