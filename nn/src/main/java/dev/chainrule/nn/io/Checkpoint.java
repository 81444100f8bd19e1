package dev.chainrule.nn.io;

import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.model.Model;
import dev.chainrule.core.exec.train.OptimizerSnapshot;
import dev.chainrule.nn.train.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves and restores everything a {@link Trainer} needs to resume training exactly: the model's
 * parameters (and architecture), the optimizer's state (momentum's velocities, Adam's moments,
 * step count and bias-correction powers) and the number of epochs completed, which picks the next
 * epoch's shuffling order and scheduled learning rate. Training N steps, saving, loading into a
 * fresh model and trainer and training M more gives, bit for bit, what N + M steps straight give.
 *
 * <p>A checkpoint is a model file of format version 3 (docs/model-format.md) whose header also
 * describes the state and whose blocks go on after the parameters' with the optimizer's buffers
 * (all in the model's dtype);
 * {@link ModelFile#load} and {@link ModelFile#loadInto} read it as a model file. Saving is atomic.
 */
public final class Checkpoint {
  private Checkpoint() {}

  /**
   * Writes {@code trainer}'s model parameters, optimizer state and epoch count to {@code file},
   * atomically.
   */
  public static void save(Trainer trainer, Path file) throws IOException {
    OptimizerSnapshot s = trainer.optimizerState().snapshot();
    StateHeader state = new StateHeader(s.kind(), s.settings(), s.steps(), s.scalars(),
        List.copyOf(s.slots().keySet()), trainer.epochsCompleted());
    List<Tensor> blocks = new ArrayList<>();
    ModelHeader header = ModelFile.header(trainer.model(), state, blocks);
    s.slots().values().forEach(blocks::addAll);
    ModelBytes.write(file, header, blocks, out -> out);
  }

  /**
   * Restores a checkpoint into {@code trainer}: copies the parameters into its model's live
   * tensors, the optimizer state into its optimizer's buffers, and sets its epoch count (all
   * modified in place). Everything is checked first, and on any mismatch nothing is modified.
   *
   * @throws ModelFileException when the file is not a usable checkpoint, holds no training state
   *     (a model file), or does not fit: parameters of other names or shapes (both named), or
   *     another optimizer (both named; only the learning rate may differ)
   */
  public static void loadInto(Trainer trainer, Path file) throws IOException {
    ModelBytes.Decoded d = ModelBytes.read(file);
    StateHeader state = d.header().state();
    if (state == null) {
      throw new ModelFileException(file, "holds a model but no training state (it was written by "
          + "ModelFile.save, not Checkpoint.save); load the parameters with ModelFile.loadInto("
          + "model, file) and train on with a fresh optimizer");
    }
    Model model = trainer.model();
    ModelFile.Contents contents = ModelFile.contents(d);
    ParameterMatch.check(model, contents, file);
    int n = contents.parameters().size();
    int first = n + contents.buffers().size();
    Map<String, List<Tensor>> slots = new LinkedHashMap<>();
    for (int s = 0; s < state.slots().size(); s++) {
      slots.put(state.slots().get(s), d.blocks().subList(first + n * s, first + n * (s + 1)));
    }
    try {
      trainer.optimizerState().restoreInPlace(new OptimizerSnapshot(state.kind(),
          state.settings(), state.steps(), state.scalars(), slots));
    } catch (IllegalArgumentException e) {
      throw new ModelFileException(file, "the checkpoint's optimizer state does not fit the "
          + "trainer's optimizer: " + e.getMessage());
    }
    contents.copyInto(model);
    trainer.setEpochsCompleted(state.epochs());
  }
}
