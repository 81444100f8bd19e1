package dev.chainrule.examples.bench.jmh;

import dev.chainrule.core.tensor.Gemm;
import dev.chainrule.core.tensor.Rows;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Batches;
import java.util.Arrays;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Times the copy of one shuffled W3 batch — 1024 rows of 784 float64 features out of a dataset of
 * 8192 (51 MB, larger than the processor's caches) — by {@link Rows#gather} split over {@code
 * threads} threads, against the reference in the same run: the same gather on one thread. Each
 * call copies the next batch of a fresh shuffled order, as a trainer's epochs do.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseTransparentHugePages"})
public class RowGatherBenchmark extends JmhDefaults {
  private static final int ROWS = 8192;
  private static final int WIDTH = 784;
  private static final int BATCH = 1024;
  private static final int ORDERS = 16;

  /** The threads the gather may use: 1 is the reference. */
  @Param({"1", "2"})
  public int threads;

  private Tensor data;
  private Tensor batch;
  private int[][] batches;
  private int next;

  /** Fills the dataset, draws the shuffled batches and sets the thread count. */
  @Setup
  public void setUp() {
    Gemm.setThreads(threads);
    data = Tensor.zeros(ROWS, WIDTH);
    double[] d = data.buffer();
    Random r = new Random(1);
    for (int i = 0; i < d.length; i++) {
      d[i] = r.nextDouble();
    }
    batch = Tensor.zeros(BATCH, WIDTH);
    batches = new int[ORDERS * ROWS / BATCH][];
    for (int e = 0; e < ORDERS; e++) {
      int[] order = Batches.shuffledOrder(ROWS, 1, e);
      for (int b = 0; b < ROWS / BATCH; b++) {
        batches[e * ROWS / BATCH + b] = Arrays.copyOfRange(order, b * BATCH, (b + 1) * BATCH);
      }
    }
  }

  /** Copies the next shuffled batch and returns it so that the work cannot be optimised away. */
  @Benchmark
  public Tensor gather() {
    Rows.gather(data, batches[next], batch);
    next = (next + 1) % batches.length;
    return batch;
  }
}
