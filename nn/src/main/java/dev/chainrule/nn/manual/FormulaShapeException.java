package dev.chainrule.nn.manual;

import dev.chainrule.core.tensor.Shape;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a formula, evaluated exactly as a seed writes it, cannot be evaluated because the
 * shapes of its factors do not agree (a matrix product whose inner dimensions differ, an entry a
 * matrix does not have). The message quotes the formula and every factor's shape.
 */
public final class FormulaShapeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  /** The formula as the seed writes it. */
  private final String formula;
  /** Why it cannot be evaluated. */
  private final String reason;
  /** The shapes of its factors, left to right. */
  private final transient List<Shape> shapes;

  /** Creates the exception for {@code formula}, whose factors have {@code shapes}. */
  public FormulaShapeException(String formula, List<Shape> shapes, String reason) {
    super(formula + ": factors " + shapes.stream().map(Shape::toString)
        .collect(Collectors.joining(" · ")) + " — " + reason);
    this.formula = formula;
    this.reason = reason;
    this.shapes = List.copyOf(shapes);
  }

  /** Returns the formula as the seed writes it. */
  public String formula() {
    return formula;
  }

  /** Returns why the formula cannot be evaluated, e.g. which product does not conform. */
  public String reason() {
    return reason;
  }

  /** Returns the shapes of the formula's factors, left to right. */
  public List<Shape> shapes() {
    return shapes;
  }
}
