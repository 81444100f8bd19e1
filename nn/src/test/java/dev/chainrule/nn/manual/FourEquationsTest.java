package dev.chainrule.nn.manual;

import static dev.chainrule.nn.manual.Autograd.assertAgrees;
import static dev.chainrule.nn.manual.Autograd.assertFactor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seed 000's four equations against autograd, and every slip of the seed pinned. */
class FourEquationsTest {
  private static final Activation[] HIDDEN =
      {Activation.SIGMOID, Activation.TANH, Activation.RELU, Activation.IDENTITY};
  private static final Activation[] OUT =
      {Activation.SIGMOID, Activation.IDENTITY, Activation.TANH, Activation.SOFTMAX,
          Activation.IDENTITY, Activation.SIGMOID};
  private static final Loss[] LOSS = {Loss.BINARY_CROSS_ENTROPY, Loss.L2, Loss.L2,
      Loss.CROSS_ENTROPY, Loss.L1, Loss.L2};

  /** A random network of the given layer sizes with its manual equations and data. */
  private record Case(List<Tensor> w, List<Tensor> b, List<Activation> act, Loss loss,
      FourEquations eq) {
    static Case random(Random rng, int[] sizes, List<Activation> act, Loss loss) {
      List<Tensor> w = new ArrayList<>();
      List<Tensor> b = new ArrayList<>();
      for (int l = 1; l < sizes.length; l++) {
        w.add(Autograd.normal(rng, 1, sizes[l], sizes[l - 1]));
        b.add(Autograd.normal(rng, 0.5, sizes[l], 1));
      }
      return new Case(w, b, act, loss, new FourEquations(w, b, act, loss));
    }

    Tensor targets(Random rng, int m) {
      int n = w.get(w.size() - 1).shape().dim(0);
      if (loss == Loss.CROSS_ENTROPY) {
        return Autograd.oneHot(rng, n, m, 0);
      }
      return loss == Loss.BINARY_CROSS_ENTROPY ? Autograd.bits(rng, n, m)
          : Autograd.normal(rng, 1, n, m);
    }

    /** Autograd of L (one sample) or C = (1/m) Σ L (batch), with adjoints δ of every z[l]. */
    Map<String, Tensor> autograd(Tensor x, Tensor y, boolean batch) {
      Graph g = new Graph();
      Map<String, Node> params = new LinkedHashMap<>();
      Map<String, Node> zs = new LinkedHashMap<>();
      Node a = g.input("a[0]", x);
      for (int l = 1; l <= w.size(); l++) {
        Node wl = g.parameter("w[" + l + "]", w.get(l - 1).copy());
        Node bl = g.parameter("b[" + l + "]", b.get(l - 1).copy());
        params.put(FourEquations.weightName(l, batch), wl);
        params.put(FourEquations.biasName(l, batch), bl);
        Node z = wl.matmul(a).add(bl);
        zs.put("δ[" + l + "]", z);
        a = activate(act.get(l - 1), z);
      }
      Node t = g.input("y", y);
      Node perSample = switch (loss) {
        case L1 -> t.sub(a).abs().sum();
        case L2 -> t.sub(a).square().sum();
        case BINARY_CROSS_ENTROPY -> t.mul(a.log()).add(t.rsub(1).mul(a.rsub(1).log())).sum()
            .neg();
        case CROSS_ENTROPY -> t.mul(a.log()).sum().neg();
      };
      return Autograd.of(perSample.div(x.shape().dim(1)), params, zs);
    }

    private static Node activate(Activation s, Node z) {
      return switch (s) {
        case SIGMOID -> z.sigmoid();
        case TANH -> z.tanh();
        case RELU -> z.relu();
        case IDENTITY -> z;
        case SOFTMAX -> z.softmax(0);
      };
    }
  }

  private static Case seedNetwork(Random rng) {
    return Case.random(rng, new int[] {2, 3, 2, 1}, List.of(Activation.SIGMOID,
        Activation.SIGMOID, Activation.SIGMOID), Loss.BINARY_CROSS_ENTROPY);
  }

