package dev.chainrule.examples.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.examples.shallow.ShallowRun;
import dev.chainrule.examples.xor.XorRun;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.train.TrainingListener;
import org.junit.jupiter.api.Test;

/** The xor and shallow examples reach what the issue asks, with their default settings. */
class TrainingExamplesTest {
  /** Every one of ten seeds learns all four XOR points (the command's default is seed 1). */
  @Test
  void xorLearnsAllFourPointsForEverySeedTried() {
    for (long seed = 1; seed <= 10; seed++) {
      XorRun r = XorRun.compute(seed, 10_000, 0.5, 5, TrainingListener.NONE);
      assertEquals(4, r.correct(), "seed " + seed + ": outputs " + java.util.Arrays.toString(
          r.outputs()));
      assertTrue(r.error() < r.initialError() / 10, "seed " + seed);
      assertEquals(10_000, r.steps());
    }
  }

  @Test
  void shallowReachesNinetyPercentOnTheFlowerWithEitherFeatureMapping() {
    for (int features : new int[] {3, 2}) {
      ShallowRun.Settings d = ShallowRun.Settings.defaults();
      ShallowRun r = ShallowRun.compute(new ShallowRun.Settings(features, d.hidden(),
          Activation.tanh(), d.iterations(), d.learningRate(), d.samples(), d.seed()),
          TrainingListener.NONE);
      assertEquals(features + "-4-1", r.architecture());
      assertTrue(r.accuracy() >= 0.90, features + " features: " + r);
      assertTrue(r.testAccuracy() >= 0.88, features + " features: " + r);
      assertTrue(r.cost() < r.initialCost() / 2, r.toString());
    }
  }
}
