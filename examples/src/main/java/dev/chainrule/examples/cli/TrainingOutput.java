package dev.chainrule.examples.cli;

import dev.chainrule.nn.data.IoMessages;
import dev.chainrule.nn.io.ModelFile;
import dev.chainrule.nn.io.ModelFileException;
import dev.chainrule.nn.model.Model;
import dev.chainrule.nn.train.EpochStats;
import dev.chainrule.nn.train.History;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the training commands share in their output: the saved model and the JSON history. */
public final class TrainingOutput {
  private TrainingOutput() {}

  /**
   * Saves {@code model} to {@code save} (the --save option; nothing when null) and returns the
   * file's absolute path, or null; a file that cannot be written fails with one line saying why.
   */
  public static Path save(Model model, Path save) {
    if (save == null) {
      return null;
    }
    Path file = save.toAbsolutePath().normalize();
    try {
      ModelFile.save(model, file);
    } catch (ModelFileException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + save + ": " + IoMessages.reason(e, file),
          e);
    }
    return file;
  }

  /** Returns one JSON row per epoch: its number, rate, training and validation figures, time. */
  public static List<Map<String, Object>> epochs(History history) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (EpochStats e : history.epochs()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("epoch", e.epoch() + 1);
      row.put("learningRate", e.learningRate());
      row.put("trainLoss", e.trainLoss());
      row.put("trainAccuracy", e.trainAccuracy());
      if (e.hasValidation()) {
        row.put("validationLoss", e.validationLoss());
        row.put("validationAccuracy", e.validationAccuracy());
      }
      row.put("seconds", e.seconds());
      rows.add(row);
    }
    return rows;
  }
}