  @Test
  void everyDepthActivationAndLossAgreesWithAutogradForOneSampleAndBatches() {
    for (int trial = 0; trial < 36; trial++) {
      Random rng = new Random(1000 + trial);
      int depth = 1 + trial % 5;
      int[] sizes = new int[depth + 1];
      for (int l = 0; l <= depth; l++) {
        sizes[l] = 1 + rng.nextInt(5);
      }
      int kind = trial % OUT.length;
      if (OUT[kind] == Activation.SOFTMAX) {
        sizes[depth] = Math.max(2, sizes[depth]);
      }
      List<Activation> act = new ArrayList<>();
      for (int l = 1; l < depth; l++) {
        act.add(HIDDEN[rng.nextInt(HIDDEN.length)]);
      }
      act.add(OUT[kind]);
      Case c = Case.random(rng, sizes, act, LOSS[kind]);
      Tensor x = Autograd.normal(rng, 1, sizes[0], 1);
      Tensor y = c.targets(rng, 1);
      Map<String, Tensor> single = c.autograd(x, y, false);
      ManualGradients corrected = c.eq().singleSampleCorrected(x, y);
      ManualGradients written = c.eq().singleSample(x, y);
      for (int l = 1; l <= depth; l++) {
        for (String name : List.of(FourEquations.weightName(l, false),
            FourEquations.biasName(l, false))) {
          assertAgrees("trial " + trial + " " + name, single.get(name), corrected.get(name));
          if (OUT[kind] != Activation.SOFTMAX) {
            assertAgrees("trial " + trial + " as written " + name, single.get(name),
                written.get(name));
          }
        }
      }
      int m = 2 + rng.nextInt(8);
      Tensor xs = Autograd.normal(rng, 1, sizes[0], m);
      Tensor ys = c.targets(rng, m);
      Map<String, Tensor> batch = c.autograd(xs, ys, true);
      ManualGradients manual = c.eq().batchCorrected(xs, ys);
      for (int l = 1; l <= depth; l++) {
        for (String name : List.of(FourEquations.weightName(l, true),
            FourEquations.biasName(l, true))) {
          assertAgrees("trial " + trial + " batch " + name, batch.get(name), manual.get(name));
        }
      }
    }
  }

  @Test
  void slip07BatchBiasFormulaDividesByMTwice() {
    for (int m : new int[] {3, 7, 12}) {
      Random rng = new Random(m);
      Case c = seedNetwork(rng);
      Tensor x = Autograd.normal(rng, 1, 2, m);
      Tensor y = c.targets(rng, m);
      Map<String, Tensor> auto = c.autograd(x, y, true);
      ManualGradients seed = c.eq().batchPerSampleErrors(x, y);
      for (int l = 1; l <= 3; l++) {
        assertAgrees("dw[" + l + "]", auto.get("dw[" + l + "]"), seed.get("dw[" + l + "]"));
        assertFactor("db[" + l + "] = (1/m) meanOfEachRow(dZ)", m, auto.get("db[" + l + "]"),
            seed.get("db[" + l + "]"));
      }
    }
  }

  @Test
  void slip08TableReadLiterallyIsOffByMForDwAndMSquaredForDb() {
    int m = 7;
    Random rng = new Random(8);
    Case c = seedNetwork(rng);
    Tensor x = Autograd.normal(rng, 1, 2, m);
    Tensor y = c.targets(rng, m);
    Map<String, Tensor> auto = c.autograd(x, y, true);
    ManualGradients seed = c.eq().batchAsWritten(x, y);
    for (int l = 1; l <= 3; l++) {
      assertFactor("dw[" + l + "]", m, auto.get("dw[" + l + "]"), seed.get("dw[" + l + "]"));
      assertFactor("db[" + l + "]", m * m, auto.get("db[" + l + "]"), seed.get("db[" + l + "]"));
    }
  }

