package dev.chainrule.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.exec.train.OptimizerSnapshot;
import dev.chainrule.core.exec.train.OptimizerState;
import dev.chainrule.core.exec.train.Sgd;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each update rule against steps worked out by hand. */
class OptimizersTest {
  private static Tensor[] grads(double... g) {
    return new Tensor[] {Tensor.row(g)};
  }

  /** Seed 001: w5 = 0.40, ∂E/∂w5 = 0.0821670405642, η = 0.5 → w5⁺ = 0.358916479718. */
  @Test
  void sgdIsTheSeedsUpdate() {
    Tensor w = Tensor.row(0.40);
    OptimizerState s = new Sgd(0.5).start(List.of(w));
    s.stepInPlace(grads(0.0821670405642), 0.5);
    assertEquals(0.358916479718, w.item(), 1e-12);
    assertEquals(1, s.steps());
  }

  /**
   * Two workers' momentum states after one step each, from gradients (1, 4) and (3, −2): their
   * velocities are the gradients, so the average velocity is (2, 1); restored into a third state,
   * its next step from gradient (0, 0) is v = 0.9·(2, 1), w −= 0.1·v.
   */
  @Test
  void averagedStatesMeanTheirBuffers() {
    OptimizerState a = new Momentum(0.1, 0.9).start(List.of(Tensor.row(0, 0)));
    OptimizerState b = new Momentum(0.1, 0.9).start(List.of(Tensor.row(0, 0)));
    a.stepInPlace(grads(1, 4), 0.1);
    b.stepInPlace(grads(3, -2), 0.1);
    OptimizerSnapshot mean = OptimizerSnapshot.average(List.of(a.snapshot(), b.snapshot()));
    assertEquals(Tensor.row(2, 1), mean.slots().get("velocity").get(0));
    assertEquals(1, mean.steps());
    Tensor w = Tensor.row(1, 1);
    OptimizerState c = new Momentum(0.1, 0.9).start(List.of(w));
    c.restoreInPlace(mean);
    c.stepInPlace(grads(0, 0), 0.1);
    assertEquals(1 - 0.1 * 0.9 * 2, w.get(0, 0), 1e-15);
    assertEquals(1 - 0.1 * 0.9 * 1, w.get(0, 1), 1e-15);
    IllegalArgumentException apart = assertThrows(IllegalArgumentException.class,
        () -> OptimizerSnapshot.average(List.of(a.snapshot(), c.snapshot())));
    assertTrue(apart.getMessage().contains("different numbers of steps: 1 and 2"),
        apart.getMessage());
  }

  /**
   * μ = 0.9, α = 0.1, w = 1, gradients 1 then 2: v₁ = 1, w₁ = 0.9; v₂ = 0.9 + 2 = 2.9,
   * w₂ = 0.9 − 0.29 = 0.61.
   */
  @Test
  void momentumTwoSteps() {
    Tensor w = Tensor.row(1.0);
    OptimizerState s = new Momentum(0.1, 0.9).start(List.of(w));
    s.stepInPlace(grads(1), 0.1);
    assertEquals(0.9, w.item(), 1e-15);
    s.stepInPlace(grads(2), 0.1);
    assertEquals(0.61, w.item(), 1e-15);
  }

  /**
   * β₁ = 0.9, β₂ = 0.999, ε = 1e-8, α = 0.01, w = 1. Step 1, g = 0.5: m = 0.05, v = 0.00025,
   * m̂ = 0.5, v̂ = 0.25, w = 1 − 0.01·0.5/(0.5 + 1e-8). Step 2, g = −1: m = 0.045 − 0.1 = −0.055,
   * v = 0.00024975 + 0.001 = 0.00124975, m̂ = −0.055/0.19 = −0.289473684…, v̂ =
   * 0.00124975/0.001999 = 0.625187593… (√ = 0.790688050875), w −= 0.01·m̂/(√v̂ + ε).
   */
  @Test
  void adamWithBiasCorrection() {
    Tensor w = Tensor.row(1.0);
    OptimizerState s = new Adam(0.01, 0.9, 0.999, 1e-8).start(List.of(w));
    s.stepInPlace(grads(0.5), 0.01);
    double w1 = 1 - 0.01 * 0.5 / (0.5 + 1e-8);
    assertEquals(w1, w.item(), 1e-15);
    s.stepInPlace(grads(-1), 0.01);
    double mHat = -0.055 / 0.19;
    double vHat = 0.00124975 / 0.001999;
    assertEquals(w1 - 0.01 * mHat / (Math.sqrt(vHat) + 1e-8), w.item(), 1e-14);
    assertEquals(0.99 + 0.01 * 0.289473684210526 / 0.790688050875, w.item(), 1e-9);
  }

