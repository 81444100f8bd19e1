package dev.chainrule.core.rewrite;

import static dev.chainrule.core.rewrite.RuleHarness.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.print.Equations;
import dev.chainrule.core.print.FormulaPrinter;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The losses written on logits in their numerically stable forms are recognised (softplus,
 * log-sigmoid, log-sum-exp) and fused, so their backward passes print σ(Z) − Y and softmax(Z) − Y;
 * the rewritten values equal the originals (RuleHarness, random inputs); near misses are left
 * alone.
 */
class StableLossFusionsTest {
  private static final String SOFTPLUS = "softplus + binary cross-entropy fused";
  private static final String LSE = "log-sum-exp → logsoftmax";

  /** log(1 + eᵗ), written as a user would. */
  private static Node softplus(Node t) {
    return t.exp().add(1.0).log();
  }

  @Test
  void nnsStableFormWithTheStepMask() {
    check(SOFTPLUS, "mean(BCE(σ(Z), Y))", in -> {
      Node z = in.input("Z", 1, 8);
      Node y = in.input("Y", 1, 8);
      Node step = z.ge(in.graph.scalar(0.0));
      Node magnitude = z.mul(step.mul(2.0).sub(1.0));
      return z.mul(step).sub(z.mul(y)).add(softplus(magnitude.neg())).mean().named("J");
    });
  }

  @Test
  void theTextbookStableFormWithReluAndAbs() {
    check(SOFTPLUS, "mean(BCE(σ(Z), Y))", in -> {
      Node z = in.input("Z", 1, 8);
      Node y = in.input("Y", 1, 8);
      return z.relu().sub(y.mul(z)).add(softplus(z.abs().neg())).mean().named("J");
    });
  }

  @Test
  void softplusMinusYZInEveryArrangement() {
    List<Function<RuleHarness.Inputs, Node>> forms = List.of(
        in -> { // log(1 + eᶻ) − y·z
          Node z = in.input("Z", 2, 4);
          return softplus(z).sub(in.input("Y", 2, 4).mul(z)).named("L");
        },
        in -> { // (1 − y)·z + log(1 + e^−z)
          Node z = in.input("Z", 2, 4);
          return in.input("Y", 2, 4).rsub(1).mul(z).add(softplus(z.neg())).named("L");
        },
        in -> { // y·S(−z) + (1 − y)·S(z)
          Node z = in.input("Z", 2, 4);
          Node y = in.input("Y", 2, 4);
          return y.mul(softplus(z.neg())).add(y.rsub(1).mul(softplus(z))).named("L");
        });
    for (Function<RuleHarness.Inputs, Node> form : forms) {
      check(SOFTPLUS, "BCE(σ(Z), Y)", form);
    }
  }

  @Test
  void logSigmoidsWithTheComplementAsSigmoidOfMinusZ() {
    check(SOFTPLUS, "mean(BCE(σ(Z), Y))", in -> {
      Node z = in.input("Z", 1, 8);
      Node y = in.input("Y", 1, 8);
      return y.mul(z.sigmoid().log()).add(y.rsub(1).mul(z.neg().sigmoid().log())).mean().neg()
          .named("J");
    });
  }

  @Test
  void otherTermsOfTheSumAreKept() {
    check(SOFTPLUS, "BCE(σ(Z), Y) + W²", in -> {
      Node z = in.input("Z", 1, 4);
      Node w = in.input("W", 1, 4);
      return softplus(z).add(w.square()).sub(in.input("Y", 1, 4).mul(z)).named("L");
    });
  }

  @Test
  void nearMissesAreLeftAlone() {
    Graph g = new Graph();
    Node z = g.input("Z", Tensor.row(0.5, -1, 2));
    Node w = g.input("W", Tensor.row(1, -2, 0.5));
    Node y = g.input("Y", Tensor.row(1, 0, 1));
    List<Node> misses = List.of(
        softplus(z),                                               // no target
        softplus(z).sub(y.mul(z).mul(2.0)),                        // 2·y·z
        z.relu().sub(y.mul(z)).add(softplus(w.abs().neg())),       // |w| instead of |z|
        z.relu().sub(y.mul(z)),                                    // no log(1 + e^−|z|)
        softplus(z).sub(y.mul(w)));                                // y·w
    assertNotFused(SOFTPLUS, misses);
  }

  /** Asserts that {@code rewrite} fires on none of {@code misses}. */
  private static void assertNotFused(String rewrite, List<Node> misses) {
    for (Node miss : misses) {
      Rewritten r = Rewriter.standard().rewrite(miss);
      assertFalse(r.fired().containsKey(rewrite), FormulaPrinter.unicode().expression(miss)
          + " is no place for '" + rewrite + "': " + r.fired());
    }
  }

