package dev.chainrule.examples.fashion;

import dev.chainrule.core.tensor.DType;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The settings of a Fashion-MNIST run.
 *
 * @param data the directory with the four IDX files
 * @param epochs passes over the training set
 * @param batchSize samples per step
 * @param optimizer "adam", "momentum" or "sgd"
 * @param learningRate the base learning rate
 * @param schedule "cosine" (to 0 over the epochs), "step" (halve every 3 epochs) or "constant"
 * @param hidden hidden units of the 784-hidden-10 MLP
 * @param seed seed of the initial weights, the validation split and the shuffling
 * @param validation training images held out for validation (0 for none)
 * @param patience early-stopping patience in epochs (0 for none)
 * @param limit use only the first {@code limit} training and test images (for quick runs)
 * @param standardize whether to standardise each pixel with the training part's mean and
 *     standard deviation (seed 003: gradients grow with the inputs)
 * @param dtype the number type of the model and the data
 */
public record FashionSettings(Path data, int epochs, int batchSize, String optimizer,
    double learningRate, String schedule, int hidden, long seed, int validation, int patience,
    int limit, boolean standardize, DType dtype) {
  /** Returns the default learning rate of {@code optimizer}: 1e-3 for Adam, 0.05 and 0.1. */
  public static double defaultLearningRate(String optimizer) {
    switch (optimizer.toLowerCase(Locale.ROOT)) {
      case "adam":
        return 1e-3;
      case "momentum":
        return 0.05;
      default:
        return 0.1;
    }
  }

  /** Returns the architecture's widths, e.g. "784-256-10". */
  public String architecture() {
    return "784-" + hidden + "-10";
  }
}
