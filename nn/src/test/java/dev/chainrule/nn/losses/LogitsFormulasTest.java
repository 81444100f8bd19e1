package dev.chainrule.nn.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.chainrule.core.check.FormulaComparison;
import dev.chainrule.core.check.ManualFormula;
import dev.chainrule.core.check.ManualFormulaCheck;
import dev.chainrule.core.check.Verdict;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ops.Sigmoid;
import dev.chainrule.core.print.Equations;
import dev.chainrule.core.print.FormulaPrinter;
import dev.chainrule.core.rewrite.GradientForm;
import dev.chainrule.core.rewrite.Rewriter;
import dev.chainrule.core.rewrite.RewrittenGradients;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.model.Sequential;
import dev.chainrule.core.exec.train.Sgd;
import dev.chainrule.nn.train.TrainingGraph;
import dev.chainrule.nn.train.Trainer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The losses the guide recommends for training, computed from the logits, print the textbook
 * backward pass: the rewriter recognises their stable forms, so dZ[2] is σ(Z[2]) − Y (binary) and
 * softmax(Z[2]) − Y (softmax, one-hot targets), never the chain rule through the stable form's
 * max, |z| and log(1 + e^−|z|). A[2] stays a node of the graph that a hand formula can use.
 */
class LogitsFormulasTest {
  private static final int M = 4;

  private static TrainingGraph graph(Activation output, int outputs, Loss loss) {
    Sequential net = Sequential.builder(Layout.COLUMN, 2).dense(3, Activation.tanh())
        .dense(outputs, output).seed(1).build();
    return new Trainer(net, loss, new Sgd(0.1)).trainingGraph(M);
  }

  private static List<String> backward(Rewriter rewriter, TrainingGraph g) {
    RewrittenGradients pass = rewriter.gradients(g.loss(), g.parameters(),
        GradientForm.PER_SAMPLE);
    FormulaPrinter printer = FormulaPrinter.unicode().withSymbol("m", M);
    return Equations.backward(pass.gradients()).stream().map(printer::equation).toList();
  }

  private static List<String> pass(String dz2) {
    return List.of(dz2, "dW[2] = (1/m)·dZ[2]·A[1]ᵀ", "db[2] = (1/m)·Σ dZ[2]",
        "dA[1] = W[2]ᵀ·dZ[2]", "dZ[1] = dA[1] ∘ (1 − A[1]²)", "dW[1] = (1/m)·dZ[1]·Xᵀ",
        "db[1] = (1/m)·Σ dZ[1]");
  }

  @Test
  void binaryCrossEntropyWithLogitsPrintsSigmaMinusY() {
    TrainingGraph g = graph(Activation.sigmoid(), 1, Loss.binaryCrossEntropyWithLogits());
    assertEquals(pass("dZ[2] = σ(Z[2]) − Y"), backward(Rewriter.standard(), g));
  }

  @Test
  void binaryCrossEntropyOnProbabilitiesPrintsTheSameWithA2() {
    TrainingGraph g = graph(Activation.sigmoid(), 1, Loss.binaryCrossEntropy());
    assertEquals(pass("dZ[2] = A[2] − Y"), backward(Rewriter.standard(), g));
  }

  @Test
  void softmaxCrossEntropyFromLogitsPrintsSoftmaxMinusY() {
    TrainingGraph g = graph(Activation.softmax(), 3, Loss.softmaxCrossEntropy());
    Rewriter oneHot = Rewriter.standard().assumingDistribution(g.targets(), 0);
    assertEquals(pass("dZ[2] = softmax(Z[2], axis=0) − Y"), backward(oneHot, g));
  }

  @Test
  void a2RemainsANamedNodeThatTheTextbookFormulaUses() {
    TrainingGraph g = graph(Activation.sigmoid(), 1, Loss.binaryCrossEntropyWithLogits());
    Node a2 = g.graph().node("A[2]");
    Node z2 = g.graph().node("Z[2]");
    assertSame(Sigmoid.INSTANCE, a2.op());
    assertSame(z2, a2.inputs().get(0));
    Feeds feeds = Feeds.of(g.input(), Tensor.matrix(new double[] {0.5, -1.2, 0.3, 2},
        new double[] {2, 0.1, -0.7, -1}), g.targets(), Tensor.row(1, 0, 1, 1));
    FormulaComparison c = ManualFormulaCheck.compare(g.loss(), z2,
        ManualFormula.graph("dZ[2] = (1/m)·(A[2] − Y)", () -> a2.sub(g.targets()).div(M)),
        feeds);
    assertEquals(Verdict.AGREES, c.verdict(), c.text());
  }
}
