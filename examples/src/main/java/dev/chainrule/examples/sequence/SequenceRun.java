package dev.chainrule.examples.sequence;

import dev.chainrule.core.exec.train.Optimizer;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.SequenceTasks;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Cell;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.train.TrainingListener;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.LayerStack;
import dev.chainrule.nn.optim.Adam;
import dev.chainrule.nn.train.FitOptions;
import dev.chainrule.nn.train.History;
import dev.chainrule.nn.train.Trainer;

/**
 * A recurrent network learning to add two binary numbers digit by digit, least significant first:
 * T = bits + 1 steps of the two digits → an LSTM or GRU with every hidden state → a sigmoid unit
 * on every step giving that step's digit of the sum; binary cross-entropy from the logits, Adam
 * with gradients clipped to global norm 1, column layout, float64 or float32. Training and test
 * pairs are drawn apart ({@link SequenceTasks#binaryAddition}); a sum counts as right when all T
 * digits are.
 *
 * @param settings what was run
 * @param model the trained network
 * @param history per-epoch statistics
 * @param digitAccuracy the share of test digits right
 * @param sumAccuracy the share of test sums with every digit right
 * @param testSamples the number of test additions
 * @param totalSeconds time of all epochs
 */
public record SequenceRun(SequenceSettings settings, LayerStack model, History history,
    double digitAccuracy, double sumAccuracy, int testSamples, double totalSeconds) {
  /** The global gradient norm the optimizer clips to. */
  public static final double MAX_GRADIENT_NORM = 1.0;

  /** Generates the data, trains and tests. */
  public static SequenceRun compute(SequenceSettings s, TrainingListener listener) {
    Dataset train = SequenceTasks.binaryAddition(s.samples(), s.bits(), s.seed()).to(s.dtype());
    Dataset test = SequenceTasks.binaryAddition(s.testSamples(), s.bits(), s.seed() + 1)
        .to(s.dtype());
    LayerStack model = model(s);
    Optimizer optimizer = Adam.of(s.learningRate()).clippedByGlobalNorm(MAX_GRADIENT_NORM);
    Trainer trainer = new Trainer(model, Loss.binaryCrossEntropyWithLogits(), optimizer);
    FitOptions options = FitOptions.defaults().epochs(s.epochs()).batchSize(s.batchSize())
        .shuffled(s.seed()).listener(listener);
    long start = System.nanoTime();
    History h = trainer.fit(train, options);
    double total = (System.nanoTime() - start) / 1e9;
    Tensor predicted = trainer.predict(test.features());
    Tensor targets = test.targets();
    int steps = s.bits() + 1;
    int digits = 0;
    int sums = 0;
    for (int i = 0; i < test.size(); i++) {
      int right = 0;
      for (int t = 0; t < steps; t++) {
        right += (predicted.get(i, t) > 0.5) == (targets.get(i, t) > 0.5) ? 1 : 0;
      }
      digits += right;
      sums += right == steps ? 1 : 0;
    }
    return new SequenceRun(s, model, h, (double) digits / (test.size() * steps),
        (double) sums / test.size(), test.size(), total);
  }

  /** Returns the untrained model of the settings: recurrent layer, then a sigmoid on every step. */
  static LayerStack model(SequenceSettings s) {
    return model(Cell.valueOf(s.cell().toUpperCase(java.util.Locale.ROOT)), s.bits(), s.hidden(),
        s.seed(), s.dtype());
  }

  /** Returns the float64 model of {@link #model(Cell, int, int, long, DType)}. */
  public static LayerStack model(Cell cell, int bits, int hidden, long seed) {
    return model(cell, bits, hidden, seed, DType.FLOAT64);
  }

  /**
   * Returns the untrained model of this example for numbers of {@code bits} digits: a {@code
   * cell} layer of {@code hidden} units over the bits + 1 steps of two digits, returning every
   * hidden state, then a sigmoid unit on every step, weights drawn from {@code seed}, parameters
   * of {@code dtype}. A file the example saved ({@code --save}) loads into the model of its cell,
   * bits, hidden units and dtype ({@code ModelFile.loadInto}).
   */
  public static LayerStack model(Cell cell, int bits, int hidden, long seed, DType dtype) {
    return LayerStack.builder(Layout.COLUMN, bits + 1, 2)
        .recurrent(cell.id(), cell, hidden, true)
        .denseEveryStep(1, Activation.sigmoid())
        .seed(seed).dtype(dtype).build();
  }
}
