package dev.chainrule.examples.cnn;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.examples.fashion.FashionData;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.FashionMnist;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Network;
import dev.chainrule.nn.optim.Adam;
import dev.chainrule.nn.optim.LearningRateSchedule;
import dev.chainrule.nn.train.Evaluation;
import dev.chainrule.nn.train.FitOptions;
import dev.chainrule.nn.train.History;
import dev.chainrule.nn.train.Trainer;
import dev.chainrule.nn.train.TrainingListener;
import java.nio.file.Path;

/**
 * A small convolutional network on Fashion-MNIST, images in NCHW layout (batch first): conv 5×5
 * × 16 (padding 2) → ReLU → batch norm → max pool 2 → conv 5×5 × 32 (padding 2) → ReLU → batch
 * norm → max pool 2 → flatten → dense 128 → ReLU → dense 10 → softmax, trained with Adam under a
 * cosine schedule on raw [0, 1] pixels, with softmax cross-entropy from the logits, in float64
 * or float32. Part of the training set may be held out for validation; the test set is used
 * once, at the end.
 *
 * @param network the trained network, taking raw pixels in [0, 1], one image per row
 * @param test cost and accuracy on the test set
 * @param history per-epoch statistics
 * @param trainSamples images trained on
 * @param validationSamples images held out
 * @param totalSeconds time of all epochs
 */
public record CnnRun(Network network, Evaluation test, History history, int trainSamples,
    int validationSamples, double totalSeconds) {
  /** The architecture as the report writes it. */
  public static final String ARCHITECTURE =
      "conv5×5×16-bn-pool2-conv5×5×32-bn-pool2-dense128-dense10";

  /** Returns the float64 network of this example, its weights drawn from {@code seed}. */
  public static Network network(long seed) {
    return network(seed, DType.FLOAT64);
  }

  /** Returns the network of this example in {@code dtype}, its weights drawn from {@code seed}. */
  public static Network network(long seed, DType dtype) {
    return Network.builder(1, 28, 28)
        .conv2d(16, 5, 2, Activation.relu()).batchNorm().maxPool2d(2)
        .conv2d(32, 5, 2, Activation.relu()).batchNorm().maxPool2d(2)
        .flatten().dense(128, Activation.relu()).dense(10, Activation.softmax())
        .seed(seed).dtype(dtype).build();
  }

  /**
   * Loads the data from {@code dir} (the first {@code limit} images of each file), holds {@code
   * validation} training images out, trains for {@code epochs} in batches of {@code batchSize} at
   * learning rate {@code learningRate}, and tests, with the network and the data in {@code
   * dtype}.
   */
  public static CnnRun compute(Path dir, int limit, int validation, int epochs, int batchSize,
      double learningRate, long seed, DType dtype, TrainingListener listener) {
    FashionMnist data = FashionData.load(dir, limit, dtype);
    Dataset train = data.train();
    Dataset held = null;
    if (validation > 0) {
      Dataset.Split split = train.split((double) (train.size() - validation) / train.size(), seed);
      train = split.train();
      held = split.validation();
    }
    Network net = network(seed, dtype);
    Trainer trainer = new Trainer(net, Loss.softmaxCrossEntropy(), Adam.of(learningRate));
    FitOptions options = FitOptions.defaults().epochs(epochs).batchSize(batchSize)
        .shuffled(seed).schedule(LearningRateSchedule.cosine(epochs, 0.0)).listener(listener);
    long start = System.nanoTime();
    History h = trainer.fit(train, held, options);
    double total = (System.nanoTime() - start) / 1e9;
    return new CnnRun(net, trainer.evaluate(data.test()), h, train.size(),
        held == null ? 0 : held.size(), total);
  }
}
