package dev.chainrule.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Sequential;
import dev.chainrule.nn.train.FitOptions;
import dev.chainrule.nn.train.History;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * A task killed in the middle of an epoch (job 10: step 10 of 16 in the first epoch in synchronous
 * mode, round 4 of 6 in the second epoch in averaging mode) is run again by Spark (the tests'
 * master allows four attempts per task) and training ends where it would have without the failure:
 * every task reads only the broadcast parameters, its batch and its cached partition, so the second
 * attempt computes what the first would have.
 */
class TaskFailureTest {
  private static final int FAILING_JOB = 10;
  private static final int FAILING_PARTITION = 1;
  private static final AtomicInteger FAILURES = new AtomicInteger();
  private static final AtomicInteger RETRIES = new AtomicInteger();

  /** Fails the first attempt of one task, as a killed executor would, and counts the retry. */
  private static void failOnce(int job, int partition) {
    if (job != FAILING_JOB || partition != FAILING_PARTITION) {
      return;
    }
    if (TaskContext.get().attemptNumber() == 0) {
      FAILURES.incrementAndGet();
      throw new IllegalStateException("task of partition " + partition + " in job " + job
          + " killed on purpose");
    }
    RETRIES.incrementAndGet();
  }

  private static History train(Sequential net, TrainingMode mode, TaskProbe probe) {
    SparkTrainer spark = SparkTrainer.builder(net).loss(Loss::softmaxCrossEntropy)
        .optimizer(() -> SynchronousTrainingTest.optimizer("adam")).mode(mode).build();
    spark.probe(probe);
    org.apache.spark.sql.Dataset<Row> rows = LocalSpark.rows(
        dev.chainrule.nn.data.Generators.spirals(250, 3, 0.2, 11), 3, true);
    return spark.fit(rows, SynchronousTrainingTest.options());
  }

  @Test
  void aSynchronousStepKilledMidEpochIsRetriedAndChangesNothing() {
    assertRetriedWithoutEffect(TrainingMode.synchronous());
  }

  @Test
  void anAveragingRoundKilledMidEpochIsRetriedAndChangesNothing() {
    assertRetriedWithoutEffect(TrainingMode.averaging(1));
  }

  private static void assertRetriedWithoutEffect(TrainingMode mode) {
    Sequential undisturbed = SynchronousTrainingTest.net();
    History expected = train(undisturbed, mode, TaskProbe.NONE);
    FAILURES.set(0);
    RETRIES.set(0);
    Sequential disturbed = SynchronousTrainingTest.net();
    History actual = train(disturbed, mode, TaskFailureTest::failOnce);
    assertEquals(1, FAILURES.get(), "the first attempt failed");
    assertEquals(1, RETRIES.get(), "Spark ran the task again");
    SynchronousTrainingTest.assertParametersEqual(undisturbed, disturbed, 1e-12);
    for (int e = 0; e < expected.epochs().size(); e++) {
      assertEquals(expected.epochs().get(e).trainLoss(), actual.epochs().get(e).trainLoss(),
          1e-12);
    }
  }
}
