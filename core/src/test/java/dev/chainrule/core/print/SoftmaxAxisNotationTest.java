package dev.chainrule.core.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ops.SoftmaxCrossEntropy;
import dev.chainrule.core.tensor.Tensor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The softmax family writes the axis it works along whenever the input has another axis longer
 * than 1, so that a softmax over the rows of a matrix never reads like one over its columns; a
 * column, a row or a vector, whose one long axis is the only reading, prints without it. The
 * expected strings are the notation decided for the issue (PyTorch's {@code dim=k}, spelled
 * {@code axis=k} as chainrule's other axes are), and the printed axis is checked against the
 * numbers: the slices along it sum to 1.
 */
class SoftmaxAxisNotationTest {
  private static final Pattern AXIS = Pattern.compile("axis=(\\d)");

  private final Graph g = new Graph();
  private final Node m = g.parameter("Z", Tensor.matrix(new double[] {1, 2, 3},
      new double[] {0, -1, 4}));
  private final Node column = g.parameter("z", Tensor.column(1, 2, 3));
  private final Node row = g.parameter("r", Tensor.row(1, 2, 3));
  private final FormulaPrinter text = FormulaPrinter.unicode();
  private final FormulaPrinter latex = FormulaPrinter.latex();

  @Test
  void aMatrixsSoftmaxNamesItsAxisAndAVectorsDoesNot() {
    assertEquals("softmax(Z, axis=1)", text.expression(m.softmax(1)));
    assertEquals("softmax(Z, axis=0)", text.expression(m.softmax(0)));
    assertEquals("softmax(z)", text.expression(column.softmax(0)));
    assertEquals("softmax(r)", text.expression(row.softmax(1)));
    assertEquals("softmax(r, axis=0)", text.expression(row.softmax(0)),
        "a softmax over an axis of size 1 is not the obvious one: every output is 1");
    assertEquals("logsoftmax(Z, axis=1)", text.expression(m.logSoftmax(1)));
    assertEquals("logsoftmax(z)", text.expression(column.logSoftmax(0)));
  }

  @Test
  void logSumExpNamesTheAxesItLeaves() {
    assertEquals("logsumexp(Z)", text.expression(m.logSumExp()));
    assertEquals("logsumexp(Z, axis=1)", text.expression(m.logSumExp(1)));
    assertEquals("logsumexp(Z, axis=0, keepdims)", text.expression(m.logSumExpKeepDims(0)));
    assertEquals("logsumexp(z)", text.expression(column.logSumExpKeepDims(0)));
  }

  @Test
  void theFusedCrossEntropyWritesItsSoftmaxsAxis() {
    Node y = g.input("Y", 2, 3);
    assertEquals("CE(softmax(Z, axis=1), Y)",
        text.expression(g.apply(new SoftmaxCrossEntropy(1), m, y)));
    Node t = g.input("y", 3, 1);
    assertEquals("CE(softmax(z), y)",
        text.expression(g.apply(new SoftmaxCrossEntropy(0), column, t)));
  }

  @Test
  void latexWritesTheAxisUpright() {
    assertEquals("\\operatorname{softmax}\\left(Z, \\text{axis=1}\\right)",
        latex.expression(m.softmax(1)));
    assertEquals("\\operatorname{softmax}\\left(z\\right)", latex.expression(column.softmax(0)));
    assertEquals("\\operatorname{logsumexp}\\left(Z, \\text{axis=0}\\right)",
        latex.expression(m.logSumExp(0)));
  }

  @Test
  void aPrinterShowingAxesShowsEvenTheObviousOne() {
    assertEquals("softmax(z, axis=0)", text.withAxes().expression(column.softmax(0)));
    assertEquals("logsumexp(Z, axes=0,1)", text.withAxes().expression(m.logSumExp()));
  }

  @Test
  void theSlicesAlongThePrintedAxisSumToOne() {
    for (int axis = 0; axis < 2; axis++) {
      Node p = m.softmax(axis);
      Matcher printed = AXIS.matcher(text.expression(p));
      assertTrue(printed.find(), text.expression(p));
      Tensor sums = p.value().sum(Integer.parseInt(printed.group(1)));
      for (double s : sums.buffer()) {
        assertEquals(1.0, s, 1e-12, "softmax along axis " + axis + " printed as "
            + text.expression(p));
      }
    }
  }
}
