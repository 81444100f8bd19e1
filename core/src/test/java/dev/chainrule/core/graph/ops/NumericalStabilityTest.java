package dev.chainrule.core.graph.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.Anomaly;
import dev.chainrule.core.exec.AnomalyException;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.rewrite.GradientForm;
import dev.chainrule.core.rewrite.Rewriter;
import dev.chainrule.core.rewrite.RewrittenGradients;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Logits of ±1000 through softmax, log-softmax and both cross-entropies, fused and as the rewriter
 * fuses what the user wrote, and the derivatives of saturated sigmoid and tanh. Every run of a
 * stable path is made in {@link Anomaly} mode, so not one intermediate value (an e^1000, a log 0)
 * may be infinite or NaN, not only the result. Expected values are worked out by hand in the
 * comments; ln 2 is written {@code LN2}.
 */
class NumericalStabilityTest {
  private static final double LN2 = Math.log(2);
  private static final Tensor LOGITS = Tensor.matrix(new double[] {1000, -1000, 0},
      new double[] {-1000, 1000, 1000});
  private static final Tensor ONE_HOT = Tensor.matrix(new double[] {0, 1, 0},
      new double[] {1, 0, 0});

  /** Runs {@code targets} with every intermediate value checked for NaN and infinity. */
  private static Results stable(List<Node> targets) {
    try (Anomaly.Scope on = Anomaly.detect()) {
      return Plan.compile(targets).run(Feeds.none());
    }
  }

  /**
   * Row 1 (1000, −1000, 0): p = (1, 0, 0) (e^−1000 and e^−2000 underflow), log p = (0, −2000,
   * −1000). Row 2 (−1000, 1000, 1000): p = (0, ½, ½), log p = (−2000 − ln 2, −ln 2, −ln 2).
   * With weights w = (1, 2, 3) per row, d Σ w∘log p / dz = w − p·Σw = (1 − 6, 2, 3) and
   * (1, 2 − 3, 3 − 3).
   */
  @Test
  void softmaxAndLogSoftmaxOfPlusMinusThousand() {
    Graph g = new Graph();
    Node z = g.parameter("z", LOGITS.copy());
    Node p = z.softmax(1);
    Node logP = z.logSoftmax(1);
    Node w = g.constant("w", Tensor.matrix(new double[] {1, 2, 3}, new double[] {1, 2, 3}));
    Node dz = Autodiff.grad(logP.mul(w).sum(), z).get(0);
    Node dzSoftmax = Autodiff.grad(p.mul(w).sum(), z).get(0);
    Results r = stable(List.of(p, logP, dz, dzSoftmax));
    assertEquals(Tensor.matrix(new double[] {1, 0, 0}, new double[] {0, 0.5, 0.5}), r.get(p));
    Tensor lp = r.get(logP);
    assertEquals(Tensor.matrix(new double[] {0, -2000, -1000},
        new double[] {-2000 - LN2, -LN2, -LN2}).maxAbsDifference(lp), 0, 1e-12);
    assertEquals(Tensor.matrix(new double[] {-5, 2, 3}, new double[] {1, -1, 0}), r.get(dz));
    // d Σ w∘p / dz = p ∘ (w − Σ w∘p): row 1 p = e₁ → 0; row 2 Σ w∘p = 2.5 → (0, −¼, ¼).
    assertEquals(0, Tensor.matrix(new double[] {0, 0, 0}, new double[] {0, -0.25, 0.25})
        .maxAbsDifference(r.get(dzSoftmax)));
  }

  /**
   * CE row 1 (class 1): lse = 1000, loss = 1000 − (−1000) = 2000; row 2 (class 0): lse = 1000 +
   * ln 2, loss = 2000 + ln 2. Gradient P − Y = (1, −1, 0) and (−1, ½, ½).
   */
  @Test
  void fusedSoftmaxCrossEntropyOfPlusMinusThousand() {
    Graph g = new Graph();
    Node z = g.parameter("z", LOGITS.copy());
    Node ce = g.apply(new SoftmaxCrossEntropy(1), z, g.constant("Y", ONE_HOT));
    Node dz = Autodiff.grad(ce.sum(), z).get(0);
    Results r = stable(List.of(ce, dz));
    assertEquals(2000, r.get(ce).get(0, 0), 0);
    assertEquals(2000 + LN2, r.get(ce).get(1, 0), 1e-12);
    assertEquals(Tensor.matrix(new double[] {1, -1, 0}, new double[] {-1, 0.5, 0.5}), r.get(dz));
  }

  /**
   * What the user writes, J = −(1/2)·Σ Y∘log(softmax(Z)), evaluated as written, is NaN (0·log 0);
   * the rewriter's fused graph gives J = (2000 + 2000 + ln 2)/2 and dJ/dZ = (P − Y)/2.
   */
  @Test
  void crossEntropyAsWrittenIsFusedIntoAFinitePath() {
    Graph g = new Graph();
    Node z = g.parameter("Z", LOGITS.copy());
    Node y = g.input("Y", ONE_HOT);
    Node j = y.mul(z.softmax(1).log()).sum().mul(-0.5).named("J");
    try (Anomaly.Scope on = Anomaly.detect()) {
      AnomalyException e = assertThrows(AnomalyException.class, j::value);
      assertEquals("log", e.node().op().name(), "as written, log(0) is where it breaks");
    }
    RewrittenGradients fused = Rewriter.standard().gradients(j, List.of(z),
        GradientForm.ADJOINTS);
    Results r = stable(List.of(fused.loss(), fused.gradient(z)));
    assertEquals((4000 + LN2) / 2, r.scalar(fused.loss()), 1e-12);
    assertEquals(Tensor.matrix(new double[] {0.5, -0.5, 0}, new double[] {-0.5, 0.25, 0.25}),
        r.get(fused.gradient(z)));
  }

