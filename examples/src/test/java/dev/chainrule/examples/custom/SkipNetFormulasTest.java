package dev.chainrule.examples.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.examples.cli.CliRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@code custom-model} says the model is comes from the graph: SkipNet's forward equations
 * as its Javadoc states the architecture (Z[2] = W[2]·mish(W[1]·X + b[1]) + V·X + b[2], split at
 * its named nodes), and mish's derivative in its textbook form tanh(softplus(x)) + x·σ(x)·(1 −
 * tanh²(softplus(x))), both written here by hand.
 */
class SkipNetFormulasTest {
  private static final List<String> ARCHITECTURE = List.of(
      "Z[1] = W[1]·X + b[1]",
      "A[1] = mish(Z[1])",
      "skip = V·X",
      "Z[2] = W[2]·A[1] + skip + b[2]",
      "A[2] = σ(Z[2])");

  @Test
  void theForwardEquationsAreTheArchitecture() {
    assertEquals(ARCHITECTURE, SkipNetFormulas.forward(CustomModelRun.model(3)));
  }

  @Test
  void mishsDerivativeIsTheTextbooksTimesTheUpstreamGradient() {
    assertEquals("y = mish(x), dx = dy ∘ (tanh(softplus(x)) + x ∘ σ(x) ∘ (1 − tanh(softplus(x))²))",
        SkipNetFormulas.mishDerivative());
  }

  @Test
  void theCommandPrintsThemBeforeTheGradcheck() {
    CliRun r = CliRun.of("custom-model", "--epochs", "1");
    assertEquals(0, r.status(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(ARCHITECTURE, lines.subList(1, 6).stream().map(String::strip).toList());
    assertTrue(lines.get(7).strip().startsWith("y = mish(x), dx = dy ∘ (tanh(softplus(x))"),
        lines.toString());
  }
}
