package dev.chainrule.examples.errors;

import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Batches;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.Generators;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Sequential;
import dev.chainrule.nn.optim.Adam;
import dev.chainrule.nn.optim.Momentum;
import dev.chainrule.core.exec.train.Sgd;
import dev.chainrule.nn.train.FitOptions;
import dev.chainrule.nn.train.Trainer;

/** Bad hyper-parameters and training set-ups, as a new user would write them; each throws. */
final class BadSettings {
  private BadSettings() {}

  static void learningRateZero() {
    new Sgd(0);
  }

  static void learningRateNegative() {
    Adam.of(-0.001);
  }

  static void momentumOfOne() {
    new Momentum(0.1, 1.0);
  }

  static void adamBeta2OfOne() {
    new Adam(0.001, 0.9, 1.0, 1e-8);
  }

  static void negativeLambda() {
    Loss.softmaxCrossEntropy().plusL2(-0.01, name -> name.startsWith("W"));
  }

  static void batchSizeZero() {
    FitOptions.defaults().batchSize(0);
  }

  static void batchesOfZero() {
    Batches.of(Generators.xor(), 0);
  }

  static void epochsZero() {
    FitOptions.defaults().epochs(0);
  }

  private static Sequential threeInputs() {
    return Sequential.builder(Layout.COLUMN, 3).dense(4, Activation.tanh())
        .dense(1, Activation.sigmoid()).seed(1).build();
  }

  static void datasetOfTheWrongWidth() {
    Trainer t = new Trainer(threeInputs(), Loss.binaryCrossEntropyWithLogits(), new Sgd(0.1));
    t.fit(Generators.moons(100, 0.1, 1), FitOptions.defaults());
  }

  private static Sequential xorNet(int outputs, Activation output) {
    return Sequential.builder(Layout.COLUMN, 2).dense(2, Activation.tanh())
        .dense(outputs, output).seed(1).build();
  }

  static void stepWithALearningRateOfZero() {
    Trainer t = new Trainer(xorNet(1, Activation.sigmoid()), Loss.binaryCrossEntropy(),
        new Sgd(0.5));
    t.step(Batches.of(Generators.xor(), 4).epoch(0).iterator().next(), 0.0);
  }

  static void trainingGraphForZeroSamples() {
    new Trainer(xorNet(1, Activation.sigmoid()), Loss.binaryCrossEntropy(), new Sgd(0.5))
        .trainingGraph(0);
  }

  static void fitOnAnEmptyDataset() {
    Dataset empty = Dataset.binary("empty", Tensor.zeros(0, 2), new int[0]);
    new Trainer(xorNet(1, Activation.sigmoid()), Loss.binaryCrossEntropy(), new Sgd(0.5))
        .fit(empty, FitOptions.defaults());
  }

  static void datasetWithNaN() {
    Tensor features = Tensor.full(Shape.of(4, 2), 0.5);
    features.buffer()[5] = Double.NaN;
    Dataset.binary("sensors", features, new int[] {0, 1, 1, 0});
  }

  static void softmaxCrossEntropyOnOneSigmoidUnit() {
    new Trainer(xorNet(1, Activation.sigmoid()), Loss.softmaxCrossEntropy(), new Sgd(0.5));
  }

  static void softmaxCrossEntropyOnSigmoidUnits() {
    new Trainer(xorNet(2, Activation.sigmoid()), Loss.softmaxCrossEntropy(), new Sgd(0.5));
  }

  static void binaryCrossEntropyOnASoftmax() {
    new Trainer(xorNet(2, Activation.softmax()), Loss.binaryCrossEntropy(), new Sgd(0.5));
  }

  static void trainingThatDiverges() {
    Sequential net = Sequential.builder(Layout.COLUMN, 2).dense(4, Activation.tanh())
        .dense(1, Activation.sigmoid()).seed(1).build();
    Trainer t = new Trainer(net, Loss.binaryCrossEntropy(), new Sgd(1e300));
    t.fit(Generators.moons(100, 0.1, 1), FitOptions.defaults().epochs(5).batchSize(100));
  }

  static void gradientClippingToANormOfZero() {
    Adam.of(0.01).clippedByGlobalNorm(0);
  }
}
