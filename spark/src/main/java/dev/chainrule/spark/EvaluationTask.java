package dev.chainrule.spark;

import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * One partition's evaluation, run by Spark on an executor: a replica of the shipped model (with
 * the parameters it had when shipped) evaluates the partition's samples with nn's {@code
 * Trainer.evaluate}, and the cost and correct predictions are added to the sum.
 */
final class EvaluationTask implements Function2<EvaluationSum, Shard, EvaluationSum> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<WorkerSpec> spec;

  EvaluationTask(Broadcast<WorkerSpec> spec) {
    this.spec = spec;
  }

  @Override
  public EvaluationSum call(EvaluationSum sum, Shard shard) {
    if (shard.size() == 0) {
      return sum;
    }
    return Replicas.with(spec.value(), replica -> sum.add(replica.trainer().evaluate(
        shard.data())));
  }
}
