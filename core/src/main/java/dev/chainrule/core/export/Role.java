package dev.chainrule.core.export;

/**
 * What a node is in a picture, which decides its colours and its line in the legend. Every drawn
 * node has exactly one role; the first that applies wins, in the order: reused forward value (in
 * the backward view), context (a node the picture stops at), loss, gradient of a parameter, other
 * gradient, literal, input, parameter, constant, operation.
 */
enum Role {
  INPUT("input, fed at run time", "box", "rounded,filled", "#dbeafe", "#2f5f98", 1.0),
  PARAMETER("parameter, trained", "box", "rounded,filled", "#fff1c9", "#a67c00", 1.5),
  CONSTANT("constant", "box", "rounded,filled", "#eeeeee", "#777777", 1.0),
  LITERAL("literal number", "plaintext", "", "#ffffff", "#555555", 1.0),
  OPERATION("operation", "box", "rounded,filled", "#ffffff", "#444444", 1.0),
  LOSS("loss", "box", "rounded,filled", "#fbd5d5", "#b03a2e", 2.0),
  GRADIENT("gradient (backward pass)", "box", "rounded,filled,dashed", "#f3e8fb", "#8e44ad", 1.2),
  PARAMETER_GRADIENT("gradient of a parameter", "box", "rounded,filled,dashed", "#d5f0d5",
      "#2e7d32", 2.0),
  REUSED("forward value reused by the backward pass", "box", "rounded,filled,dotted", "#f4f4f4",
      "#999999", 1.0),
  CONTEXT("value computed elsewhere, drawn as context", "box", "rounded,filled,dotted", "#f4f4f4",
      "#999999", 1.0);

  private final String meaning;
  private final String shape;
  private final String style;
  private final String fill;
  private final String border;
  private final double penWidth;

  Role(String meaning, String shape, String style, String fill, String border, double penWidth) {
    this.meaning = meaning;
    this.shape = shape;
    this.style = style;
    this.fill = fill;
    this.border = border;
    this.penWidth = penWidth;
  }

  /** Returns the legend's words for this role. */
  String meaning() {
    return meaning;
  }

  /** Returns true for the roles drawn faded: context the picture shows but does not explain. */
  boolean faded() {
    return this == REUSED || this == CONTEXT;
  }

  /** Returns the fill colour, used for the node and its legend cell. */
  String fill() {
    return fill;
  }

  /** Returns the border colour. */
  String border() {
    return border;
  }

  /**
   * Returns the DOT attributes of a node with this role; an unnamed operation is drawn as an
   * ellipse so that the user's named quantities stand out as boxes.
   */
  String attributes(boolean named) {
    if (this == LITERAL) {
      return "shape=plaintext, fontcolor=\"" + border + "\"";
    }
    String s = named ? shape : "ellipse";
    String st = named ? style : style.replace("rounded,", "");
    String pen = penWidth == 1.0 ? "" : ", penwidth=" + DotText.number(penWidth);
    String font = faded() ? ", fontcolor=\"#666666\"" : "";
    return "shape=" + s + ", style=\"" + st + "\", fillcolor=\"" + fill + "\", color=\"" + border
        + "\"" + pen + font;
  }
}
