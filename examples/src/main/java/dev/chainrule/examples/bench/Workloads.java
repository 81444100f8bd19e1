package dev.chainrule.examples.bench;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.cli.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The workload names the bench accepts, which of them run in float32, and parsing of the
 * comma-separated option lists.
 */
final class Workloads {
  /** Every workload, in the order they run. */
  static final List<String> ALL = List.of("w1", "w2", "w3", "w4", "w5", "w6", "w7", "scaling",
      "heap");
  /** The workloads the Python references implement. */
  static final List<String> REFERENCED = List.of("w1", "w2", "w3", "w4", "w5", "w6", "w7");
  /**
   * The workloads that run in float32: the MLP's training step (W2, W3), the GEMM (W4) and the
   * heap a parameter takes, which measures both dtypes whichever is chosen.
   */
  static final List<String> FLOAT32 = List.of("w2", "w3", "w4", "heap");
  /** What runs by default in float64: every workload but the heap measurement. */
  static final List<String> FLOAT64_DEFAULT = List.of("w1", "w2", "w3", "w4", "w5", "w6", "w7",
      "scaling");
  /**
   * The workloads measured in two JVMs each: the compiled training step in one, the same network
   * through nn's {@code Trainer} (the row {@code <name>-trainer}) in a fresh one, so that neither
   * runs on code the JIT compiled, or a heap shaped, for the other.
   */
  private static final List<String> WITH_TRAINER = List.of("w2", "w3");
  /** What a Trainer row's name adds to its workload's: {@code w3-trainer}. */
  static final String TRAINER_SUFFIX = "-trainer";
  /** The referenced workloads NumPy has no version of: convolutions and forward mode. */
  private static final List<String> TORCH_ONLY = List.of("w6", "w7");

  private Workloads() {}

  /** Returns the reference frameworks that run {@code workload}: numpy and torch, or torch. */
  static List<String> references(String workload) {
    if (!REFERENCED.contains(workload)) {
      return List.of();
    }
    return TORCH_ONLY.contains(workload) ? List.of("torch") : List.of("numpy", "torch");
  }

  /**
   * Returns what {@code workload} runs as, one worker JVM each: W2 and W3 as their compiled step
   * and their {@code -trainer} row, any other workload as itself.
   */
  static List<String> processes(String workload) {
    return WITH_TRAINER.contains(workload) ? List.of(workload, trainerRow(workload))
        : List.of(workload);
  }

  /** Returns the name of the row that runs W2's or W3's network through nn's Trainer. */
  static String trainerRow(String workload) {
    return workload + TRAINER_SUFFIX;
  }

  /**
   * Returns the names a worker JVM accepts in {@code --workloads}: every workload and the
   * trainer rows it runs alone.
   */
  static List<String> workerNames() {
    List<String> names = new ArrayList<>(ALL);
    for (String w : WITH_TRAINER) {
      names.add(trainerRow(w));
    }
    return names;
  }

  /** Returns the workloads that run when {@code --workloads} is not given, for {@code dtype}. */
  static List<String> defaults(DType dtype) {
    return dtype == DType.FLOAT32 ? FLOAT32 : FLOAT64_DEFAULT;
  }

  /**
   * Returns the named workloads in run order ({@link #defaults} for a null list); throws a usage
   * error naming an unknown one, or one that has no version in {@code dtype}.
   */
  static List<String> parse(String list, DType dtype) {
    if (list == null) {
      return defaults(dtype);
    }
    List<String> wanted = new ArrayList<>();
    for (String w : list.split(",")) {
      String name = w.trim().toLowerCase(Locale.ROOT);
      if (!ALL.contains(name)) {
        throw new UsageException("unknown workload '" + w + "' in --workloads " + list
            + "; choose from " + String.join(",", ALL));
      }
      if (dtype == DType.FLOAT32 && !FLOAT32.contains(name)) {
        throw new UsageException("workload " + name + " in --workloads " + list + " runs in "
            + "float64 only; with --dtype float32 choose from " + String.join(",", FLOAT32));
      }
      wanted.add(name);
    }
    List<String> ordered = new ArrayList<>(ALL);
    ordered.retainAll(wanted);
    return ordered;
  }

  /**
   * Returns the names in a worker's {@code --workloads} list, as the parent wrote them; throws a
   * usage error naming one that {@link #workerNames()} does not hold.
   */
  static List<String> parseWorker(String list) {
    List<String> names = new ArrayList<>();
    for (String w : list.split(",")) {
      if (!workerNames().contains(w)) {
        throw new UsageException("unknown worker workload '" + w + "' in --workloads " + list
            + "; choose from " + String.join(",", workerNames()));
      }
      names.add(w);
    }
    return names;
  }

  /** Returns the thread counts of {@code list}; throws a usage error for anything but 1..64. */
  static List<Integer> threads(String list) {
    List<Integer> out = new ArrayList<>();
    for (String t : list.split(",")) {
      int n;
      try {
        n = Integer.parseInt(t.trim());
      } catch (NumberFormatException e) {
        n = -1;
      }
      if (n < 1 || n > 64) {
        throw new UsageException("thread count '" + t + "' in --threads " + list
            + " is not a whole number from 1 to 64");
      }
      if (!out.contains(n)) {
        out.add(n);
      }
    }
    return out;
  }
}
