package dev.chainrule.core.export;

/** What an edge carries, which decides its colour and line style and its line in the legend. */
enum EdgeKind {
  FORWARD("data flow", "#444444", "solid"),
  BACKWARD("gradient flow", "#8e44ad", "solid"),
  REUSE("forward value reused by the backward pass", "#2f78c4", "dashed"),
  SEED("loss to its gradient seed, ∂loss/∂loss = 1", "#b03a2e", "dotted");

  private final String meaning;
  private final String color;
  private final String style;

  EdgeKind(String meaning, String color, String style) {
    this.meaning = meaning;
    this.color = color;
    this.style = style;
  }

  /** Returns the legend's words for this kind of edge. */
  String meaning() {
    return meaning;
  }

  /** Returns the edge colour. */
  String color() {
    return color;
  }

  /** Returns the line style as the legend names it. */
  String style() {
    return style;
  }

  /** Returns the DOT attributes of an edge of this kind (none for plain data flow). */
  String attributes() {
    if (this == FORWARD) {
      return "";
    }
    return "color=\"" + color + "\"" + (style.equals("solid") ? "" : ", style=" + style)
        + (this == SEED ? ", arrowhead=empty" : "");
  }
}
