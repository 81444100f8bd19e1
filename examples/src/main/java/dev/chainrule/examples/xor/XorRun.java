package dev.chainrule.examples.xor;

import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.Generators;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Sequential;
import dev.chainrule.core.exec.train.Sgd;
import dev.chainrule.nn.train.FitOptions;
import dev.chainrule.nn.train.History;
import dev.chainrule.nn.train.Trainer;
import dev.chainrule.nn.train.TrainingListener;

/**
 * Seed 001's second example: XOR learnt by a 2-5-1 sigmoid network from random starting weights
 * (uniform in [0, 1), like the seed's {@code random.random()}), by per-sample gradient descent on
 * E = ½(target − out)² with η = 0.5.
 *
 * <p>Two deliberate differences from the seed's code: each neuron has its own bias, drawn like the
 * weights and trained (the seed shares one random bias per layer and never updates it), and the
 * 10,000 single-sample steps run as 2,500 epochs that visit the four points in a fresh seeded
 * order (the seed draws each sample with {@code random.choice}, with replacement).
 *
 * @param seed the seed of both the initial weights and the visiting order
 * @param steps the number of single-sample steps taken
 * @param outputs the network's output for (0,0), (0,1), (1,0), (1,1) after training
 * @param correct how many outputs round to their target
 * @param error E_total = Σ ½(target − out)² over the four points after training
 * @param initialError the same sum before training
 * @param history the per-epoch training history
 * @param seconds wall-clock training time
 */
public record XorRun(long seed, int steps, double[] outputs, int correct, double error,
    double initialError, History history, double seconds) {
  /** The network's hidden width in the seed. */
  public static final int HIDDEN = 5;

  /**
   * Trains the 2-{@code hidden}-1 network for about {@code steps} single-sample steps (rounded up
   * to whole epochs of four) with learning rate {@code learningRate}, reporting to {@code
   * listener}.
   */
  public static XorRun compute(long seed, int steps, double learningRate, int hidden,
      TrainingListener listener) {
    Dataset xor = Generators.xor();
    Sequential net = network(seed, hidden);
    Trainer trainer = new Trainer(net, Loss.halfSumOfSquares(), new Sgd(learningRate));
    double before = totalError(trainer.predict(xor.features()), xor);
    int epochs = (steps + xor.size() - 1) / xor.size();
    long start = System.nanoTime();
    History h = trainer.fit(xor, FitOptions.defaults().epochs(epochs).batchSize(1).shuffled(seed)
        .listener(listener));
    double seconds = (System.nanoTime() - start) / 1e9;
    Tensor out = trainer.predict(xor.features());
    int correct = 0;
    double[] outputs = new double[xor.size()];
    for (int i = 0; i < xor.size(); i++) {
      outputs[i] = out.get(i, 0);
      if (Math.round(outputs[i]) == xor.label(i)) {
        correct++;
      }
    }
    return new XorRun(seed, epochs * xor.size(), outputs, correct, totalError(out, xor), before,
        h, seconds);
  }

  /**
   * Returns the 2-{@code hidden}-1 sigmoid network in the column layout with weights and biases
   * uniform in [0, 1) drawn from {@code seed}.
   */
  public static Sequential network(long seed, int hidden) {
    return Sequential.builder(Layout.COLUMN, 2).dense(hidden, Activation.sigmoid())
        .dense(1, Activation.sigmoid()).weights(Initializers.uniform(0, 1))
        .biases(Initializers.uniform(0, 1)).seed(seed).build();
  }

  /** Returns E_total = Σ ½(target − out)² of the outputs {@code out} (4, 1) on XOR. */
  public static double totalError(Tensor out, Dataset xor) {
    double e = 0;
    for (int i = 0; i < xor.size(); i++) {
      double d = xor.label(i) - out.get(i, 0);
      e += 0.5 * d * d;
    }
    return e;
  }
}
