package dev.chainrule.nn.train;

import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Model;

/** Checks that a dataset fits a model and loss, with messages naming both. */
final class TrainerChecks {
  private TrainerChecks() {}

  static void datasetFits(Model model, Loss loss, Dataset data) {
    if (data.featureCount() != model.inputSize()) {
      throw new IllegalArgumentException("dataset '" + data.name() + "' has "
          + data.featureCount() + " features per sample but the model takes "
          + model.inputSize());
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
}
