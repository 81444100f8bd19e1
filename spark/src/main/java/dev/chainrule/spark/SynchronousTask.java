package dev.chainrule.spark;

import dev.chainrule.core.exec.Results;
import dev.chainrule.core.exec.train.TrainingStep;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Batch;
import dev.chainrule.nn.train.Predictions;
import dev.chainrule.nn.train.Trainer;
import dev.chainrule.nn.train.TrainingGraph;
import java.util.Arrays;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * One partition's part of a synchronous step, run by Spark on an executor: of the global batch
 * (sample numbers in the global order) it takes the samples its shard holds, in batch order,
 * loads the broadcast parameters into a replica and runs the replica's compiled step forward and
 * backward without updating ({@link Trainer#computeGradients}). It adds the mean gradient of its
 * share, weighted by the share's part of the batch, to the step's {@link GradientSum}. It reads
 * only its arguments, so a retried task computes the same.
 */
final class SynchronousTask implements Function2<GradientSum, Shard, GradientSum> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<WorkerSpec> spec;
  private final Broadcast<ParameterValues> parameters;
  private final int[] batch;
  private final int[] starts;
  private final int job;
  private final TaskProbe probe;

  /**
   * Creates the task of step {@code job} over the global sample numbers {@code batch}; {@code
   * starts[p]} is the global number of partition p's first sample.
   */
  SynchronousTask(Broadcast<WorkerSpec> spec, Broadcast<ParameterValues> parameters, int[] batch,
      int[] starts, int job, TaskProbe probe) {
    this.spec = spec;
    this.parameters = parameters;
    this.batch = batch;
    this.starts = starts;
    this.job = job;
    this.probe = probe;
  }

  @Override
  public GradientSum call(GradientSum sum, Shard shard) {
    probe.beforeTask(job, shard.partition());
    int[] share = share(shard);
    if (share.length == 0) {
      return sum;
    }
    long start = System.nanoTime();
    return Replicas.with(spec.value(), replica -> {
      replica.loadParameters(parameters.value());
      Trainer trainer = replica.trainer();
      Batch b = Batch.of(shard.data(), share);
      Results r = trainer.computeGradients(b);
      TrainingGraph g = trainer.trainingGraph(b.size());
      TrainingStep step = trainer.trainingStep(b.size());
      Tensor[] gradients = new Tensor[step.gradients().size()];
      for (int i = 0; i < gradients.length; i++) {
        gradients[i] = r.get(step.gradients().get(i));
      }
      int right = Predictions.countCorrect(r.get(g.forward().logits()),
          replica.model().layout(), b.labels());
      return sum.add(replica.model().parameters(), gradients, (double) share.length
          / batch.length, r.scalar(g.loss()), right, share.length, System.nanoTime() - start);
    });
  }

  /** Returns the positions in the shard of the batch's samples it holds, in batch order. */
  private int[] share(Shard shard) {
    int from = starts[shard.partition()];
    int to = from + shard.size();
    int[] local = new int[batch.length];
    int n = 0;
    for (int g : batch) {
      if (g >= from && g < to) {
        local[n++] = g - from;
      }
    }
    return Arrays.copyOf(local, n);
  }
}