  @Test
  void slip02EquationTwoMatrixFormFailsAtLayerTwoAndIsWrongAtLayerOne() {
    Random rng = new Random(2);
    Case c = seedNetwork(rng);
    Tensor x = Autograd.normal(rng, 1, 2, 1);
    Tensor y = c.targets(rng, 1);
    Map<String, Tensor> auto = c.autograd(x, y, false);
    FourEquations.Forward f = c.eq().forward(x);
    FormulaShapeException e = assertThrows(FormulaShapeException.class,
        () -> c.eq().hiddenErrorMatrixFormAsWritten(2, f, auto.get("δ[3]")));
    assertEquals(List.of(Shape.of(2, 3), Shape.of(1, 1)), e.shapes());
    // at l = 1, w[1] (3, 2) · δ[2] (2, 1) conforms only because n0 = n2 = 2
    Tensor wrongDelta = c.eq().hiddenErrorMatrixFormAsWritten(1, f, auto.get("δ[2]"));
    Tensor wrong = wrongDelta.matmul(x.transpose());
    assertFalse(GradientComparison.compare("", auto.get("∂L/∂w[1]"), wrong, 1e-3).agrees());
    // the difference is exactly ((w[1] − w[2]ᵀ) δ[2] ⊙ σ′(z[1])) a[0]ᵀ, σ′ computed here by hand
    Tensor z1 = c.w().get(0).matmul(x).add(c.b().get(0));
    Tensor sigmaPrime = z1.map(v -> Math.exp(-v) / ((1 + Math.exp(-v)) * (1 + Math.exp(-v))));
    Tensor expected = c.w().get(0).sub(c.w().get(1).transpose()).matmul(auto.get("δ[2]"))
        .mul(sigmaPrime).matmul(x.transpose());
    assertAgrees("written − autograd", expected, wrong.sub(auto.get("∂L/∂w[1]")));
  }

  @Test
  void slip04EquationThreeMatrixFormHasTheWrongShapeAtEveryLayer() {
    Random rng = new Random(4);
    Case c = seedNetwork(rng);
    Tensor x = Autograd.normal(rng, 1, 2, 1);
    Map<String, Tensor> auto = c.autograd(x, c.targets(rng, 1), false);
    FourEquations.Forward f = c.eq().forward(x);
    int[][] printed = {{3, 3}, {2, 2}, {1, 1}};
    for (int l = 1; l <= 3; l++) {
      Tensor t = c.eq().weightGradientMatrixFormAsWritten(l, f, auto.get("δ[" + l + "]"));
      assertEquals(Shape.of(printed[l - 1]), t.shape());
      assertEquals(GradientDiff.Verdict.SHAPE_MISMATCH, GradientComparison.compare("w",
          auto.get("∂L/∂w[" + l + "]"), t, 1e-12).verdict());
    }
  }

  @Test
  void slip01EquationOneDropsTheSoftmaxCrossTerms() {
    Random rng = new Random(1);
    Case c = Case.random(rng, new int[] {2, 3, 3}, List.of(Activation.SIGMOID,
        Activation.SOFTMAX), Loss.CROSS_ENTROPY);
    Tensor x = Autograd.normal(rng, 1, 2, 1);
    Tensor y = Tensor.column(0, 1, 0);
    Map<String, Tensor> auto = c.autograd(x, y, false);
    FourEquations.Forward f = c.eq().forward(x);
    Tensor written = c.eq().outputError(f, y);
    assertFalse(GradientComparison.compare("δ[2]", auto.get("δ[2]"), written, 1e-3).agrees());
    // −y/p ⊙ p(1 − p) = −y(1 − p): the true δ = p − y with the k ≠ j terms (non-target rows) gone
    assertAgrees("δ[2] as written", auto.get("δ[2]").mul(y), written);
    assertAgrees("δ[2] corrected", auto.get("δ[2]"), c.eq().outputErrorCorrected(f, y));
  }

  @Test
  void slip06DiagramWeightW21OfLayerThreeDoesNotExistW12Does() {
    Random rng = new Random(6);
    Case c = seedNetwork(rng);
    Tensor x = Autograd.normal(rng, 1, 2, 1);
    Map<String, Tensor> auto = c.autograd(x, c.targets(rng, 1), false);
    Tensor w3 = c.w().get(2);
    assertThrows(IndexOutOfBoundsException.class, () -> w3.get(1, 0));
    FourEquations.Forward f = c.eq().forward(x);
    double z22 = f.z(2).get(1, 0);
    double s = 1 / (1 + Math.exp(-z22));
    double delta22 = w3.get(0, 1) * auto.get("δ[3]").item() * s * (1 - s);
    assertEquals(auto.get("δ[2]").get(1, 0), delta22, 1e-15);
  }

  @Test
  void inconsistentLayersAreRejectedNamingTheLayer() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new FourEquations(List.of(Tensor.zeros(3, 2), Tensor.zeros(1, 2)),
            List.of(Tensor.zeros(3, 1), Tensor.zeros(1, 1)),
            List.of(Activation.SIGMOID, Activation.SIGMOID), Loss.L2));
    assertTrue(e.getMessage().startsWith("layer 2"), e.getMessage());
  }
}
