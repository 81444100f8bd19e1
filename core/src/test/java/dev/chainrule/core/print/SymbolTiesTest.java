package dev.chainrule.core.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.rewrite.GradientForm;
import dev.chainrule.core.rewrite.Rewriter;
import dev.chainrule.core.rewrite.RewrittenGradients;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A registered symbol replaces a number only where the graph ties the number to it, never because
 * the values are equal: with m = 2 the batch size of a mean over two samples, the square's exponent
 * stays 2, a factor 2 stays 2, and the mean's 1/2 is 1/m. The expected formulas are worked out by
 * hand: for J = (1/m)·Σ Z² with Z = w·X, the per-sample error is dZ = ∂(Σ Z²)/∂Z = 2·Z and dw =
 * (1/m)·dZ·Xᵀ.
 */
class SymbolTiesTest {
  private final Graph g = new Graph();
  private final Node x = g.input("X", Tensor.matrix(new double[] {1, 2}, new double[] {3, 4},
      new double[] {5, 6}));
  private final Node w = g.parameter("w", Tensor.row(0.1, -0.2, 0.3));
  private final Node z = w.matmul(x).named("Z");
  private final FormulaPrinter text = FormulaPrinter.unicode().withSymbol("m", 2);
  private final FormulaPrinter latex = FormulaPrinter.latex().withSymbol("m", 2);

  @Test
  void anExponentEqualToTheBatchSizeStaysANumber() {
    assertEquals("Z²", text.expression(z.pow(2)));
    assertEquals("Z^{2}", latex.expression(z.pow(2)));
    assertEquals("J = (1/m)·Σ Z²", text.equation(z.pow(2).sum().mul(0.5).named("J")));
    assertEquals("−Σ Z²/m", text.expression(z.pow(2).sum().neg().div(2)));
  }

  @Test
  void aFactorEqualToTheBatchSizeStaysANumber() {
    assertEquals("2·Z", text.expression(z.mul(2.0)));
    assertEquals("Z/2", text.expression(z.div(2.0)));
    assertEquals("0.5·Z", text.expression(z.mul(0.5)), "1/2 beside what adds up no 2 terms");
  }

  @Test
  void theBackwardPassWritesTheMeansFactorAsOneOverMAndTheSquaresTwoAsTwo() {
    Node j = z.pow(2).mean().named("J");
    RewrittenGradients r = Rewriter.standard().gradients(j, List.of(w), GradientForm.PER_SAMPLE);
    assertEquals(List.of("dZ = 2·Z", "dw = (1/m)·dZ·Xᵀ"),
        text.equations(Equations.backward(r.gradients())));
  }

  @Test
  void aNamedConstantsValueIsItsNameOnlyInAGraphHoldingIt() {
    FormulaPrinter lambda = FormulaPrinter.unicode().withSymbol("λ", 0.1);
    assertEquals("0.1·Z", lambda.expression(z.mul(0.1)), "no constant λ in this graph");
    g.constant("λ", Tensor.scalar(0.1));
    assertEquals("λ·Z", lambda.expression(z.mul(0.1)));
  }
}
