package dev.chainrule.examples.shallow;

import dev.chainrule.examples.compare.SeedComparison;
import dev.chainrule.examples.compare.ShallowComparison;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.manual.Activation;
import java.util.List;
import java.util.Optional;

/**
 * Compares the shallow network's gradients with seed 004's hand-derived formulas on the training
 * flower at the initial weights (after training the gradients are near zero, and relative errors
 * measure cancellation rather than the formulas). The seed's summary is written for the 3-4-1
 * shape with a tanh or ReLU hidden layer, so other settings have no comparison.
 */
final class ShallowVsManual {
  private ShallowVsManual() {}

  static Optional<SeedComparison> compare(ShallowRun run, ShallowRun.Settings settings) {
    Activation g;
    switch (settings.activation().id()) {
      case "tanh":
        g = Activation.TANH;
        break;
      case "relu":
        g = Activation.RELU;
        break;
      default:
        return Optional.empty();
    }
    List<Tensor> w = run.initialWeights();
    if (settings.features() != 3 || settings.hidden() != 4 || w.size() != 4) {
      return Optional.empty();
    }
    return Optional.of(ShallowComparison.compare(run.train().featuresColumns(),
        run.train().targetsColumns(), w.get(0), w.get(1), w.get(2), w.get(3), g));
  }
}
