package dev.chainrule.examples.formulas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.cli.Cli;
import dev.chainrule.examples.cli.CliRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code formulas --logits}: the seeds' cross-entropies computed from the logits, as nn's stable
 * losses compute them, print the textbook backward pass, the one the seeds derive by hand.
 */
class LogitsCommandTest {
  /** Returns the lines of the printed backward pass. */
  private static List<String> backward(String example) {
    CliRun r = CliRun.of("formulas", example, "--logits");
    assertEquals(0, r.status(), r.err());
    String out = r.out();
    String pass = out.substring(out.indexOf("Backward pass\n") + 14, out.indexOf("\n\nNotes"));
    return pass.lines().map(String::strip).toList();
  }

  @Test
  void shallowWithBinaryCrossEntropyOnTheLogits() {
    assertEquals(List.of("dZ[2] = σ(Z[2]) − Y", "dW[2] = (1/m)·dZ[2]·A[1]ᵀ",
        "db[2] = (1/m)·Σ dZ[2]", "dA[1] = W[2]ᵀ·dZ[2]", "dZ[1] = dA[1] ∘ (1 − A[1]²)",
        "dW[1] = (1/m)·dZ[1]·Xᵀ", "db[1] = (1/m)·Σ dZ[1]"), backward("shallow"));
  }

  @Test
  void testnetBatchWithSoftmaxCrossEntropyOnTheLogits() {
    assertEquals(List.of("dz(2) = softmax(z(2), axis=1) − 1(y)", "dW(2) = (1/m)·a(1)ᵀ·dz(2)",
        "db(2) = (1/m)·Σ dz(2)", "da(1) = dz(2)·W(2)ᵀ", "dz(1) = da(1) ∘ 1(z(1) > 0)",
        "dW(1) = (1/m)·a(0)ᵀ·dz(1)", "db(1) = (1/m)·Σ dz(1)"), backward("testnet-batch"));
  }

  @Test
  void bp4sThirdLayer() {
    assertEquals("dZ[3] = σ(Z[3]) − Y", backward("bp4").get(0));
  }

  @Test
  void aLossThatIsNoPlainCrossEntropyIsABadArgument() {
    for (String example : List.of("mazur", "testnet-single")) {
      CliRun r = CliRun.of("formulas", example, "--logits");
      assertEquals(Cli.BAD_INPUT, r.status(), r.out());
      assertTrue(r.err().startsWith("error: --logits "), r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
    }
  }
}
