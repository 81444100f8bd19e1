package dev.chainrule.core.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.rewrite.GradientForm;
import dev.chainrule.core.rewrite.Rewriter;
import dev.chainrule.core.rewrite.RewrittenGradients;
import dev.chainrule.core.rewrite.Rules;
import dev.chainrule.core.testing.SeedLike;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Backward passes of networks laid out like the seeds, printed: the expected lines are the seeds'
 * own summaries (seed 004's dZ[2] = A[2] − Y, dW[2] = (1/m)·dZ[2]·A[1]ᵀ, …; seed 002's
 * δ = P − 1(y), ∇W = (1/m)·aᵀ·δ; seed 003's δ·aᵀ + λW; seed 000's four equations) in this
 * library's notation.
 */
class SeedFormulasTest {
  private static List<String> backward(RewrittenGradients r, FormulaPrinter p) {
    return p.equations(Equations.backward(r.gradients()));
  }

  @Test
  void seed004InTheSeedsPerSampleFormText() {
    SeedLike.Net net = SeedLike.shallow(8, 1);
    RewrittenGradients r = Rewriter.standard().gradients(net.loss(), net.parameters(),
        GradientForm.PER_SAMPLE);
    assertEquals(List.of(
        "dZ[2] = A[2] − Y",
        "dW[2] = (1/m)·dZ[2]·A[1]ᵀ",
        "db[2] = (1/m)·Σ dZ[2]",
        "dA[1] = W[2]ᵀ·dZ[2]",
        "dZ[1] = dA[1] ∘ (1 − A[1]²)",
        "dW[1] = (1/m)·dZ[1]·Xᵀ",
        "db[1] = (1/m)·Σ dZ[1]"), backward(r, FormulaPrinter.unicode().withSymbol("m", 8)));
  }

  @Test
  void seed004InTheSeedsPerSampleFormLatex() {
    SeedLike.Net net = SeedLike.shallow(8, 1);
    RewrittenGradients r = Rewriter.standard().gradients(net.loss(), net.parameters(),
        GradientForm.PER_SAMPLE);
    assertEquals(List.of(
        "dZ^{[2]} = A^{[2]} - Y",
        "dW^{[2]} = \\frac{1}{m} dZ^{[2]} \\cdot A^{[1]T}",
        "db^{[2]} = \\frac{1}{m} \\sum dZ^{[2]}",
        "dA^{[1]} = W^{[2]T} \\cdot dZ^{[2]}",
        "dZ^{[1]} = dA^{[1]} \\odot \\left(1 - \\left(A^{[1]}\\right)^{2}\\right)",
        "dW^{[1]} = \\frac{1}{m} dZ^{[1]} \\cdot X^{T}",
        "db^{[1]} = \\frac{1}{m} \\sum dZ^{[1]}"),
        backward(r, FormulaPrinter.latex().withSymbol("m", 8)));
  }

  @Test
  void seed004AsTrueAdjointsOfTheMeanCarriesTheOneOverMInDz() {
    SeedLike.Net net = SeedLike.shallow(8, 1);
    RewrittenGradients r = Rewriter.standard().gradients(net.loss(), net.parameters(),
        GradientForm.ADJOINTS);
    assertEquals(List.of(
        "dZ[2] = (1/m)·(A[2] − Y)",
        "dW[2] = dZ[2]·A[1]ᵀ",
        "db[2] = Σ dZ[2]",
        "dA[1] = W[2]ᵀ·dZ[2]",
        "dZ[1] = dA[1] ∘ (1 − A[1]²)",
        "dW[1] = dZ[1]·Xᵀ",
        "db[1] = Σ dZ[1]"), backward(r, FormulaPrinter.unicode().withSymbol("m", 8)));
    assertEquals("dZ^{[2]} = \\frac{1}{m} \\left(A^{[2]} - Y\\right)",
        FormulaPrinter.latex().withSymbol("m", 8).equation(r.adjoint(net.node("Z[2]"))));
  }

  @Test
  void seed004ForwardPassAsWritten() {
    SeedLike.Net net = SeedLike.shallow(8, 1);
    assertEquals(List.of(
        "Z[1] = W[1]·X + b[1]",
        "A[1] = tanh(Z[1])",
        "Z[2] = W[2]·A[1] + b[2]",
        "A[2] = σ(Z[2])",
        "J = −mean(Y ∘ log(A[2]) + (1 − Y) ∘ log(1 − A[2]))"),
        FormulaPrinter.unicode().equations(Equations.forward(net.loss())));
  }

