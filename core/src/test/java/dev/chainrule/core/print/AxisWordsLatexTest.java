package dev.chainrule.core.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The words an operation writes beside its operand in LaTeX (axis=1, keepdims) are set upright in
 * {@code \text{…}}, as the softmax family's axis is: bare in math mode they would read as the
 * italic product a·x·i·s. The expected strings are written by hand from that convention.
 */
class AxisWordsLatexTest {
  private final Graph g = new Graph();
  private final Node x = g.parameter("X", Tensor.matrix(new double[] {1, 2, 3},
      new double[] {4, 5, 6}));
  private final FormulaPrinter latex = FormulaPrinter.latex().withAxes();

  @Test
  void aMeansAxesAreUpright() {
    assertEquals("\\operatorname{mean}\\left(X, \\text{axis=1}\\right)",
        latex.expression(x.mean(1)));
    assertEquals("\\operatorname{mean}\\left(X, \\text{axis=0, keepdims}\\right)",
        latex.expression(x.meanKeepDims(0)));
  }

  @Test
  void aSplitsAxisIsUpright() {
    List<Node> parts = x.split(1, 1, 2);
    assertEquals("\\operatorname{split}\\left(X, \\text{axis 1, 1:3}\\right)",
        latex.expression(parts.get(1)));
  }

  @Test
  void theTextFormIsUnchanged() {
    assertEquals("mean(X, axis=1)", FormulaPrinter.unicode().withAxes().expression(x.mean(1)));
  }
}
