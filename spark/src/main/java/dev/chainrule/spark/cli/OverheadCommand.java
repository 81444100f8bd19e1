package dev.chainrule.spark.cli;

import com.google.gson.GsonBuilder;
import dev.chainrule.cli.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures what one training job costs Spark beyond its computation, piece by piece, with
 * payloads of a model's size: an empty job over the partitions (scheduling), broadcasting and
 * releasing the parameters, and a job whose every partition returns one gradient, summed by
 * {@code treeAggregate} (the aggregation). docs/spark.md sets these against the overhead a fit
 * measures.
 */
@Command(name = "overhead", mixinStandardHelpOptions = true,
    description = "Measure Spark's cost per training job: scheduling, broadcast, aggregation.")
public final class OverheadCommand implements Runnable {
  @Option(names = "--master", description = "Spark master URL (default: spark.master as "
      + "spark-submit sets it, else local[2]).")
  String master;

  @Option(names = "--partitions", description = "Partitions (default: Spark's default "
      + "parallelism).")
  Integer partitions;

  @Option(names = "--parameters", description = "Numbers per broadcast and per result "
      + "(default: ${DEFAULT-VALUE}, the 784-256-10 MLP's).")
  int parameters = 784 * 256 + 256 + 256 * 10 + 10;

  @Option(names = "--jobs", description = "Jobs per measurement (default: ${DEFAULT-VALUE}).")
  int jobs = 50;

  @Option(names = "--rounds", description = "Rounds of the three measurements, taken in turn; "
      + "the first warms up and is not reported (default: ${DEFAULT-VALUE}).")
  int rounds = 4;

  @Option(names = "--json", description = "Print one JSON object instead of the report.")
  boolean json;

  /** Measures and reports. */
  @Override
  public void run() {
    if (jobs < 1 || rounds < 2 || parameters < 1 || (partitions != null && partitions < 1)) {
      throw new UsageException("--jobs and --parameters must be at least 1 and --rounds at least "
          + "2, got " + jobs + ", " + parameters + " and " + rounds);
    }
    SparkSession spark = FashionMnistCommand.session(master, "chainrule overhead");
    try {
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      int parts = partitions != null ? partitions : jsc.defaultParallelism();
      List<Integer> ids = new ArrayList<>();
      for (int p = 0; p < parts; p++) {
        ids.add(p);
      }
      JavaRDD<Integer> rdd = jsc.parallelize(ids, parts).cache();
      rdd.count();
      double[] totals = new double[3];
      for (int r = 0; r < rounds; r++) {
        double[] round = {emptyJobs(rdd), broadcasts(jsc), aggregations(rdd)};
        for (int k = 0; r > 0 && k < 3; k++) {
          totals[k] += round[k] / (rounds - 1);
        }
      }
      report(spark, parts, totals);
    } finally {
      spark.stop();
    }
  }

  private double emptyJobs(JavaRDD<Integer> rdd) {
    long t = System.nanoTime();
    for (int i = 0; i < jobs; i++) {
      rdd.treeAggregate(0, (a, x) -> a + x, (a, b) -> a + b, 2);
    }
    return (System.nanoTime() - t) / 1e6 / jobs;
  }

  private double broadcasts(JavaSparkContext jsc) {
    long t = System.nanoTime();
    for (int i = 0; i < jobs; i++) {
      Broadcast<double[]> b = jsc.broadcast(new double[parameters]);
      b.destroy();
    }
    return (System.nanoTime() - t) / 1e6 / jobs;
  }

  private double aggregations(JavaRDD<Integer> rdd) {
    int n = parameters;
    long t = System.nanoTime();
    for (int i = 0; i < jobs; i++) {
      rdd.treeAggregate(new double[0], (sum, x) -> {
        double[] s = sum.length == 0 ? new double[n] : sum;
        for (int k = 0; k < n; k++) {
          s[k] += x;
        }
        return s;
      }, OverheadCommand::add, 2);
    }
    return (System.nanoTime() - t) / 1e6 / jobs;
  }

  /** Returns {@code a} + {@code b} (modifying {@code a}); an empty array is zero. */
  private static double[] add(double[] a, double[] b) {
    if (a.length == 0) {
      return b;
    }
    for (int k = 0; k < b.length; k++) {
      a[k] += b[k];
    }
    return a;
  }

  private void report(SparkSession spark, int parts, double[] ms) {
    String load = loadAverage();
    if (!json) {
      System.out.printf(Locale.ROOT, "Spark %s on %s, %d partitions, %d numbers (%.1f MB) per "
          + "broadcast and per result, load average %s:%n", spark.version(),
          spark.sparkContext().master(), parts, parameters, parameters * 8 / 1e6, load);
      System.out.printf(Locale.ROOT, "  empty job                   %8.1f ms%n", ms[0]);
      System.out.printf(Locale.ROOT, "  broadcast and release       %8.1f ms%n", ms[1]);
      System.out.printf(Locale.ROOT, "  job summing one result each %8.1f ms%n", ms[2]);
      return;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("master", spark.sparkContext().master());
    m.put("partitions", parts);
    m.put("parameters", parameters);
    m.put("emptyJobMillis", ms[0]);
    m.put("broadcastMillis", ms[1]);
    m.put("aggregationJobMillis", ms[2]);
    m.put("loadAverage", load);
    System.out.println(new GsonBuilder().setPrettyPrinting().create().toJson(m));
  }

  /** Returns the 1, 5 and 15 minute load averages, as {@code uptime} shows them. */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + ", " + f[1] + ", " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }
}
