package dev.chainrule.examples.shallow;

import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.Generators;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Dense;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Sequential;
import dev.chainrule.core.exec.train.Sgd;
import dev.chainrule.nn.train.FitOptions;
import dev.chainrule.nn.train.History;
import dev.chainrule.nn.train.Inference;
import dev.chainrule.nn.train.Trainer;
import dev.chainrule.nn.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 004's shallow network on the planar "flower": column layout (X is features × m), a hidden
 * layer of 4 tanh units, a sigmoid output, the mean binary cross-entropy as the seed writes it,
 * weights N(0,1)·0.01 and zero biases, full-batch gradient descent.
 *
 * @param architecture the widths, e.g. "3-4-1"
 * @param accuracy accuracy on the training flower
 * @param testAccuracy accuracy on a fresh flower of the same size drawn with another seed
 * @param initialCost J before training
 * @param cost J after training
 * @param iterations full-batch gradient-descent steps taken
 * @param history the per-iteration history
 * @param seconds wall-clock training time
 * @param initialWeights W[1], b[1], W[2], b[2], … before training, for comparing the network's
 *     gradients with the seed's formulas where they are not yet near zero
 * @param train the training flower
 */
public record ShallowRun(String architecture, double accuracy, double testAccuracy,
    double initialCost, double cost, int iterations, History history, double seconds,
    List<Tensor> initialWeights, Dataset train) {

  /** The settings of a run, with the seed's and the planar-data course's defaults. */
  public record Settings(int features, int hidden, Activation activation, int iterations,
      double learningRate, int samples, long seed) {
    /** Returns 3 features, 4 tanh units, 10,000 steps at η = 1.2, 400 points, seed 1. */
    public static Settings defaults() {
      return new Settings(3, 4, Activation.tanh(), 10_000, 1.2, 400, 1);
    }
  }

  /** The offset between the training flower's seed and the test flower's. */
  public static final long TEST_SEED_OFFSET = 1_000_003;

  /** Trains on a flower drawn with {@code s.seed()} and tests on a fresh one. */
  public static ShallowRun compute(Settings s, TrainingListener listener) {
    Dataset train = PlanarFeatures.of(Generators.flower(s.samples(), s.seed()), s.features());
    Dataset test = PlanarFeatures.of(Generators.flower(s.samples(),
        s.seed() + TEST_SEED_OFFSET), s.features());
    Sequential net = Sequential.builder(Layout.COLUMN, s.features())
        .dense(s.hidden(), s.activation()).dense(1, Activation.sigmoid())
        .weights(Initializers.normal(0.01)).biases(Initializers.zeros()).seed(s.seed()).build();
    Loss loss = Loss.binaryCrossEntropy();
    Trainer trainer = new Trainer(net, loss, new Sgd(s.learningRate()));
    Inference inference = new Inference(net, loss, s.samples());
    double before = inference.evaluate(train).loss();
    List<Tensor> initial = new ArrayList<>();
    for (Dense layer : net.layers()) {
      initial.add(layer.weights().copy());
      initial.add(layer.biases().copy());
    }
    long start = System.nanoTime();
    History h = trainer.fit(train, FitOptions.defaults().epochs(s.iterations())
        .batchSize(s.samples()).inOrder().listener(listener));
    double seconds = (System.nanoTime() - start) / 1e9;
    return new ShallowRun(net.architecture().orElseThrow().widths(),
        inference.evaluate(train).accuracy(), inference.evaluate(test).accuracy(), before,
        inference.evaluate(train).loss(), s.iterations(), h, seconds, initial, train);
  }
}
