package dev.chainrule.spark;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The training rows read into one {@link Shard} per partition, kept by Spark in memory (spilling
 * to disk) for the whole {@code fit}, with the global numbering of the samples: the partitions in
 * order, each partition's rows in order, which is the order a single-machine trainer would see the
 * same rows in. Reading checks every row ({@link RowReader}); a problem fails here, on the driver,
 * with the row named, before any training step.
 */
final class TrainingData {
  private final JavaRDD<Shard> shards;
  private final int[] starts;
  private final int size;
  private final int largest;

  private TrainingData(JavaRDD<Shard> shards, List<Integer> sizes) {
    this.shards = shards;
    this.starts = new int[sizes.size()];
    long total = 0;
    int max = 0;
    for (int p = 0; p < starts.length; p++) {
      starts[p] = (int) total;
      total += sizes.get(p);
      max = Math.max(max, sizes.get(p));
    }
    if (total > Integer.MAX_VALUE) {
      throw new SparkDataException("the data has " + total + " rows; chainrule numbers samples "
          + "with int, so train on at most " + Integer.MAX_VALUE);
    }
    this.size = (int) total;
    this.largest = max;
  }

  /**
   * Reads {@code rows} with {@code reader} into cached shards. The shards pass through a
   * one-to-one shuffle (shard p to partition p) so that the training jobs' tasks do not carry the
   * source's partition descriptions, which for rows parallelized from the driver hold the rows
   * themselves; and if an executor is lost, Spark rebuilds its shards from the source.
   */
  static TrainingData read(Dataset<Row> rows, RowReader reader) {
    int partitions = rows.javaRDD().getNumPartitions();
    JavaRDD<Shard> shards = shards(rows, reader)
        .mapToPair(s -> new Tuple2<>(s.partition(), s))
        .partitionBy(new HashPartitioner(partitions)).values()
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      List<Integer> sizes = SparkJobs.run(() -> shards.map(Shard::size).collect());
      return new TrainingData(shards, sizes);
    } catch (RuntimeException e) {
      shards.unpersist(false);
      throw e;
    }
  }

  /** Returns {@code rows} read with {@code reader}, one shard per partition, not cached. */
  static JavaRDD<Shard> shards(Dataset<Row> rows, RowReader reader) {
    String[] columns = reader.columns();
    Dataset<Row> selected = rows.selectExpr(quoted(columns));
    return selected.javaRDD().mapPartitionsWithIndex(
        (Integer p, Iterator<Row> it) -> List.of(reader.shard(p, it)).iterator(), true);
  }

  private static String[] quoted(String[] columns) {
    String[] q = new String[columns.length];
    for (int i = 0; i < q.length; i++) {
      q[i] = "`" + columns[i].replace("`", "``") + "`";
    }
    return q;
  }

  /** Returns the cached shards, one per partition. */
  JavaRDD<Shard> shards() {
    return shards;
  }

  /** Returns the global number of each partition's first sample. */
  int[] starts() {
    return starts.clone();
  }

  /** Returns the number of samples in all partitions. */
  int size() {
    return size;
  }

  /** Returns the number of partitions. */
  int partitions() {
    return starts.length;
  }

  /** Returns the number of samples in the largest partition. */
  int largestShard() {
    return largest;
  }

  /** Lets Spark drop the cached shards. */
  void release() {
    shards.unpersist(false);
  }
}
