package dev.chainrule.examples.bench;

import dev.chainrule.core.exec.ExecOptions;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.train.Sgd;
import dev.chainrule.core.exec.train.TrainingStep;
import dev.chainrule.core.tensor.DType;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The heap a parameter takes, in float64 and in float32, measured in this JVM: the heap in use
 * after a full collection ({@code System.gc()}, read through the {@code MemoryMXBean}) before and
 * after building eight copies of W2's network ({@link MlpNetwork}, batch 64), and again after
 * compiling each copy's SGD {@link TrainingStep} and running it once on one batch, so that its
 * buffers exist. Row {@code heap-model} is the graphs with their parameters, {@code heap-step}
 * those plus the compiled steps, each in bytes per parameter; the batch's tensors are made before
 * the first reading and are not counted. A float32 row also gives the float64 figure of the same
 * run and the ratio.
 */
final class HeapWorkload {
  /** Copies measured together, so that a few kilobytes of noise weigh little per parameter. */
  static final int COPIES = 8;
  private static final int BATCH = 64;

  private HeapWorkload() {}

  /** Returns the four rows: heap-model and heap-step in float64, then in float32. */
  static List<BenchRow> measure(int threads, ExecOptions options) {
    Map<String, Double> float64 = perParameter(DType.FLOAT64, options);
    Map<String, Double> float32 = perParameter(DType.FLOAT32, options);
    List<BenchRow> rows = new ArrayList<>();
    for (String what : float64.keySet()) {
      rows.add(new BenchRow(what, threads, float64.get(what), "B/param",
          details(DType.FLOAT64)));
    }
    for (String what : float32.keySet()) {
      Map<String, Object> details = details(DType.FLOAT32);
      details.put("float64_bytes_per_parameter", float64.get(what));
      details.put("over_float64", float32.get(what) / float64.get(what));
      rows.add(new BenchRow(what, threads, float32.get(what), "B/param", details));
    }
    return rows;
  }

  private static Map<String, Object> details(DType dtype) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("dtype", dtype.toString());
    details.put("parameters", MlpNetwork.PARAMETERS);
    details.put("copies", COPIES);
    return details;
  }

  /**
   * Returns the retained bytes per parameter of {@link #COPIES} networks in {@code dtype} (key
   * {@code heap-model}) and of the networks with their compiled and once-run steps ({@code
   * heap-step}).
   */
  static Map<String, Double> perParameter(DType dtype, ExecOptions options) {
    Random r = new Random(1);
    List<MlpNetwork> nets = new ArrayList<>();
    List<TrainingStep> steps = new ArrayList<>();
    MlpNetwork first = MlpNetwork.build(BATCH, dtype, r);
    Feeds batch = first.randomBatch(r);
    long before = usedAfterCollection();
    for (int i = 0; i < COPIES; i++) {
      nets.add(MlpNetwork.build(BATCH, dtype, r));
    }
    long model = usedAfterCollection();
    for (MlpNetwork net : nets) {
      TrainingStep step = TrainingStep.builder(net.loss()).parameters(net.parameters())
          .optimizer(new Sgd(MlpWorkload.LEARNING_RATE)).options(options).build();
      step.run(Feeds.of(net.x(), batch.get(first.x()), net.y(), batch.get(first.y())));
      steps.add(step);
    }
    long step = usedAfterCollection();
    Reference.reachabilityFence(nets);
    Reference.reachabilityFence(steps);
    double parameters = (double) COPIES * MlpNetwork.PARAMETERS;
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("heap-model", (model - before) / parameters);
    out.put("heap-step", (step - before) / parameters);
    return out;
  }

  /**
   * Returns the heap in use after full collections: the least of three readings, each right after
   * {@code System.gc()}.
   *
   * @throws IllegalStateException when no collector ran (e.g. -XX:+DisableExplicitGC), since the
   *     reading would then count garbage
   */
  static long usedAfterCollection() {
    long collections = collections();
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    if (collections() == collections) {
      throw new IllegalStateException("System.gc() ran no collection, so the heap in use would "
          + "count garbage; run the bench without -XX:+DisableExplicitGC");
    }
    return least;
  }

  private static long collections() {
    long n = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      n += Math.max(0, gc.getCollectionCount());
    }
    return n;
  }
}
