package dev.chainrule.examples.bench;

import dev.chainrule.examples.cli.UsageException;
import java.util.ArrayList;
import java.util.List;

/** The workload names the bench accepts, and parsing of the comma-separated option lists. */
final class Workloads {
  /** Every workload, in the order they run. */
  static final List<String> ALL = List.of("w1", "w2", "w3", "w4", "w5", "w6", "w7", "scaling");
  /** The workloads the Python references implement. */
  static final List<String> REFERENCED = List.of("w1", "w2", "w3", "w4", "w5", "w6", "w7");
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

  /** Returns the named workloads in run order; throws a usage error naming an unknown one. */
  static List<String> parse(String list) {
    List<String> wanted = new ArrayList<>();
    for (String w : list.split(",")) {
      String name = w.trim().toLowerCase(java.util.Locale.ROOT);
      if (!ALL.contains(name)) {
        throw new UsageException("unknown workload '" + w + "' in --workloads " + list
            + "; choose from " + String.join(",", ALL));
      }
      wanted.add(name);
    }
    List<String> ordered = new ArrayList<>(ALL);
    ordered.retainAll(wanted);
    return ordered;
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