  @Test
  void seed002RowLayoutWithSoftmaxAndOneHotTargets() {
    SeedLike.Net net = SeedLike.testnetBatch(6, 2);
    RewrittenGradients r = Rewriter.standard().assumingDistribution(net.node("Y"), 1)
        .gradients(net.loss(), net.parameters(), GradientForm.PER_SAMPLE);
    assertEquals(List.of(
        "dZ[2] = P − Y",
        "dW[2] = (1/m)·A[1]ᵀ·dZ[2]",
        "db[2] = (1/m)·Σ dZ[2]",
        "dA[1] = dZ[2]·W[2]ᵀ",
        "dZ[1] = dA[1] ∘ 1(Z[1] > 0)",
        "dW[1] = (1/m)·A[0]ᵀ·dZ[1]",
        "db[1] = (1/m)·Σ dZ[1]"), backward(r, FormulaPrinter.unicode().withSymbol("m", 6)));
    assertEquals(List.of(
        "dZ^{[2]} = P - Y",
        "dW^{[2]} = \\frac{1}{m} A^{[1]T} \\cdot dZ^{[2]}",
        "db^{[2]} = \\frac{1}{m} \\sum dZ^{[2]}",
        "dA^{[1]} = dZ^{[2]} \\cdot W^{[2]T}",
        "dZ^{[1]} = dA^{[1]} \\odot \\mathbb{1}\\left(Z^{[1]} > 0\\right)",
        "dW^{[1]} = \\frac{1}{m} A^{[0]T} \\cdot dZ^{[1]}",
        "db^{[1]} = \\frac{1}{m} \\sum dZ^{[1]}"),
        backward(r, FormulaPrinter.latex().withSymbol("m", 6)));
    assertEquals("J = −(1/m)·Σ(Y ∘ log(P))",
        FormulaPrinter.unicode().withSymbol("m", 6).equation(net.loss()));
  }

  @Test
  void seed003ColumnLayoutWithWeightDecay() {
    SeedLike.Net net = SeedLike.testnetSingle(3);
    RewrittenGradients r = Rewriter.standard().assumingDistribution(net.node("Y"), 0)
        .gradients(net.loss(), net.parameters(), GradientForm.PER_SAMPLE);
    assertEquals(List.of(
        "dZ[2] = P − Y",
        "dW[2] = dZ[2]·A[1]ᵀ + λ·W[2]",
        "db[2] = dZ[2]",
        "dA[1] = W[2]ᵀ·dZ[2]",
        "dZ[1] = dA[1] ∘ A[1] ∘ (1 − A[1])",
        "dW[1] = dZ[1]·A[0]ᵀ + λ·W[1]",
        "db[1] = dZ[1]"), backward(r, FormulaPrinter.unicode().withSymbol("λ", 0.1)));
    assertEquals(List.of(
        "dZ^{[2]} = P - Y",
        "dW^{[2]} = dZ^{[2]} \\cdot A^{[1]T} + \\lambda \\cdot W^{[2]}",
        "db^{[2]} = dZ^{[2]}",
        "dA^{[1]} = W^{[2]T} \\cdot dZ^{[2]}",
        "dZ^{[1]} = dA^{[1]} \\odot A^{[1]} \\odot \\left(1 - A^{[1]}\\right)",
        "dW^{[1]} = dZ^{[1]} \\cdot A^{[0]T} + \\lambda \\cdot W^{[1]}",
        "db^{[1]} = dZ^{[1]}"), backward(r, FormulaPrinter.latex().withSymbol("λ", 0.1)));
  }

  @Test
  void seed000FourEquationsUnfused() {
    SeedLike.Net net = SeedLike.fourEquations(4);
    RewrittenGradients r = Rewriter.with(Rules.algebraic()).gradients(net.loss(),
        net.parameters(), GradientForm.PER_SAMPLE);
    List<String> text = backward(r, FormulaPrinter.unicode());
    assertEquals(List.of(
        "dA[3] = (1 − Y)/(1 − A[3]) − Y/A[3]",
        "dZ[3] = dA[3] ∘ A[3] ∘ (1 − A[3])",
        "dW[3] = dZ[3]·A[2]ᵀ",
        "db[3] = dZ[3]",
        "dA[2] = W[3]ᵀ·dZ[3]",
        "dZ[2] = dA[2] ∘ A[2] ∘ (1 − A[2])",
        "dW[2] = dZ[2]·A[1]ᵀ",
        "db[2] = dZ[2]",
        "dA[1] = W[2]ᵀ·dZ[2]",
        "dZ[1] = dA[1] ∘ A[1] ∘ (1 − A[1])",
        "dW[1] = dZ[1]·A[0]ᵀ",
        "db[1] = dZ[1]"), text);
    List<String> latex = backward(r, FormulaPrinter.latex());
    assertEquals("dA^{[3]} = \\frac{1 - Y}{1 - A^{[3]}} - \\frac{Y}{A^{[3]}}", latex.get(0));
    assertEquals("dZ^{[2]} = dA^{[2]} \\odot A^{[2]} \\odot \\left(1 - A^{[2]}\\right)",
        latex.get(5));
  }

  @Test
  void seed000FusedOutputLayer() {
    SeedLike.Net net = SeedLike.fourEquations(4);
    RewrittenGradients r = Rewriter.standard().gradients(net.loss(), net.parameters(),
        GradientForm.PER_SAMPLE);
    Node dz3 = r.adjoint(net.node("Z[3]"));
    assertEquals("dZ[3] = A[3] − Y", FormulaPrinter.unicode().equation(dz3));
  }
}
