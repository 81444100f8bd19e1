package dev.chainrule.core.export;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.tensor.Shape;
import java.util.List;
import java.util.Locale;

/**
 * The HTML-like label of one node: the user's name in bold (or, for an unnamed operation, the
 * operation itself), the operation with any literal operands written in, the shape in small grey
 * type, then optional value and gradient lines.
 */
final class NodeLabels {
  private static final String SHAPE_COLOR = "#666666";
  private static final String VALUE_COLOR = "#1f4e8c";
  private static final String GRADIENT_COLOR = "#8e44ad";
  private static final String ALARM_COLOR = "#c62828";

  private NodeLabels() {}

  /**
   * Returns the label attribute value, including its angle brackets.
   *
   * @param value the node's value lines, or null
   * @param gradient the lines of the node's gradient (the forward view's annotation), or null
   */
  static String label(Node n, Selection selection, ValueText value, ValueText gradient) {
    if (selection.role(n) == Role.LITERAL) {
      return DotText.quoted(selection.literalText(n));
    }
    StringBuilder sb = new StringBuilder("<");
    boolean named = n.kind() != NodeKind.OPERATION || n.isUserNamed();
    String op = n.op() == null ? null : operation(n, selection);
    sb.append("<b>").append(DotText.html(named ? n.name() : op)).append("</b>");
    if (named) {
      sb.append("<br/>").append(DotText.html(op != null ? op : kindWord(n)));
    }
    sb.append("<br/>").append(DotText.small(DotText.html(shape(n.shape())), SHAPE_COLOR));
    appendLines(sb, value, VALUE_COLOR);
    appendLines(sb, gradient, GRADIENT_COLOR);
    return sb.append('>').toString();
  }

  private static void appendLines(StringBuilder sb, ValueText text, String color) {
    if (text == null) {
      return;
    }
    String c = text.alarming() ? ALARM_COLOR : color;
    for (String line : text.lines()) {
      sb.append("<br/>").append(DotText.small(DotText.html(line), c));
    }
  }

  /**
   * Returns the operation as a label shows it: its own label, with literal operands written in on
   * their side of the operator when the selection folds them ({@code ∘ 0.5}, {@code 1 −}).
   */
  static String operation(Node n, Selection selection) {
    String label = n.op().label();
    if (!selection.inlinesLiterals(n)) {
      return label;
    }
    Node a = n.inputs().get(0);
    Node b = n.inputs().get(1);
    return (a.isLiteral() ? inline(a, selection) + " " : "") + label
        + (b.isLiteral() ? " " + inline(b, selection) : "");
  }

  /** Returns a literal as an operand in a label: a fraction such as 1/m in parentheses. */
  private static String inline(Node literal, Selection selection) {
    String text = selection.literalText(literal);
    return text.contains("/") ? "(" + text + ")" : text;
  }

  /** Returns a shape as labels write it: {@code scalar}, {@code (3,)} or {@code (4, 5)}. */
  static String shape(Shape s) {
    return s.rank() == 0 ? "scalar" : s.toString();
  }

  private static String kindWord(Node n) {
    return n.kind().name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns names followed by their shapes, as the collapsed view lists a layer's parameters and
   * outputs; scalars go without a shape.
   */
  static String namesWithShapes(List<Node> nodes) {
    StringBuilder sb = new StringBuilder();
    for (Node n : nodes) {
      sb.append(sb.length() == 0 ? "" : ", ").append(n.name());
      if (n.shape().rank() > 0) {
        sb.append(' ').append(shape(n.shape()));
      }
    }
    return sb.toString();
  }
}
