package dev.chainrule.examples.formulas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.rewrite.GradientForm;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.examples.seeds.ConvNetwork;
import dev.chainrule.examples.seeds.SeedNetwork;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The formulas subcommand's report for a seed-004 network: the seed's summary, line by line; and
 * the numbers a folded constant turns into, written as what the formula is.
 */
class FormulaReportTest {
  private final SeedNetwork net = Shallow341.build(8, false, 3);

  @Test
  void textReadsLikeSeed004sSummary() {
    FormulaReport r = FormulaReport.of(net, false, GradientForm.PER_SAMPLE, true);
    assertEquals(List.of(
        "Z[1] = W[1]·X + b[1]",
        "A[1] = tanh(Z[1])",
        "Z[2] = W[2]·A[1] + b[2]",
        "A[2] = σ(Z[2])",
        "J = −mean(Y ∘ log(A[2]) + (1 − Y) ∘ log(1 − A[2]))"), r.forward());
    assertEquals(List.of(
        "dZ[2] = A[2] − Y",
        "dW[2] = (1/m)·dZ[2]·A[1]ᵀ",
        "db[2] = (1/m)·Σ dZ[2]",
        "dA[1] = W[2]ᵀ·dZ[2]",
        "dZ[1] = dA[1] ∘ (1 − A[1]²)",
        "dW[1] = (1/m)·dZ[1]·Xᵀ",
        "db[1] = (1/m)·Σ dZ[1]"), r.backward());
    assertTrue(r.notes().get(0).startsWith("m = 8"), r.notes().toString());
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("1/m of the mean therefore enters "
        + "once, in dW and db")), r.notes().toString());
  }

  /**
   * The conv example's J = (1/2m)·Σ(A − Y)² over m = 2 images: dA = 2(A − Y)/(2m) = (A − Y)/m,
   * whose 1/m folds into 0.5; the report writes it 1/m, as the formula is, and checks the number:
   * the printed factor 1/m with m = 2 is the 0.5 the backward pass computes.
   */
  @Test
  void aFoldedOneOverMIsWrittenOneOverMEvenWhenMIsTwo() {
    SeedNetwork conv = ConvNetwork.build();
    FormulaReport r = FormulaReport.of(conv, false, GradientForm.PER_SAMPLE, true);
    assertEquals("J = Σ (A − Y)²/(2·m)", r.forward().get(2));
    assertEquals("dA = (1/m)·(A − Y)", r.backward().get(0));
    Node a = named(conv, "A");
    Node y = named(conv, "Y");
    Tensor da = Autodiff.grad(conv.loss(), a).get(0).value();
    Tensor av = a.value();
    Tensor yv = y.heldValue();
    int m = av.shape().dim(0);
    for (int i = 0; i < da.size(); i++) {
      assertEquals((av.buffer()[i] - yv.buffer()[i]) / m, da.buffer()[i], 1e-15);
    }
  }

  /**
   * A loss with a ½ of its own and a named constant m = 2: the forward pass writes the ½ as the
   * number it is, never as 1/m, and m by its name.
   */
  @Test
  void aHalfInTheForwardPassStaysAHalfBesideANamedTwo() {
    Graph g = new Graph();
    Node w = g.parameter("w", Tensor.column(0.3, -0.2));
    Node t = g.input("t", Tensor.column(1, 0));
    Node m = g.constant("m", Tensor.scalar(2));
    Node e = t.sub(w).square().sum().mul(0.5).div(m).named("E");
    FormulaReport r = FormulaReport.of(new SeedNetwork("half", g, e, List.of(w), Feeds.none()),
        false, GradientForm.PER_SAMPLE, true);
    assertEquals(List.of("E = 0.5·Σ (t − w)²/m"), r.forward());
  }

  private static Node named(SeedNetwork net, String name) {
    for (int id = 0; id <= net.loss().id(); id++) {
      if (net.graph().node(id).name().equals(name)) {
        return net.graph().node(id);
      }
    }
    throw new AssertionError("no node " + name);
  }

  @Test
  void latexIsAnAlignEnvironment() {
    FormulaReport r = FormulaReport.of(net, true, GradientForm.PER_SAMPLE, true);
    String out = r.render("title", true);
    assertTrue(out.contains("\\begin{align*}\n  dZ^{[2]} &= A^{[2]} - Y \\\\\n"
        + "  dW^{[2]} &= \\frac{1}{m} dZ^{[2]} \\cdot A^{[1]T} \\\\\n"), out);
    assertTrue(out.contains("  db^{[1]} &= \\frac{1}{m} \\sum dZ^{[1]}\n\\end{align*}"), out);
    assertTrue(out.lines().filter(l -> !l.startsWith("%") && !l.isBlank())
        .noneMatch(l -> l.contains("Notes")), out);
  }

  @Test
  void adjointsCarryTheOneOverMInDz2() {
    FormulaReport r = FormulaReport.of(net, false, GradientForm.ADJOINTS, true);
    assertEquals("dZ[2] = (1/m)·(A[2] − Y)", r.backward().get(0));
    assertEquals("dW[2] = dZ[2]·A[1]ᵀ", r.backward().get(1));
  }

  @Test
  void unfusedShowsTheChainRuleThroughTheSigmoid() {
    FormulaReport r = FormulaReport.of(net, false, GradientForm.PER_SAMPLE, false);
    assertEquals("dA[2] = (1 − Y)/(1 − A[2]) − Y/A[2]", r.backward().get(0));
    assertEquals("dZ[2] = dA[2] ∘ A[2] ∘ (1 − A[2])", r.backward().get(1));
  }

  @Test
  void reluHiddenUnitsPrintTheirIndicator() {
    FormulaReport r = FormulaReport.of(Shallow341.build(8, true, 3), false,
        GradientForm.PER_SAMPLE, true);
    assertEquals("dZ[1] = dA[1] ∘ 1(Z[1] > 0)", r.backward().get(4));
  }

  @Test
  void seed002FedOneHotTargetsGivePMinusY() {
    FormulaReport r = FormulaReport.of(SeedShapes.testnetBatch(6, 4), false,
        GradientForm.PER_SAMPLE, true);
    assertEquals(List.of(
        "dZ[2] = P − Y",
        "dW[2] = (1/m)·A[1]ᵀ·dZ[2]",
        "db[2] = (1/m)·Σ dZ[2]",
        "dA[1] = dZ[2]·W[2]ᵀ",
        "dZ[1] = dA[1] ∘ 1(Z[1] > 0)",
        "dW[1] = (1/m)·A[0]ᵀ·dZ[1]",
        "db[1] = (1/m)·Σ dZ[1]"), r.backward());
    assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("Y is taken to be one-hot along "
        + "axis 1")), r.notes().toString());
  }

  @Test
  void seed003SingleSampleWithWeightDecay() {
    FormulaReport r = FormulaReport.of(SeedShapes.testnetSingle(9), false,
        GradientForm.PER_SAMPLE, true);
    assertEquals(List.of(
        "dZ[2] = P − Y",
        "dW[2] = dZ[2]·A[1]ᵀ + λ·W[2]",
        "db[2] = dZ[2]",
        "dA[1] = W[2]ᵀ·dZ[2]",
        "dZ[1] = dA[1] ∘ A[1] ∘ (1 − A[1])",
        "dW[1] = dZ[1]·A[0]ᵀ + λ·W[1]",
        "db[1] = dZ[1]"), r.backward());
  }
}
