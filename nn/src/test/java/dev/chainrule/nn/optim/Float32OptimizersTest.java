package dev.chainrule.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.exec.train.Optimizer;
import dev.chainrule.core.exec.train.OptimizerSnapshot;
import dev.chainrule.core.exec.train.OptimizerState;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Momentum and Adam on float32 parameters, against two computations written here in float64:
 *
 * <ul>
 *   <li>the rounded hand computation: each stored value (velocity, moments, weight) is the
 *       float64 formula applied to the stored float32 values, rounded to float32 once. Both
 *       optimizers compute in float arithmetic, so they agree with it up to a few float
 *       roundings, each argued in its test;
 *   <li>the float64 trajectory from the same (float32-representable) start and gradients: it
 *       differs only by the roundings, each at most 2⁻²⁴ relative, of the few stored values per
 *       step; over three steps 1e-6 relative to the weight's scale is a generous bound.
 * </ul>
 */
class Float32OptimizersTest {
  private static final float[] W = {0.5f, -1.25f, 3.0f, 0.1f};
  private static final float[][] GRADS = {
      {0.3f, -0.4f, 1.2f, 0.02f}, {0.1f, 0.25f, -0.6f, 0.5f}, {-0.2f, 0.05f, 0.9f, -0.125f}};

  private static Tensor[] step(int t, DType dtype) {
    return new Tensor[] {Tensor.ofFloats(GRADS[t], 4).to(dtype)};
  }

  private static Tensor run(Optimizer rule, DType dtype) {
    Tensor w = Tensor.ofFloats(W, 4).to(dtype);
    OptimizerState s = rule.start(List.of(w));
    for (int t = 0; t < GRADS.length; t++) {
      s.stepInPlace(step(t, dtype), rule.learningRate());
    }
    return w;
  }

  /**
   * Momentum in float32 runs in float arithmetic: μ and α rounded to float, then v = μ·v + g and
   * w − α·v with one rounding per product and sum, four per element and step where the rounded
   * formula has one per stored value (each at most u = 2⁻²⁴ relative to the terms involved).
   * Here |μ·v| + |g| stays below 3 and α = 0.05, so a step moves the velocity by at most about
   * 3·3u ≈ 5e-7 from the rounded formula's, which reaches the weight scaled by α, and adds at most
   * 2u·|w| to the weight: over three steps well within 1e-6 of the weight's scale. A wrong
   * momentum term (v = g) or learning rate moves the weights by about α·μ·|v| ≈ 1e-2.
   */
  @Test
  void momentumIsTheFloat64FormulaUpToFloatRoundings() {
    double mu = 0.9;
    double lr = 0.05;
    float[] w = W.clone();
    float[] v = new float[W.length];
    for (float[] g : GRADS) {
      for (int k = 0; k < w.length; k++) {
        v[k] = (float) (mu * v[k] + g[k]);
        w[k] = (float) (w[k] - lr * v[k]);
      }
    }
    Tensor got = run(new Momentum(lr, mu), DType.FLOAT32);
    assertEquals(DType.FLOAT32, got.dtype());
    for (int k = 0; k < w.length; k++) {
      assertEquals(w[k], got.floatBuffer()[k], 1e-6 * Math.max(1, Math.abs(w[k])), "element " + k);
    }
    assertNear(run(new Momentum(lr, mu), DType.FLOAT64), got);
  }

  /**
   * Adam in float32 runs in float arithmetic: about six roundings per element and step (each at
   * most u = 2⁻²⁴ relative) where the rounded formula has one per stored value. Over three steps
   * that stays within 16·u ≈ 1e-6 of the weight's scale; a wrong moment or bias correction moves
   * the weights by about the learning rate, 1e-2.
   */
  @Test
  void adamIsTheFloat64FormulaUpToFloatRoundings() {
    double b1 = 0.9;
    double b2 = 0.999;
    double eps = 1e-8;
    double lr = 0.01;
    float[] w = W.clone();
    float[] m = new float[W.length];
    float[] v = new float[W.length];
    double p1 = 1;
    double p2 = 1;
    for (float[] g : GRADS) {
      p1 *= b1;
      p2 *= b2;
      for (int k = 0; k < w.length; k++) {
        m[k] = (float) (b1 * m[k] + (1 - b1) * g[k]);
        v[k] = (float) (b2 * v[k] + (1 - b2) * g[k] * g[k]);
        double mHat = m[k] / (1 - p1);
        double vHat = v[k] / (1 - p2);
        w[k] = (float) (w[k] - lr * mHat / (Math.sqrt(vHat) + eps));
      }
    }
    Tensor got = run(new Adam(lr, b1, b2, eps), DType.FLOAT32);
    for (int k = 0; k < w.length; k++) {
      assertEquals(w[k], got.floatBuffer()[k], 1e-6 * Math.max(1, Math.abs(w[k])), "element " + k);
    }
    assertNear(run(new Adam(lr, b1, b2, eps), DType.FLOAT64), got);
  }

  @Test
  void float32StatesSnapshotAndRestoreInFloat32() {
    Tensor w = Tensor.ofFloats(W, 4);
    OptimizerState s = Adam.of(0.01).start(List.of(w));
    s.stepInPlace(step(0, DType.FLOAT32), 0.01);
    OptimizerSnapshot saved = s.snapshot();
    assertEquals(DType.FLOAT32, saved.slots().get("m").get(0).dtype());
    Tensor other = Tensor.ofFloats(W, 4);
    OptimizerState resumed = Adam.of(0.01).start(List.of(other));
    resumed.restoreInPlace(saved);
    other.copyFromInPlace(w);
    s.stepInPlace(step(1, DType.FLOAT32), 0.01);
    resumed.stepInPlace(step(1, DType.FLOAT32), 0.01);
    assertEquals(w, other, "a restored float32 state steps exactly as the original");
  }

  /**
   * Two float32 momentum states after one step hold their gradients as velocities; their average
   * is (a + b) / 2 rounded once (halving is exact), and a float64 state is refused naming both
   * dtypes.
   */
  @Test
  void float32StatesAverageInFloat32AndRefuseFloat64Ones() {
    OptimizerState a = new Momentum(0.1, 0.9).start(List.of(Tensor.ofFloats(W, 4)));
    OptimizerState b = new Momentum(0.1, 0.9).start(List.of(Tensor.ofFloats(W, 4)));
    a.stepInPlace(step(0, DType.FLOAT32), 0.1);
    b.stepInPlace(step(1, DType.FLOAT32), 0.1);
    Tensor mean = OptimizerSnapshot.average(List.of(a.snapshot(), b.snapshot())).slots()
        .get("velocity").get(0);
    assertEquals(DType.FLOAT32, mean.dtype());
    for (int k = 0; k < W.length; k++) {
      assertEquals((float) (((double) GRADS[0][k] + GRADS[1][k]) / 2), mean.floatBuffer()[k], 0f);
    }
    OptimizerState wide = new Momentum(0.1, 0.9).start(List.of(Tensor.ofFloats(W, 4)
        .to(DType.FLOAT64)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> a.restoreInPlace(wide.snapshot()));
    assertEquals("the saved velocity of parameter 1 is float64 but the parameter is float32",
        e.getMessage());
  }

  private static void assertNear(Tensor float64, Tensor float32) {
    for (int k = 0; k < W.length; k++) {
      double want = float64.toArray()[k];
      double got = float32.toArray()[k];
      assertTrue(Math.abs(want - got) <= 1e-6 * Math.max(1, Math.abs(want)),
          "element " + k + ": float64 " + want + ", float32 " + got);
    }
  }
}
