package dev.chainrule.examples.bench;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Sequential;
import dev.chainrule.core.exec.train.Sgd;
import dev.chainrule.nn.train.FitOptions;
import dev.chainrule.nn.train.Trainer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * W2 and W3 as an nn user writes them: a {@link Sequential} 784-256-10 (ReLU, softmax) trained
 * by a {@link Trainer} with softmax cross-entropy and {@link Sgd} at η = 0.1 on eight batches of
 * random data, shuffled each epoch, in float64 or float32 (the model built for that dtype, the
 * data converted to it). The trainer runs the same kind of compiled training step as
 * {@link MlpWorkload} (the update fused into the gradient's GEMM), and besides copies each shuffled
 * batch into its buffer and counts the correct predictions; the rows {@code w2-trainer} and {@code
 * w3-trainer} say what that costs next to {@link MlpWorkload}'s single compiled training step.
 */
final class TrainerWorkload {
  private static final int BATCHES = 8;

  private final Trainer trainer;
  private final Dataset data;
  private final int batch;

  /** Builds the model and the eight batches of {@code batch} rows, both in {@code dtype}. */
  TrainerWorkload(int batch, DType dtype) {
    this.batch = batch;
    Random r = new Random(1);
    Tensor x = Tensor.zeros(BATCHES * batch, 784);
    double[] d = x.buffer();
    for (int i = 0; i < d.length; i++) {
      d[i] = r.nextDouble();
    }
    int[] labels = new int[BATCHES * batch];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = r.nextInt(10);
    }
    data = Dataset.classification("random", x.to(dtype), labels, 10);
    Sequential net = Sequential.builder(Layout.ROW, 784).dense(256, Activation.relu())
        .dense(10, Activation.softmax()).seed(1).dtype(dtype).build();
    trainer = new Trainer(net, Loss.softmaxCrossEntropy(), new Sgd(MlpWorkload.LEARNING_RATE));
  }

  /**
   * Returns the row {@code name} as the bench times it: a run is as many whole epochs of eight
   * batches as make about {@code steps} steps, and the row gives steps per second.
   */
  static Repetition repetition(String name, int batch, int threads, int steps, DType dtype) {
    TrainerWorkload w = new TrainerWorkload(batch, dtype);
    int epochs = Math.max(1, steps / BATCHES);
    double[] loss = new double[1];
    return new Repetition() {
      @Override
      public void run() {
        loss[0] = w.train(epochs);
      }

      @Override
      public int steps() {
        return epochs * BATCHES;
      }

      @Override
      public BenchRow row(double seconds) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("dtype", dtype.toString());
        details.put("final_loss", loss[0]);
        details.put("batch", w.batch);
        return new BenchRow(name, threads, steps() / seconds, "steps/s", details);
      }
    };
  }

  /** Trains {@code epochs} epochs, shuffled by seed 1, and returns the last epoch's mean loss. */
  double train(int epochs) {
    FitOptions options = FitOptions.defaults().epochs(epochs).batchSize(batch).shuffled(1);
    return trainer.fit(data, options).last().trainLoss();
  }
}
