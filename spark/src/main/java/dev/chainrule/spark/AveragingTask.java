package dev.chainrule.spark;

import dev.chainrule.nn.data.Batch;
import dev.chainrule.nn.data.Batches;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.train.Trainer;
import java.util.Arrays;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * One partition's round of local training, run by Spark on an executor: a replica starts from the
 * broadcast parameters and optimizer state and runs {@code localSteps} steps of its compiled
 * training step ({@link Trainer#step}) on batches of its own shard, then adds the parameters and
 * state it reached to the round's {@link ReplicaSum}. Each epoch visits the shard in an order
 * drawn from the seed, the epoch and the partition; round r takes the shard's batches r·k to
 * r·k + k − 1 of that order, wrapping around a shard that has fewer, so every replica runs the same
 * number of steps. It reads only its arguments, so a retried task computes the same.
 */
final class AveragingTask implements Function2<ReplicaSum, Shard, ReplicaSum> {
  private static final long serialVersionUID = 1L;
  private static final long PARTITION_MIX = 0x9E3779B97F4A7C15L;

  private final Broadcast<WorkerSpec> spec;
  private final Broadcast<RoundStart> start;
  private final LocalSchedule schedule;
  private final int round;
  private final int job;
  private final TaskProbe probe;

  /** Creates the task of round {@code round} of an epoch, job {@code job} of the fit. */
  AveragingTask(Broadcast<WorkerSpec> spec, Broadcast<RoundStart> start, LocalSchedule schedule,
      int round, int job, TaskProbe probe) {
    this.spec = spec;
    this.start = start;
    this.schedule = schedule;
    this.round = round;
    this.job = job;
    this.probe = probe;
  }

  @Override
  public ReplicaSum call(ReplicaSum sum, Shard shard) {
    probe.beforeTask(job, shard.partition());
    Dataset data = shard.data();
    if (data.size() == 0) {
      return sum;
    }
    long began = System.nanoTime();
    return Replicas.with(spec.value(), replica -> {
      RoundStart from = start.value();
      replica.loadParameters(from.parameters());
      replica.trainer().optimizerState().restoreInPlace(from.state().snapshot(
          replica.model().parameters()));
      int[] order = schedule.shuffle()
          ? Batches.shuffledOrder(data.size(), schedule.seed() ^ PARTITION_MIX
              * (shard.partition() + 1L), schedule.epoch())
          : identity(data.size());
      int b = schedule.batchSize();
      int batches = (data.size() + b - 1) / b;
      double lossSum = 0;
      long samples = 0;
      for (int i = 0; i < schedule.localSteps(); i++) {
        int at = (int) (((long) round * schedule.localSteps() + i) % batches) * b;
        Batch batch = Batch.of(data, Arrays.copyOfRange(order, at, Math.min(at + b,
            data.size())));
        lossSum += replica.trainer().step(batch, schedule.learningRate()) * batch.size();
        samples += batch.size();
      }
      return sum.add(replica.parameterValues(), StateArrays.of(replica.trainer()
          .optimizerState().snapshot()), lossSum, samples, System.nanoTime() - began);
    });
  }

  private static int[] identity(int n) {
    int[] order = new int[n];
    Arrays.setAll(order, i -> i);
    return order;
  }
}