  /**
   * BCE(σ(z), y) = max(z, 0) − z·y + log(1 + e^−|z|): for z = (1000, −1000, 1000, −1000),
   * y = (1, 0, 0, 1) it is (0, 0, 1000, 1000); dz = σ(z) − y = (0, 0, 1, −1), dy = −z.
   */
  @Test
  void fusedSigmoidCrossEntropyOfPlusMinusThousand() {
    Graph g = new Graph();
    Node z = g.parameter("z", Tensor.row(1000, -1000, 1000, -1000));
    Node y = g.parameter("y", Tensor.row(1, 0, 0, 1));
    Node bce = g.apply(SigmoidCrossEntropy.INSTANCE, z, y);
    List<Node> d = Autodiff.grad(bce.sum(), z, y);
    Results r = stable(List.of(bce, d.get(0), d.get(1)));
    assertEquals(Tensor.row(0, 0, 1000, 1000), r.get(bce));
    assertEquals(Tensor.row(0, 0, 1, -1), r.get(d.get(0)));
    assertEquals(Tensor.row(-1000, 1000, -1000, 1000), r.get(d.get(1)));
  }

  /**
   * Seeds 000/004 write J = −(1/m)·Σ [y·log a + (1 − y)·log(1 − a)] with a = σ(z); at z = ±1000
   * a is exactly 0 or 1, and as written J is NaN. Fused: J = (0 + 0 + 1000 + 1000)/4 = 500 and
   * dJ/dz = (σ(z) − y)/4 = (0, 0, ¼, −¼).
   */
  @Test
  void binaryCrossEntropyAsTheSeedsWriteItIsFusedIntoAFinitePath() {
    Graph g = new Graph();
    Node z = g.parameter("Z", Tensor.row(1000, -1000, 1000, -1000));
    Node y = g.input("Y", Tensor.row(1, 0, 0, 1));
    Node a = z.sigmoid().named("A");
    Node j = y.mul(a.log()).add(y.rsub(1).mul(a.rsub(1).log())).mean().neg().named("J");
    assertTrue(Double.isNaN(j.value().item()), "as written: 0·log 0");
    RewrittenGradients fused = Rewriter.standard().gradients(j, List.of(z),
        GradientForm.ADJOINTS);
    Results r = stable(List.of(fused.loss(), fused.gradient(z)));
    assertEquals(500, r.scalar(fused.loss()), 0);
    assertEquals(Tensor.row(0, 0, 0.25, -0.25), r.get(fused.gradient(z)));
  }

  /**
   * σ′(x) = e^−|x| / (1 + e^−|x|)² and tanh′(x) = 4e^−2|x| / (1 + e^−2|x|)², written here without
   * σ or tanh so they are accurate in the tails. The graphs' σ(1 − σ) and 1 − tanh² lose relative
   * accuracy there (1 − σ cancels) but must stay finite, non-negative, within 1e-15 absolutely,
   * and exactly 0 at ±1000. Second derivatives must stay finite too.
   */
  @Test
  void saturatedSigmoidAndTanhHaveFiniteAccurateDerivatives() {
    double[] xs = {-1000, -40, -20, -5, 0, 5, 20, 40, 1000};
    Graph g = new Graph();
    Node x = g.parameter("x", Tensor.of(xs.clone(), xs.length));
    Node ds = Autodiff.grad(x.sigmoid().sum(), x).get(0);
    Node dt = Autodiff.grad(x.tanh().sum(), x).get(0);
    Node d2s = Autodiff.grad(ds.sum(), x).get(0);
    Node d2t = Autodiff.grad(dt.sum(), x).get(0);
    Results r = stable(List.of(ds, dt, d2s, d2t));
    for (int i = 0; i < xs.length; i++) {
      double e = Math.exp(-Math.abs(xs[i]));
      double e2 = Math.exp(-2 * Math.abs(xs[i]));
      double sigmoidPrime = e / ((1 + e) * (1 + e));
      double tanhPrime = 4 * e2 / ((1 + e2) * (1 + e2));
      double s = r.get(ds).get(i);
      double t = r.get(dt).get(i);
      assertTrue(s >= 0 && t >= 0, "x = " + xs[i]);
      assertEquals(sigmoidPrime, s, 1e-15, "σ′ at " + xs[i]);
      assertEquals(tanhPrime, t, 1e-15, "tanh′ at " + xs[i]);
    }
    assertEquals(0.0, r.get(ds).get(0));
    assertEquals(0.0, r.get(ds).get(8));
    assertEquals(0.0, r.get(dt).get(0));
    assertEquals(0.0, r.get(dt).get(8));
    for (int i : new int[] {0, 8}) {
      assertEquals(0.0, Math.abs(r.get(d2s).get(i)), "σ″ at " + xs[i]);
      assertEquals(0.0, Math.abs(r.get(d2t).get(i)), "tanh″ at " + xs[i]);
    }
  }
}
