package dev.chainrule.examples.fashion;

import dev.chainrule.core.exec.train.Optimizer;
import dev.chainrule.core.exec.train.Sgd;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.FashionMnist;
import dev.chainrule.nn.data.Scaler;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Sequential;
import dev.chainrule.nn.optim.Adam;
import dev.chainrule.nn.optim.LearningRateSchedule;
import dev.chainrule.nn.optim.Momentum;
import dev.chainrule.nn.train.EarlyStopping;
import dev.chainrule.nn.train.Evaluation;
import dev.chainrule.nn.train.FitOptions;
import dev.chainrule.nn.train.History;
import dev.chainrule.nn.train.Trainer;
import dev.chainrule.nn.train.TrainingListener;

/**
 * An MLP on Fashion-MNIST: 784 pixels → ReLU hidden layer (He initialisation) → 10 logits, softmax
 * cross-entropy from the logits, row layout (one image per row), mini-batches shuffled per epoch.
 * Part of the training set is held out for validation; the test set is used once, at the end.
 * Pixels are standardised with the training part's statistics (unless turned off); the returned
 * model has that scaling folded into its first layer, so it takes raw [0, 1] pixels.
 *
 * @param settings what was run
 * @param model the trained network, taking raw pixels in [0, 1]
 * @param test cost and accuracy on the test set
 * @param history per-epoch statistics
 * @param trainSamples images trained on
 * @param validationSamples images held out
 * @param loadSeconds time to read the IDX files
 * @param totalSeconds time of all epochs
 */
public record FashionRun(FashionSettings settings, Sequential model, Evaluation test,
    History history, int trainSamples, int validationSamples, double loadSeconds,
    double totalSeconds) {

  /** Loads the data, trains and tests; fails with instructions when the data is missing. */
  public static FashionRun compute(FashionSettings s, TrainingListener listener) {
    long start = System.nanoTime();
    FashionMnist data = load(s);
    double loadSeconds = (System.nanoTime() - start) / 1e9;
    Dataset all = data.train();
    if (s.validation() >= all.size()) {
      throw new IllegalArgumentException("--validation " + s.validation() + " leaves no training "
          + "images out of " + all.size());
    }
    Dataset train = all;
    Dataset validation = null;
    if (s.validation() > 0) {
      Dataset.Split split = all.split((double) (all.size() - s.validation()) / all.size(),
          s.seed());
      train = split.train();
      validation = split.validation();
    }
    Dataset test = data.test();
    Scaler scaler = null;
    if (s.standardize()) {
      scaler = Scaler.standard(train);
      train = scaler.transform(train);
      validation = validation == null ? null : scaler.transform(validation);
      test = scaler.transform(test);
    }
    Sequential net = Sequential.builder(Layout.ROW, 784)
        .dense(s.hidden(), Activation.relu()).dense(10, Activation.softmax())
        .weights(Initializers.heNormal()).biases(Initializers.zeros()).seed(s.seed())
        .dtype(s.dtype()).build();
    Trainer trainer = new Trainer(net, Loss.softmaxCrossEntropy(), optimizer(s));
    FitOptions options = FitOptions.defaults().epochs(s.epochs()).batchSize(s.batchSize())
        .shuffled(s.seed()).schedule(schedule(s)).listener(listener)
        .earlyStopping(s.patience() > 0 ? EarlyStopping.patience(s.patience()) : null);
    long fitStart = System.nanoTime();
    History h = trainer.fit(train, validation, options);
    double total = (System.nanoTime() - fitStart) / 1e9;
    Evaluation tested = trainer.evaluate(test);
    Sequential forRawPixels = scaler == null ? net : net.foldInputScaling(scaler);
    return new FashionRun(s, forRawPixels, tested, h, train.size(),
        validation == null ? 0 : validation.size(), loadSeconds, total);
  }

  private static FashionMnist load(FashionSettings s) {
    return FashionData.load(s.data(), s.limit(), s.dtype());
  }



  /** Returns the optimizer the settings name. */
  static Optimizer optimizer(FashionSettings s) {
    switch (s.optimizer()) {
      case "adam":
        return Adam.of(s.learningRate());
      case "momentum":
        return Momentum.of(s.learningRate());
      case "sgd":
        return new Sgd(s.learningRate());
      default:
        throw new IllegalArgumentException("unknown optimizer '" + s.optimizer() + "'; use adam, "
            + "momentum or sgd");
    }
  }

  /** Returns the schedule the settings name. */
  static LearningRateSchedule schedule(FashionSettings s) {
    switch (s.schedule()) {
      case "cosine":
        return LearningRateSchedule.cosine(s.epochs(), 0.0);
      case "step":
        return LearningRateSchedule.stepDecay(3, 0.5);
      case "constant":
        return LearningRateSchedule.constant();
      default:
        throw new IllegalArgumentException("unknown schedule '" + s.schedule() + "'; use cosine, "
            + "step or constant");
    }
  }
}
