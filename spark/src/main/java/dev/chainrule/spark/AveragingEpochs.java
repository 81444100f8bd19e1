package dev.chainrule.spark;

import dev.chainrule.core.exec.train.OptimizerState;
import dev.chainrule.nn.layers.Parameter;
import java.util.List;

/**
 * Local steps and averaging: in each round the driver broadcasts the parameters and the optimizer
 * state, every partition's replica runs k steps of its compiled training step on its own shard,
 * and {@code treeAggregate} sums the parameters and optimizer states the replicas reached; the
 * driver divides them into their means and makes those its model and state. One round
 * communicates once for k·(partitions) batches. An epoch has as many rounds as the largest shard
 * needs to be visited once in batches of the batch size.
 */
final class AveragingEpochs implements EpochRunner {
  private final int localSteps;

  AveragingEpochs(int localSteps) {
    this.localSteps = localSteps;
  }

  @Override
  public int jobsPerEpoch(FitContext fit) {
    int b = fit.options().batchSize();
    int batches = (fit.data().largestShard() + b - 1) / b;
    return (batches + localSteps - 1) / localSteps;
  }

  @Override
  public EpochTotals run(FitContext fit, int epoch, double learningRate) {
    List<Parameter> parameters = fit.parameters();
    OptimizerState state = fit.driver().optimizerState();
    LocalSchedule schedule = new LocalSchedule(fit.options().batchSize(), localSteps,
        fit.options().shuffle(), fit.options().seed(), epoch, learningRate);
    double lossSum = 0;
    long samples = 0;
    for (int round = 0; round < jobsPerEpoch(fit); round++) {
      RoundStart start = new RoundStart(ParameterValues.of(parameters),
          StateArrays.of(state.snapshot()));
      int r = round;
      int job = fit.nextJob();
      ReplicaSum sum = fit.job(start, start.bytes(), shipped -> new AveragingTask(fit.spec(),
          shipped, schedule, r, job, fit.probe()), ReplicaSum.empty(), (x, y) -> x.merge(y));
      double roundLoss = sum.lossSum() / sum.samples();
      fit.requireFinite(roundLoss, epoch, round, learningRate);
      long applying = System.nanoTime();
      RoundStart mean = sum.meanInPlace();
      mean.parameters().copyInto(parameters);
      state.restoreInPlace(mean.state().snapshot(parameters));
      fit.timings().apply(System.nanoTime() - applying);
      lossSum += sum.lossSum();
      samples += sum.samples();
      fit.options().listener().onBatchEnd(epoch, round, roundLoss);
    }
    return new EpochTotals(lossSum, -1, samples);
  }
}
