package dev.chainrule.core.check;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.graph.CreationSite;
import dev.chainrule.core.graph.GraphMismatchException;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ShapeException;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.print.FormulaPrinter;
import dev.chainrule.core.rewrite.GraphCopy;
import dev.chainrule.core.rewrite.Rewritten;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares hand-derived gradient formulas with reverse mode and with central finite differences,
 * for a gradient with respect to a parameter, an input, or an intermediate node such as Z[2] (the
 * loss is then cut at that node). Use {@link #compare} for a report, {@link #assertAgrees} in a
 * JUnit test: it throws an {@link AssertionError} carrying the report, which JUnit shows as a
 * failure.
 */
public final class ManualFormulaCheck {
  /** The default tolerance: the largest error, relative to the gradient's size, that agrees. */
  public static final double DEFAULT_TOLERANCE = 1e-8;
  /**
   * The default tolerance on a graph that computes in float32 (in part or whole). Its values are
   * compared in float64 too ({@link InFloat64}), but the literals and constants of the formula
   * and of reverse mode's derivative graph are float32 numbers: 1/3 is held as 0.3333333433, off
   * by up to 2⁻²⁴ ≈ 6e-8 of itself. Two correct forms that round different constants (a formula's
   * (1/m)·Σ against reverse mode's division by m) then differ by a few 6e-8; 1e-6 covers a dozen
   * such roundings, and a wrong formula (a factor, a transpose, a sign) is off by far more.
   */
  public static final double FLOAT32_TOLERANCE = 1e-6;

  private ManualFormulaCheck() {}

  /**
   * Compares {@code manual} with ∂loss/∂wrt at {@code feeds}, with the default tolerance ({@link
   * #DEFAULT_TOLERANCE}, or {@link #FLOAT32_TOLERANCE} when the loss computes in float32).
   */
  public static FormulaComparison compare(Node loss, Node wrt, ManualFormula manual,
      Feeds feeds) {
    return compare(loss, wrt, manual, feeds, defaultTolerance(loss));
  }

  /** Returns the default tolerance for a comparison of {@code loss}'s derivatives. */
  private static double defaultTolerance(Node loss) {
    return GraphCopy.computesIn(List.of(loss), DType.FLOAT64) ? DEFAULT_TOLERANCE
        : FLOAT32_TOLERANCE;
  }

  /**
   * Compares {@code manual} with ∂loss/∂wrt at {@code feeds}: AGREES when the largest absolute
   * error is at most {@code tolerance} times the largest magnitude of either gradient. Every value
   * is computed in float64, through a float64 copy of the graph when it computes in float32 (the
   * reverse-mode gradient and the formula are still built in the loss's graph).
   */
  public static FormulaComparison compare(Node loss, Node wrt, ManualFormula manual, Feeds feeds,
      double tolerance) {
    Node gradient = Autodiff.grad(loss, wrt).get(0);
    Reference r = new Reference("∂" + loss.name() + "/∂" + wrt.name(), "gradient", gradient,
        InFloat64.valueOf(gradient, feeds), numeric(loss, wrt, feeds),
        " (the shape of " + wrt.name() + ")");
    return judge(loss, wrt, manual, feeds, tolerance, r);
  }

  /**
   * Compares a hand-derived Hessian {@code manual} with ∂²loss/∂wrt² at {@code feeds}, with the
   * default tolerance (as {@link #compare(Node, Node, ManualFormula, Feeds)}): the formula gives
   * the (n, n) matrix over wrt's n elements in row-major order, the textbook's H for a row or
   * column of weights (such as (1/m)·X·diag(A ∘ (1 − A))·Xᵀ for the logistic loss). Autograd's side
   * is {@link Autodiff#hessian}, and the finite-difference side is central differences of the
   * gradient, column by column.
   */
  public static FormulaComparison compareHessian(Node loss, Node wrt, ManualFormula manual,
      Feeds feeds) {
    return compareHessian(loss, wrt, manual, feeds, defaultTolerance(loss));
  }

  /**
   * Compares a hand-derived Hessian as {@link #compareHessian(Node, Node, ManualFormula, Feeds)}:
   * AGREES when the largest absolute error is at most {@code tolerance} times the largest
   * magnitude of either matrix.
   */
  public static FormulaComparison compareHessian(Node loss, Node wrt, ManualFormula manual,
      Feeds feeds, double tolerance) {
    int n = wrt.shape().size();
    Node hessian = Autodiff.hessian(loss, wrt);
    Reference r = new Reference("∂²" + loss.name() + "/∂" + wrt.name() + "²", "Hessian", hessian,
        InFloat64.valueOf(hessian, feeds).reshape(n, n),
        HessianDifferences.of(loss, wrt, feeds),
        " (" + wrt.name() + " has " + n + " elements)");
    return judge(loss, wrt, manual, feeds, tolerance, r);
  }

  /**
   * Autograd's side of a comparison.
   *
   * @param derivative the derivative as written, ∂J/∂W
   * @param quantity "gradient" or "Hessian"
   * @param node the derivative's node
   * @param value its value, in the shape the formula must have
   * @param numeric the same by central differences
   * @param shapeReason why it has its shape, in words
   */
  private record Reference(String derivative, String quantity, Node node, Tensor value,
      Tensor numeric, String shapeReason) {}

  /** Evaluates {@code manual} and judges it against {@code r}. */
  private static FormulaComparison judge(Node loss, Node wrt, ManualFormula manual, Feeds feeds,
      double tolerance, Reference r) {
    Tensor autograd = r.value();
    Tensor value = null;
    String built = null;
    String message = null;
    Node expression = null;
    try {
      if (manual.graphBuilder() != null) {
        expression = manual.graphBuilder().get();
        sameGraph(manual, expression, loss);
        built = FormulaPrinter.unicode().expression(expression);
        value = InFloat64.valueOf(expression, feeds);
      } else {
        value = manual.tensorFunction().apply(NamedValues.of(loss, feeds)).to(DType.FLOAT64);
      }
    } catch (NamedValues.UnknownName | GraphMismatchException e) {
      throw e;
    } catch (ShapeException e) {
      message = "the formula's products do not conform: " + inFormulaWords(e);
    } catch (IllegalArgumentException e) {
      message = "the formula's products do not conform: " + e.getMessage();
    }
    if (value != null && !value.shape().equals(autograd.shape())) {
      message = "the formula gives shape " + value.shape() + " but " + r.derivative()
          + " has shape " + autograd.shape() + r.shapeReason();
    }
    Verdict verdict = message != null ? Verdict.SHAPE_MISMATCH
        : NonFinite.of(value, autograd) == null
            && Errors.maxAbsFinite(value, autograd) <= tolerance * Errors.scale(value, autograd)
        ? Verdict.AGREES : Verdict.DIFFERS;
    return new FormulaComparison(new FormulaComparison.Parts(manual.name(), wrt.name(),
        r.derivative(), r.quantity(), verdict, tolerance, autograd, value, r.numeric(), built,
        message, r.node(), expression));
  }

  /**
   * Throws an {@link AssertionError} carrying the comparison's report unless {@code manual}
   * agrees with ∂loss/∂wrt; returns the report when it does.
   */
  public static FormulaComparison assertAgrees(Node loss, Node wrt, ManualFormula manual,
      Feeds feeds) {
    return assertAgrees(compare(loss, wrt, manual, feeds));
  }

  /** Throws an {@link AssertionError} carrying the report unless its verdict is AGREES. */
  public static FormulaComparison assertAgrees(FormulaComparison comparison) {
    if (comparison.verdict() != Verdict.AGREES) {
      throw new AssertionError("hand-derived formula does not agree with reverse mode:\n"
          + comparison.text());
    }
    return comparison;
  }

  /**
   * Returns a shape error of the formula with each operand written as the sub-expression it is,
   * e.g. {@code matmul of (A[2] − Y)ᵀ (8, 1) and A[1] (4, 8): …}, rather than by an automatic
   * name such as {@code transpose_41}.
   */
  private static String inFormulaWords(ShapeException e) {
    if (e.operation() == null) {
      return e.getMessage();
    }
    FormulaPrinter printer = FormulaPrinter.unicode();
    return e.operation() + " of " + ShapeException.describe(e.operands(),
        n -> n.isUserNamed() ? n.name() : printer.expression(n)) + ": " + e.reason()
        + (e.site() != null ? " (at " + e.site() + ")" : "");
  }

  /** Refuses a formula built on the nodes of another graph than the loss's. */
  private static void sameGraph(ManualFormula manual, Node expression, Node loss) {
    if (expression.graph() != loss.graph()) {
      throw new GraphMismatchException("manual formula '" + manual.name() + "' is built on "
          + "nodes of another graph than the loss " + loss.name() + "; build it from the nodes of "
          + loss.name() + "'s graph, which the comparison evaluates and differentiates (at "
          + (expression.site() != null ? expression.site() : CreationSite.here()) + ")");
    }
  }

  /**
   * Returns the central-difference gradient in float64, cutting the loss at an intermediate node.
   */
  private static Tensor numeric(Node loss, Node wrt, Feeds feeds) {
    Rewritten float64 = InFloat64.copyIfNeeded(List.of(loss, wrt));
    if (float64 != null) {
      return numeric(float64.get(loss), float64.get(wrt), float64.feeds(feeds));
    }
    if (wrt.kind() == NodeKind.PARAMETER || wrt.kind() == NodeKind.INPUT) {
      return GradCheck.numericGradient(Plan.compile(loss), loss, wrt, feeds,
          GradCheck.DEFAULT_STEP);
    }
    Tensor at = InFloat64.valueOf(wrt, feeds);
    Rewritten cut = GraphCopy.cut(List.of(loss), List.of(wrt));
    Node input = cut.get(wrt);
    Feeds f = cut.feeds(feeds).with(input, at);
    return GradCheck.numericGradient(Plan.compile(cut.get(loss)), cut.get(loss), input, f,
        GradCheck.DEFAULT_STEP);
  }

  /** Compares several formulas for one loss, in order. */
  public static List<FormulaComparison> compareAll(Node loss, Map<ManualFormula, Node> formulas,
      Feeds feeds) {
    List<FormulaComparison> out = new ArrayList<>();
    formulas.forEach((f, wrt) -> out.add(compare(loss, wrt, f, feeds)));
    return out;
  }
}