  @Test
  void logSumExpInItsThreeForms() {
    check(LSE, "logsoftmax(Z, axis=1)", in -> {
      Node z = in.input("Z", 3, 4);
      return z.sub(z.exp().sumKeepDims(1).log()).named("out");
    });
    check(LSE, "logsoftmax(Z, axis=1)", in -> {
      Node z = in.input("Z", 3, 4);
      Node shifted = z.sub(z.maxKeepDims(1));
      return shifted.sub(shifted.exp().sumKeepDims(1).log()).named("out");
    });
    check(LSE, "logsoftmax(Z, axis=0)", in -> {
      Node z = in.input("Z", 4, 3);
      Node m = z.maxKeepDims(0);
      return z.sub(m.add(z.sub(m).exp().sumKeepDims(0).log())).named("out");
    });
  }

  @Test
  void aShiftAlongAnotherAxisStaysInsideTheLogSoftmax() {
    check(LSE, "logsoftmax(Z − max(Z), axis=1)", in -> {
      Node z = in.input("Z", 3, 4);
      Node shifted = z.sub(z.maxKeepDims(0));
      return shifted.sub(shifted.exp().sumKeepDims(1).log()).named("out");
    });
  }

  @Test
  void nearLogSumExpsAreLeftAlone() {
    Graph g = new Graph();
    Node z = g.input("Z", Tensor.matrix(new double[] {1, 2}, new double[] {3, 4}));
    Node w = g.input("W", Tensor.matrix(new double[] {0, 1}, new double[] {1, 0}));
    List<Node> misses = List.of(
        z.sub(w.exp().sumKeepDims(1).log()),                       // exp of another node
        z.sub(z.exp().sumKeepDims(0, 1).log()),                    // two axes
        z.sub(z.maxKeepDims(1).add(z.exp().sumKeepDims(1).log()))); // m + log Σ eᶻ, unshifted
    assertNotFused(LSE, misses);
  }

  @Test
  void theBackwardPassOfBinaryCrossEntropyOnLogitsIsSigmaMinusY() {
    Graph g = new Graph();
    Node x = g.input("X", Tensor.matrix(new double[] {0.5, -1.2, 0.3}, new double[] {2, 0.1, -1}));
    Node y = g.input("Y", Tensor.row(1, 0, 1));
    Node w = g.parameter("W", Tensor.row(0.1, -0.2));
    Node z = w.matmul(x).named("Z");
    Node step = z.ge(g.scalar(0.0));
    Node tail = softplus(z.mul(step.mul(2.0).sub(1.0)).neg());
    Node j = z.mul(step).sub(z.mul(y)).add(tail).sum().div(3).named("J");
    assertEquals(List.of("dZ = σ(Z) − Y", "dW = (1/m)·dZ·Xᵀ"), backward(j, w, null, 3));
  }

  @Test
  void theBackwardPassOfSoftmaxCrossEntropyOnLogitsIsSoftmaxMinusY() {
    Graph g = new Graph();
    Node x = g.input("X", Tensor.matrix(new double[] {0.5, -1.2}, new double[] {2, 0.1},
        new double[] {0.3, -1}));
    Node y = g.input("Y", Tensor.matrix(new double[] {1, 0, 0}, new double[] {0, 0, 1},
        new double[] {0, 1, 0}));
    Node w = g.parameter("W", Tensor.matrix(new double[] {0.1, -0.2, 0.3},
        new double[] {0.4, 0.5, -0.6}));
    Node z = x.matmul(w).named("Z");
    Node shifted = z.sub(z.maxKeepDims(1));
    Node logP = shifted.sub(shifted.exp().sumKeepDims(1).log());
    Node j = y.mul(logP).sum().div(3).neg().named("J");
    assertEquals(List.of("dZ = softmax(Z, axis=1) − Y", "dW = (1/m)·Xᵀ·dZ"), backward(j, w, y, 3));
    assertEquals(List.of("dZ = softmax(Z, axis=1) ∘ (Σ Y) − Y", "dW = (1/m)·Xᵀ·dZ"),
        backward(j, w, null, 3), "without the one-hot declaration, ΣY stays");
  }

  /** Prints the per-sample backward pass, Y declared one-hot along axis 1 unless null. */
  private static List<String> backward(Node j, Node w, Node oneHot, int m) {
    Rewriter rewriter = oneHot == null ? Rewriter.standard()
        : Rewriter.standard().assumingDistribution(oneHot, 1);
    RewrittenGradients pass = rewriter.gradients(j, List.of(w), GradientForm.PER_SAMPLE);
    FormulaPrinter printer = FormulaPrinter.unicode().withSymbol("m", m);
    return Equations.backward(pass.gradients()).stream().map(printer::equation).toList();
  }
}