  /**
   * After the two Adam steps above: m = −0.055, v = 0.00124975, β₁ᵗ = 0.81, β₂ᵗ = 0.998001. The
   * snapshot is a copy (a third step leaves it as it was), and restoring it into a fresh state
   * makes that state's next step the original's.
   */
  @Test
  void adamSnapshotHoldsTheMomentsAndRestoresExactly() {
    Tensor w = Tensor.row(1.0);
    OptimizerState s = Adam.of(0.01).start(List.of(w));
    s.stepInPlace(grads(0.5), 0.01);
    s.stepInPlace(grads(-1), 0.01);
    OptimizerSnapshot snap = s.snapshot();
    assertEquals("adam(lr=0.01, beta1=0.9, beta2=0.999, eps=1.0E-8)", snap.description());
    assertEquals(2, snap.steps());
    assertEquals(-0.055, snap.slots().get("m").get(0).item(), 1e-15);
    assertEquals(0.00124975, snap.slots().get("v").get(0).item(), 1e-15);
    assertEquals(0.81, snap.scalars().get("beta1^t"), 1e-15);
    assertEquals(0.998001, snap.scalars().get("beta2^t"), 1e-15);
    Tensor copy = w.copy();
    s.stepInPlace(grads(0.3), 0.01);
    assertEquals(-0.055, snap.slots().get("m").get(0).item(), 1e-15);
    OptimizerState fresh = Adam.of(0.01).start(List.of(copy));
    fresh.restoreInPlace(snap);
    fresh.stepInPlace(grads(0.3), 0.01);
    assertEquals(Double.doubleToRawLongBits(w.item()), Double.doubleToRawLongBits(copy.item()));
    assertEquals(3, fresh.steps());
  }

  @Test
  void aSnapshotOfAnotherRuleOrShapeIsRefusedNamingBoth() {
    OptimizerSnapshot momentum = new Momentum(0.1, 0.9).start(List.of(Tensor.row(1, 2)))
        .snapshot();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Sgd(0.1).start(List.of(Tensor.row(1, 2))).restoreInPlace(momentum));
    assertEquals("the saved state is that of momentum(lr=0.1, mu=0.9) but this optimizer is "
        + "sgd(lr=0.1); only the learning rate may differ", e.getMessage());
    IllegalArgumentException s = assertThrows(IllegalArgumentException.class,
        () -> new Momentum(0.1, 0.9).start(List.of(Tensor.column(1, 2))).restoreInPlace(momentum));
    assertEquals("the saved velocity of parameter 1 has shape (1, 2) but the parameter has shape "
        + "(2, 1)", s.getMessage());
  }

  /**
   * After bias correction m̂ = g and v̂ = g², so the first step is α·g/(|g| + ε): α in the
   * gradient's direction whatever its scale, as long as |g| ≫ ε. Without the correction it would
   * be (1 − β₁)/√(1 − β₂) ≈ 3.16 times larger.
   */
  @Test
  void adamFirstStepIsTheLearningRateWhateverTheGradientScale() {
    for (double g : new double[] {1e-3, 1, 1e6}) {
      Tensor w = Tensor.row(0.0);
      Adam.of(0.001).start(List.of(w)).stepInPlace(grads(g), 0.001);
      assertEquals(-0.001, w.item(), 2e-8);
    }
  }

  @Test
  void everyParameterIsUpdatedFromItsOwnGradient() {
    Tensor a = Tensor.row(1, 2);
    Tensor b = Tensor.column(3);
    OptimizerState s = new Sgd(1).start(List.of(a, b));
    s.stepInPlace(new Tensor[] {Tensor.row(0.5, 0.25), Tensor.column(1)}, 2);
    assertEquals(Tensor.row(0, 1.5), a);
    assertEquals(Tensor.column(1), b);
  }

  @Test
  void badSettingsAndMismatchedGradientsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Sgd(0));
    assertThrows(IllegalArgumentException.class, () -> new Momentum(0.1, 1));
    assertThrows(IllegalArgumentException.class, () -> new Adam(0.1, 0.9, 1.0, 1e-8));
    OptimizerState s = new Sgd(0.1).start(List.of(Tensor.row(1, 2)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> s.stepInPlace(grads(1, 2, 3), 0.1));
    assertTrue(e.getMessage().contains("(1, 3)"), e.getMessage());
  }

  @Test
  void schedules() {
    assertEquals(0.1, LearningRateSchedule.constant().rate(7, 0.1));
    LearningRateSchedule step = LearningRateSchedule.stepDecay(2, 0.5);
    assertEquals(0.1, step.rate(1, 0.1), 1e-17);
    assertEquals(0.05, step.rate(2, 0.1), 1e-17);
    assertEquals(0.025, step.rate(5, 0.1), 1e-17);
    LearningRateSchedule cos = LearningRateSchedule.cosine(10, 0.0);
    assertEquals(0.1, cos.rate(0, 0.1), 1e-17);
    assertEquals(0.05, cos.rate(5, 0.1), 1e-16);
    assertEquals(0.0, cos.rate(10, 0.1), 1e-17);
  }
}
