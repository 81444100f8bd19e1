package dev.chainrule.examples.soak;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.chainrule.examples.cli.CliRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The long run, short: the same seed gives bit-identical parameters, another seed does not, the
 * network learns XOR, and the heap is measured where asked. (The 10⁶-step run and its heap
 * figures are in docs/reliability.md; no timing or heap threshold is asserted here.)
 */
class SoakRunTest {
  @Test
  void sameSeedSameBitsAndXorIsLearnt() {
    SoakRun a = SoakRun.compute(10_000, 1, 4);
    SoakRun b = SoakRun.compute(10_000, 1, 4);
    assertTrue(a.sameParameters(b));
    assertEquals(a.fingerprint(), b.fingerprint());
    assertFalse(a.sameParameters(SoakRun.compute(10_000, 2, 4)));
    int[] xor = {0, 1, 1, 0};
    for (int i = 0; i < 4; i++) {
      assertEquals(xor[i], Math.round(a.outputs()[i]), "output " + i + " of " + List.of(
          a.outputs()));
    }
    assertArrayEquals(new long[] {1, 2500, 5000, 7500, 10_000},
        a.heap().stream().mapToLong(HeapSample::step).toArray());
  }

  @Test
  void theSubcommandReportsIdenticalRunsAsOneJsonObject() {
    CliRun r = CliRun.of("soak", "--steps", "2000", "--samples", "2", "--json");
    assertEquals(0, r.status(), r.err());
    JsonObject j = JsonParser.parseString(r.out()).getAsJsonObject();
    assertTrue(j.get("identical").getAsBoolean());
    assertEquals(2, j.getAsJsonArray("runs").size());
    assertEquals(3, j.getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonArray("heap")
        .size(), "after step 1, 1000 and 2000");
  }

  /** Heap bytes 10, 12, 14 at steps 0, 10⁶, 2·10⁶: a slope of 2 bytes per million steps. */
  @Test
  void slopeIsTheLeastSquaresLine() {
    assertEquals(2.0, HeapSample.slopePerMillionSteps(List.of(new HeapSample(0, 10),
        new HeapSample(1_000_000, 12), new HeapSample(2_000_000, 14))), 1e-12);
    assertEquals(0.0, HeapSample.slopePerMillionSteps(List.of(new HeapSample(5, 7))));
  }
}
