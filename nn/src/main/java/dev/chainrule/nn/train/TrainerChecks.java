package dev.chainrule.nn.train;

import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Model;

/**
 * The trainer's checks of its arguments, one rule and one message each: a dataset fits the model
 * (features and dtype) and loss and holds samples, a batch holds at least one sample, a scheduled
 * learning rate is a finite number &gt; 0 (the optimizers' rule), and the loss fits the output
 * layer.
 */
final class TrainerChecks {
  private TrainerChecks() {}

  static void datasetFits(Model model, Loss loss, Dataset data) {
    if (data.featureCount() != model.inputSize()) {
      throw new IllegalArgumentException("dataset '" + data.name() + "' has "
          + data.featureCount() + " features per sample but the model takes "
          + model.inputSize());
    }
    if (data.dtype() != model.dtype()) {
      throw new IllegalArgumentException("dataset '" + data.name() + "' holds " + data.dtype()
          + " values but the model computes in " + model.dtype() + "; load the data in "
          + model.dtype() + " (e.g. FashionMnist.load(dir, limit, DType." + model.dtype().name()
          + ")) or convert it with dataset.to(DType." + model.dtype().name() + ")");
    }
    if (loss == null) {
      return;
    }
    if (loss.takesClassIndices()) {
      if (!data.hasLabels()) {
        throw new IllegalArgumentException("loss " + loss.name() + " needs class labels, but "
            + "dataset '" + data.name() + "' is a regression dataset");
      }
      if (data.classCount() > model.outputSize()) {
        throw new IllegalArgumentException("dataset '" + data.name() + "' has "
            + data.classCount() + " classes but the model has only " + model.outputSize()
            + " outputs");
      }
    } else if (data.outputCount() != model.outputSize()) {
      throw new IllegalArgumentException("dataset '" + data.name() + "' has "
          + data.outputCount() + " target values per sample but the model has "
          + model.outputSize() + " outputs" + (data.hasLabels() && model.outputSize() == 1
          ? "; use dataset.withBinaryTargets() for a single sigmoid output"
          : data.hasLabels() ? "; use dataset.withOneHotTargets() for a softmax output" : ""));
    }
  }

  /** Refuses a dataset without samples, which would give a NaN cost and accuracy. */
  static void hasSamples(Dataset data, String purpose) {
    if (data.size() == 0) {
      throw new IllegalArgumentException("dataset '" + data.name() + "' has no samples, so there "
          + "is nothing to " + purpose);
    }
  }

  /** Refuses a batch size below 1, for which no graph can be built. */
  static void batchSize(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
  }

  /**
   * Returns the learning rate {@code rate} a schedule gave for {@code epoch}, or throws an {@link
   * IllegalStateException} when it is not a finite number &gt; 0, the rule of the optimizers.
   */
  static double scheduledRate(double rate, int epoch, double base) {
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw new IllegalStateException("the learning-rate schedule gave " + rate + " for epoch "
          + epoch + " (base rate " + base + "); a learning rate must be a finite number > 0");
    }
    return rate;
  }

  /** Refuses a stock loss that does not fit the model's output layer ({@link OutputLossMatch}). */
  static void lossFitsOutput(Model model, Loss loss) {
    OutputLossMatch.check(model, loss);
  }
}
