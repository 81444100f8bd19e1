package dev.chainrule.spark;

import dev.chainrule.core.exec.train.TrainingStep;
import dev.chainrule.nn.data.Batches;
import dev.chainrule.nn.layers.Parameter;
import java.util.Arrays;
import java.util.List;

/**
 * Synchronous data-parallel training: for every global mini-batch, in the order a single-machine
 * trainer with the same options visits them, the driver broadcasts the parameters, each partition
 * computes the gradient of its share of the batch with its replica's compiled step, {@code
 * treeAggregate} sums the shares weighted by their size into the gradient of the batch's mean
 * cost, and the driver applies the optimizer's update once ({@link TrainingStep#applyInPlace}).
 * Up to the order of floating-point additions, this is single-machine training.
 */
final class SynchronousEpochs implements EpochRunner {
  @Override
  public int jobsPerEpoch(FitContext fit) {
    int b = fit.options().batchSize();
    return (fit.data().size() + b - 1) / b;
  }

  @Override
  public EpochTotals run(FitContext fit, int epoch, double learningRate) {
    int n = fit.data().size();
    int size = fit.options().batchSize();
    int[] order = fit.options().shuffle() ? Batches.shuffledOrder(n, fit.options().seed(), epoch)
        : identity(n);
    int[] starts = fit.data().starts();
    List<Parameter> parameters = fit.parameters();
    TrainingStep step = fit.driver().trainingStep(size);
    double lossSum = 0;
    long correct = 0;
    for (int from = 0, b = 0; from < n; from += size, b++) {
      int[] batch = Arrays.copyOfRange(order, from, Math.min(from + size, n));
      ParameterValues values = ParameterValues.of(parameters);
      int job = fit.nextJob();
      GradientSum sum = fit.job(values, values.bytes(), shipped -> new SynchronousTask(
          fit.spec(), shipped, batch, starts, job, fit.probe()), GradientSum.empty(),
          (x, y) -> x.merge(y));
      if (sum.samples() != batch.length) {
        throw new IllegalStateException("the partitions held " + sum.samples() + " of the "
            + batch.length + " samples of batch " + b + " in epoch " + epoch + ": the training "
            + "data changed since it was read (a source that is not deterministic?)");
      }
      fit.requireFinite(sum.meanLoss(), epoch, b, learningRate);
      long applying = System.nanoTime();
      step.applyInPlace(sum.gradients().asTensors(parameters), learningRate);
      fit.timings().apply(System.nanoTime() - applying);
      lossSum += sum.lossSum();
      correct += sum.correct();
      fit.options().listener().onBatchEnd(epoch, b, sum.meanLoss());
    }
    return new EpochTotals(lossSum, correct, n);
  }

  /** Returns 0, 1, …, n − 1: the order of an epoch without shuffling. */
  static int[] identity(int n) {
    int[] order = new int[n];
    Arrays.setAll(order, i -> i);
    return order;
  }
}
