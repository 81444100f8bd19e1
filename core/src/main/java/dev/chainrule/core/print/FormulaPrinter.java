package dev.chainrule.core.print;

import dev.chainrule.core.graph.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes nodes as equations in the seeds' notation, in Unicode text or in LaTeX: named nodes
 * (Z[1], dW[2]) are atoms, unnamed ones are written inline, scalar literals as numbers, and
 * parentheses only where precedence needs them. Scalar factors stand in front, a registered
 * symbol replaces a number the graph ties to it ({@code withSymbol("m", 8)} turns the 0.125 of a
 * mean over 8 into 1/m): {@code dW[2] = (1/m)·dZ[2]·A[1]ᵀ}. Immutable; the {@code with} methods
 * return new printers.
 */
public final class FormulaPrinter {
  private final Style style;
  private final Map<String, Double> symbols;
  private final boolean axes;

  private FormulaPrinter(Style style, Map<String, Double> symbols, boolean axes) {
    this.style = style;
    this.symbols = symbols;
    this.axes = axes;
  }

  /** Returns a printer writing Unicode text: W[2]ᵀ·dZ[2], dA[1] ∘ (1 − A[1]²). */
  public static FormulaPrinter unicode() {
    return new FormulaPrinter(new UnicodeStyle(), new LinkedHashMap<>(), false);
  }

  /** Returns a printer writing LaTeX: W^{[2]T} \cdot dZ^{[2]}. */
  public static FormulaPrinter latex() {
    return new FormulaPrinter(new LatexStyle(), new LinkedHashMap<>(), false);
  }

  /**
   * Returns a printer that writes a literal {@code value} as {@code name}, and ±1/value as
   * ±1/name, where the graph ties the literal to the symbol: {@code value} counts the terms the
   * literal averages (the batch size {@code ("m", 8)}: the 1/8 in front of a sum, a mean or a
   * matrix product over 8 terms, or of the gradient of a mean over 8), or {@code name} is a scalar
   * constant of the graph holding {@code value} ({@code ("λ", 0.1)}). A number that only equals
   * {@code value}, such as an exponent, stays a number.
   */
  public FormulaPrinter withSymbol(String name, double value) {
    Map<String, Double> more = new LinkedHashMap<>(symbols);
    more.put(name, value);
    return new FormulaPrinter(style, more, axes);
  }

  /**
   * Returns a printer that writes the axes of every sum and mean, as NumPy code does:
   * {@code Σ[axis=1, keepdims] dZ[2]}.
   */
  public FormulaPrinter withAxes() {
    return new FormulaPrinter(style, symbols, true);
  }

  /** Returns the formula computing {@code node}: its operation over its inputs. */
  public String expression(Node node) {
    return renderer().definition(node).text();
  }

  /**
   * Returns {@code name = formula} for a named node ({@code dZ[2] = A[2] − Y}); for an unnamed
   * node, its formula alone.
   */
  public String equation(Node node) {
    Renderer r = renderer();
    String rhs = r.definition(node).text();
    return node.isUserNamed() ? style.name(node.name()) + " = " + rhs : rhs;
  }

  /** Returns {@link #equation} for each node, in order. */
  public List<String> equations(List<Node> nodes) {
    return nodes.stream().map(this::equation).toList();
  }

  private Renderer renderer() {
    return new Renderer(style, symbols, axes);
  }
}
