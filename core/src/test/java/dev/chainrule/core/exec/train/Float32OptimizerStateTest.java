package dev.chainrule.core.exec.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Plain SGD and clipping by global norm on float32 parameters, against the update computed by
 * hand in float64 from the same float32 values and rounded once: W ← W − α·g, and with clipping g
 * scaled by c / (‖g‖ + 10⁻⁶). The float32 step multiplies in float (α and the factor rounded to
 * float first), so each element may differ from the rounded float64 value by one unit in the last
 * place, 2⁻²³ relative; the tests allow 2 ulps.
 */
class Float32OptimizerStateTest {
  private static final float[] W = {0.5f, -1.25f, 3.0f, 0.1f};
  private static final float[] G = {3.0f, 4.0f, -12.0f, 0.2f};

  private static Tensor floats(float[] v) {
    return Tensor.ofFloats(v, 2, 2);
  }

  private static void assertUlps(double expected, float actual, int ulps) {
    float e = (float) expected;
    assertTrue(Math.abs(e - actual) <= ulps * Math.ulp(e),
        "expected " + e + " (float64 " + expected + ") but got " + actual);
  }

  @Test
  void sgdUpdatesFloat32ParametersInPlace() {
    Tensor w = floats(W);
    OptimizerState state = new Sgd(0.1).start(List.of(w));
    state.stepInPlace(new Tensor[] {floats(G)}, 0.1);
    assertEquals(DType.FLOAT32, w.dtype());
    for (int k = 0; k < W.length; k++) {
      assertUlps((double) W[k] - 0.1 * G[k], w.floatBuffer()[k], 2);
    }
    assertEquals(1, state.steps());
  }

  @Test
  void clippingScalesFloat32GradientsByTheFloat64Norm() {
    Tensor w = floats(W);
    OptimizerState state = new Sgd(1.0).clippedByGlobalNorm(1.0).start(List.of(w));
    double norm = 0;
    for (float g : G) {
      norm += (double) g * g;
    }
    norm = Math.sqrt(norm);
    double f = 1.0 / (norm + 1e-6);
    state.stepInPlace(new Tensor[] {floats(G)}, 1.0);
    for (int k = 0; k < W.length; k++) {
      assertUlps(W[k] - f * G[k], w.floatBuffer()[k], 2);
    }
  }

  @Test
  void theGlobalNormFactorIsTheSameForBothDtypes() {
    ClippedByGlobalNorm clip = new ClippedByGlobalNorm(new Sgd(1.0), 2.0);
    double f32 = clip.factor(new Tensor[] {floats(G)});
    double f64 = clip.factor(new Tensor[] {floats(G).to(DType.FLOAT64)});
    assertEquals(2.0 / (Math.sqrt(9 + 16 + 144 + (double) 0.2f * 0.2f) + 1e-6), f32, 1e-15);
    assertEquals(f64, f32, 0.0, "the float32 values widen exactly, so the norms agree");
  }

  @Test
  void aGradientOfAnotherDtypeIsRefusedNamingBoth() {
    Tensor w = floats(W);
    OptimizerState state = new Sgd(0.1).start(List.of(w));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> state.stepInPlace(new Tensor[] {floats(G).to(DType.FLOAT64)}, 0.1));
    assertTrue(e.getMessage().contains("float64") && e.getMessage().contains("float32"),
        e.getMessage());
  }
}
