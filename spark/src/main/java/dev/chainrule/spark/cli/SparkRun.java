package dev.chainrule.spark.cli;

import dev.chainrule.core.tensor.DType;
import com.google.gson.GsonBuilder;
import dev.chainrule.core.tensor.Gemm;
import dev.chainrule.nn.train.EpochStats;
import dev.chainrule.nn.train.Evaluation;
import dev.chainrule.nn.train.History;
import dev.chainrule.spark.SparkTimings;
import dev.chainrule.spark.TrainingMode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * What a Spark training run of the command line produced, and its two reports: a few lines for
 * people, one JSON object for scripts.
 *
 * @param spark the session it ran in
 * @param mode the training mode
 * @param partitions the partitions of the training data
 * @param history the epochs
 * @param test cost and accuracy on the test images
 * @param timings where the time went
 * @param trainSamples the images trained on
 * @param loadSeconds time to read and prepare the images
 * @param totalSeconds time of all epochs
 * @param saved the saved model file, or null
 */
record SparkRun(SparkSession spark, TrainingMode mode, int partitions, History history,
    Evaluation test, SparkTimings timings, int trainSamples, double loadSeconds,
    double totalSeconds, Path saved) {
  /** Prints the report for people. */
  void printReport(PrintStream out) {
    for (EpochStats e : history.epochs()) {
      out.printf(Locale.ROOT, "epoch %d: loss %.4f, %.1f s%n", e.epoch() + 1, e.trainLoss(),
          e.seconds());
    }
    out.printf(Locale.ROOT, "trained on %d images in %.1f s: %.2f s per epoch, %d Spark jobs, "
        + "%.1f ms each, of which %.1f ms Spark's own work%n", trainSamples, totalSeconds,
        history.secondsPerEpoch(), timings.jobs(), 1e3 * timings.jobSeconds() / timings.jobs(),
        1e3 * timings.overheadSeconds() / timings.jobs());
    out.printf(Locale.ROOT, "test accuracy %.4f, test loss %.4f on %d images%n", test.accuracy(),
        test.loss(), test.samples());
    if (saved != null) {
      out.println("model saved to " + saved + " (ModelFile.load reads it back)");
    }
  }

  /** Prints the JSON object for scripts, naming the model's {@code dtype}. */
  void printJson(PrintStream out, String optimizer, int batchSize, DType dtype) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("testAccuracy", test.accuracy());
    m.put("testLoss", test.loss());
    m.put("secondsPerEpoch", history.secondsPerEpoch());
    m.put("mode", mode.name());
    m.put("localSteps", mode.localSteps());
    m.put("partitions", partitions);
    m.put("master", spark.sparkContext().master());
    m.put("sparkVersion", spark.version());
    m.put("epochs", history.epochs().size());
    m.put("batchSize", batchSize);
    m.put("optimizer", optimizer);
    m.put("dtype", dtype.toString());
    m.put("trainSamples", trainSamples);
    m.put("testSamples", test.samples());
    m.put("loadSeconds", loadSeconds);
    m.put("totalSeconds", totalSeconds);
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("jobs", timings.jobs());
    t.put("jobSeconds", timings.jobSeconds());
    t.put("criticalPathSeconds", timings.criticalPathSeconds());
    t.put("overheadSeconds", timings.overheadSeconds());
    t.put("taskSeconds", timings.taskSeconds());
    t.put("broadcastSeconds", timings.broadcastSeconds());
    t.put("applySeconds", timings.applySeconds());
    t.put("broadcastBytes", timings.broadcastBytes());
    m.put("timings", t);
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("gemm", Gemm.backend());
    m.put("saved", saved == null ? null : saved.toString());
    List<Map<String, Object>> epochs = new ArrayList<>();
    for (EpochStats e : history.epochs()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("epoch", e.epoch() + 1);
      row.put("learningRate", e.learningRate());
      row.put("trainLoss", e.trainLoss());
      row.put("trainAccuracy", Double.isNaN(e.trainAccuracy()) ? null : e.trainAccuracy());
      row.put("seconds", e.seconds());
      epochs.add(row);
    }
    m.put("history", epochs);
    out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
        .create().toJson(m));
  }
}
