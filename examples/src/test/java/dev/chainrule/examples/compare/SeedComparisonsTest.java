package dev.chainrule.examples.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.examples.seeds.RandomTensors;
import dev.chainrule.nn.manual.Activation;
import dev.chainrule.nn.manual.GradientDiff;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every seed comparison on several random networks: the corrected formulas agree with autograd to
 * 1e-12, and every slip of the seed is pinned, by the seed line that writes it, with its
 * explanation confirmed.
 */
class SeedComparisonsTest {
  private static final long[] SEEDS = {0, 1, 2, 3, 4, 17, 1234};

  private static void assertVerified(SeedComparison c) {
    for (ComparisonSection s : c.sections()) {
      for (GradientDiff d : s.gradients()) {
        assertTrue(d.maxRelDiff() <= 1e-12, c.example() + " " + s.title() + ": " + d);
      }
    }
    for (PinnedSlip p : c.slips()) {
      for (PinnedSlip.Row r : p.rows()) {
        assertTrue(r.explained(), c.example() + " slip " + p.id() + " " + r);
      }
    }
    assertTrue(c.verified());
  }

  private static Map<String, List<PinnedSlip.Outcome>> outcomes(SeedComparison c) {
    return c.slips().stream().collect(Collectors.toMap(PinnedSlip::id,
        p -> p.rows().stream().map(PinnedSlip.Row::outcome).toList()));
  }

  @Test
  void bp4AgreesAndPinsSeed000sSlips() {
    for (long seed : SEEDS) {
      SeedComparison c = FourEquationsComparison.bp4(seed);
      assertVerified(c);
      assertEquals(List.of("000:209", "000:241", "000:298", "000:353", "000:351", "000:195"),
          c.slips().stream().map(PinnedSlip::id).toList());
      Map<String, List<PinnedSlip.Outcome>> o = outcomes(c);
      assertEquals(List.of(PinnedSlip.Outcome.CANNOT_BE_EVALUATED, PinnedSlip.Outcome.DIFFERS,
          PinnedSlip.Outcome.DIFFERS), o.get("000:209"));
      assertEquals(List.of(PinnedSlip.Outcome.SHAPE_MISMATCH, PinnedSlip.Outcome.SHAPE_MISMATCH,
          PinnedSlip.Outcome.SHAPE_MISMATCH), o.get("000:241"));
      assertEquals(6, o.get("000:351").size());
      // one sample, 6 parameters; batch, 6; softmax variant, 6
      assertEquals(18, c.sections().stream().mapToInt(s -> s.gradients().size()).sum());
    }
  }

  @Test
  void testnetBatchAgreesAndPinsSeed002sSlips() {
    for (long seed : SEEDS) {
      SeedComparison c = TestNetBatchComparison.compute(seed);
      assertVerified(c);
      assertEquals(List.of("002:197", "002:441", "002:461", "002:852", "002:612"),
          c.slips().stream().map(PinnedSlip::id).toList());
      // relative error of a formula off by a factor m = 6 is 1 − 1/m
      PinnedSlip.Row first = c.slips().get(0).rows().get(0);
      assertEquals(1 - 1.0 / 6, first.maxRelDiff(), 1e-12);
    }
  }

  @Test
  void testnetSingleAgreesAndPinsSeed003sSlips() {
    for (long seed : SEEDS) {
      SeedComparison c = TestNetSingleComparison.compute(seed);
      assertVerified(c);
      assertEquals(
          List.of("003:547", "003:565", "003:434", "003:643", "003:156", "003:580", "003:650"),
          c.slips().stream().map(PinnedSlip::id).toList());
      Map<String, List<PinnedSlip.Outcome>> o = outcomes(c);
      assertEquals(4, o.get("003:434").size());
      assertTrue(
          o.get("003:434").stream().allMatch(x -> x == PinnedSlip.Outcome.CANNOT_BE_EVALUATED));
      assertEquals(List.of(PinnedSlip.Outcome.SHAPE_MISMATCH, PinnedSlip.Outcome.SHAPE_MISMATCH),
          o.get("003:643"));
      assertEquals(List.of(PinnedSlip.Outcome.DIFFERS), o.get("003:547"));
    }
  }

  @Test
  void shallowAgreesForTanhAndReluAndPinsSeed004sSlips() {
    for (long seed : SEEDS) {
      for (Activation g : List.of(Activation.TANH, Activation.RELU)) {
        SeedComparison c = ShallowComparison.compute(seed, 8, g);
        assertVerified(c);
        assertEquals(List.of("004:166", "004:214"),
            c.slips().stream().map(PinnedSlip::id).toList());
        // dA[2] as written is m = 8 times ∂J/∂A[2], a relative error of m − 1
        assertEquals(8 - 1, c.slips().get(0).rows().get(0).maxRelDiff(), 1e-9);
        assertTrue(c.slips().get(0).rows().stream()
            .allMatch(r -> r.outcome() == PinnedSlip.Outcome.AGREES_PER_SAMPLE), "per sample");
      }
    }
  }

  @Test
  void shallowComparisonTakesAnyWeightsFromATrainingLoop() {
    Random rng = new Random(5);
    Tensor x = RandomTensors.normal(rng, 1, 3, 11);
    Tensor y = RandomTensors.bits(rng, 1, 11);
    SeedComparison c = ShallowComparison.compare(x, y, RandomTensors.normal(rng, 0.5, 4, 3),
        Tensor.zeros(4, 1), RandomTensors.normal(rng, 0.5, 1, 4), Tensor.zeros(1, 1),
        Activation.TANH);
    assertVerified(c);
    assertEquals(-1, c.randomSeed());
    assertNull(ComparisonPrinter.json(c).get("randomSeed"));
  }
}
