package dev.chainrule.examples.mazur;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Seed 001 end to end: every printed number reproduced or explained. */
class MazurRunTest {
  private static MazurRun run;

  @BeforeAll
  static void compute() {
    run = MazurRun.compute();
  }

  @Test
  void everyPrintedNumberIsReproducedOrHasACause() {
    for (PrintedNumber p : MazurPrintedNumbers.of(run)) {
      if (!p.reproduced()) {
        assertNotNull(p.cause(), p.quantity() + " differs without a cause");
      }
    }
  }

  /** The four figures that share the update-order cause print it once, then "as above". */
  @Test
  void theReportPrintsASharedCauseOnce() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    MazurReport.print(run, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(1, text.split("different update order", -1).length - 1, text);
    assertEquals(3, text.split("cause: as above", -1).length - 1, text);
  }

  @Test
  void exactlyTheSeedsSlipsDiffer() {
    Set<String> differing = MazurPrintedNumbers.of(run).stream().filter(p -> !p.reproduced())
        .map(PrintedNumber::quantity).collect(Collectors.toSet());
    assertEquals(Set.of("out_o1 in the summary line", "∂E_o2/∂out_h1", "E_total after step 1",
        "E_total after 10000 steps", "out_o1 after 10000 steps", "out_o2 after 10000 steps"),
        differing);
    Set<String> fromRounded = MazurPrintedNumbers.of(run).stream()
        .filter(PrintedNumber::reproducedFromRounded).map(PrintedNumber::quantity)
        .collect(Collectors.toSet());
    assertEquals(Set.of("∂E_o2/∂out_h1"), fromRounded, "−0.038098237 × 0.5 = −0.0190491185, "
        + "rounded half up: −0.019049119, as printed; not a slip");
  }

  @Test
  void theOutputLayerFirstOrderReproducesTheSeedsLaterFigures() {
    MazurRun.Variant v = run.variant();
    assertRounds("0.291027924", v.errorAfterStep1());
    assertRounds("0.000035085", v.errorAfterSteps());
    assertRounds("0.015912196", v.outputsAfterSteps()[0]);
    assertRounds("0.984065734", v.outputsAfterSteps()[1]);
  }

  @Test
  void standardMethodAfterTenThousandStepsMatchesAnIndependentRun() {
    // 50-digit decimal run of the standard method, computed outside the repository.
    assertEquals(3.51018778298e-05, run.errorAfterSteps(), 1e-15);
    assertEquals(0.0159136204436, run.outputsAfterSteps()[0], 1e-12);
    assertEquals(0.984064273515, run.outputsAfterSteps()[1], 1e-12);
  }

  @Test
  void gradientsOfAllEightWeights() {
    List<Double> expected = List.of(0.000438567734474, 0.000877135468949, 0.000497712735261,
        0.000995425470522, 0.0821670405642, 0.0826676278475, -0.0226025404775, -0.022740242216);
    for (int k = 0; k < 8; k++) {
      assertEquals(expected.get(k), run.gradients()[k], 1e-12, "∂E/∂w" + (k + 1));
    }
  }

  private static void assertRounds(String printed, double value) {
    BigDecimal p = new BigDecimal(printed);
    assertTrue(new BigDecimal(value).setScale(p.scale(), RoundingMode.HALF_EVEN).compareTo(p) == 0,
        value + " rounds to " + printed);
  }
}
