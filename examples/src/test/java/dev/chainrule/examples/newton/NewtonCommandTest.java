package dev.chainrule.examples.newton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.chainrule.cli.Cli;
import dev.chainrule.examples.cli.CliRun;
import org.junit.jupiter.api.Test;

/**
 * The {@code newton} command: Newton's method converges in a handful of steps to the weights
 * gradient descent reaches after a thousand and more (equal within 1e-8), at a point where the
 * gradient, computed here from the data with plain loops, vanishes; the hand-derived Hessian
 * agrees with autograd's, and its two slips differ, by the factor m and (at θ = 0) by 4.
 */
class NewtonCommandTest {
  /** Newton's and gradient descent's weights agree to this, stated in docs/guide/12. */
  private static final double WEIGHTS_TOLERANCE = 1e-8;

  private static JsonObject run(String... args) {
    CliRun r = CliRun.of(args);
    assertEquals(0, r.status(), r.err());
    return JsonParser.parseString(r.out()).getAsJsonObject();
  }

  @Test
  void newtonConvergesInAHandfulOfStepsToGradientDescentsWeights() {
    JsonObject j = run("newton", "--json");
    JsonObject newton = j.getAsJsonObject("newton");
    JsonObject descent = j.getAsJsonObject("gradientDescent");
    int steps = newton.get("steps").getAsInt();
    assertTrue(steps >= 3 && steps <= 10, "Newton steps: " + steps);
    assertTrue(descent.get("steps").getAsInt() > 100 * steps, descent.toString());
    JsonArray a = newton.getAsJsonArray("weights");
    JsonArray b = descent.getAsJsonArray("weights");
    for (int i = 0; i < 3; i++) {
      assertEquals(a.get(i).getAsDouble(), b.get(i).getAsDouble(), WEIGHTS_TOLERANCE, "θ" + i);
    }
    assertTrue(j.get("weightDifference").getAsDouble() <= WEIGHTS_TOLERANCE);
    assertEquals("(1/m)·X·diag(A ∘ (1 − A))·Xᵀ", j.get("hessianFormula").getAsString());
  }

  @Test
  void theGradientVanishesAtNewtonsWeights() {
    LogisticProblem p = new LogisticProblem(200, 7);
    NewtonRun r = NewtonRun.compute(200, 7);
    double[] x = p.x.heldValue().toArray();
    double[] y = p.y.heldValue().toArray();
    double[] theta = r.newtonWeights();
    double[] gradient = new double[3];
    for (int k = 0; k < 200; k++) {
      double z = theta[0] * x[k] + theta[1] * x[200 + k] + theta[2] * x[400 + k];
      double residual = 1 / (1 + Math.exp(-z)) - y[k];
      for (int i = 0; i < 3; i++) {
        gradient[i] += residual * x[i * 200 + k] / 200;
      }
    }
    for (double g : gradient) {
      assertEquals(0, g, 1e-12);
    }
  }

  @Test
  void theHandDerivedHessianAgreesAndItsSlipsDiffer() {
    JsonArray c = run("newton", "--json").getAsJsonArray("comparisons");
    assertEquals(4, c.size());
    assertEquals("AGREES", c.get(0).getAsJsonObject().get("verdict").getAsString());
    JsonObject noMean = c.get(1).getAsJsonObject();
    assertEquals("DIFFERS", noMean.get("verdict").getAsString());
    assertEquals(200, noMean.get("constantFactor").getAsDouble(), 1e-9);
    JsonObject noDerivative = c.get(2).getAsJsonObject();
    assertEquals("DIFFERS", noDerivative.get("verdict").getAsString());
    assertTrue(noDerivative.get("constantFactor").isJsonNull(), noDerivative.toString());
    JsonObject atZero = c.get(3).getAsJsonObject();
    assertEquals("DIFFERS", atZero.get("verdict").getAsString());
    assertEquals(4, atZero.get("constantFactor").getAsDouble(), 1e-9);
  }

  @Test
  void theReportShowsTheStepsTheWeightsAndTheVerdicts() {
    CliRun r = CliRun.of("newton");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("converged in "), r.out());
    assertTrue(r.out().contains("  Newton           "), r.out());
    assertTrue(r.out().contains("  gradient descent "), r.out());
    assertTrue(r.out().contains("factor:              manual = 200 × autograd"), r.out());
    assertTrue(r.out().contains("factor:              manual = 4 × autograd"), r.out());
  }

  @Test
  void tooFewSamplesExitTwoWithOneLine() {
    CliRun r = CliRun.of("newton", "--samples", "5");
    assertEquals(Cli.BAD_INPUT, r.status());
    assertTrue(r.err().startsWith("error: --samples must be at least 20, got 5"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }
}
