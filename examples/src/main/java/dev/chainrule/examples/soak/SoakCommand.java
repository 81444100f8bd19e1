package dev.chainrule.examples.soak;

import dev.chainrule.cli.Flags;
import dev.chainrule.examples.cli.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code soak} subcommand: {@link SoakRun} two (or more) times with the same seed, reporting
 * each run's heap measurements and slope, and whether the runs ended bit-identical; exits 1 when
 * they did not.
 */
@Command(name = "soak", description = "Long run: 10^6 XOR training steps, heap after GC measured "
    + "along the way, repeated with the same seed to check the results are identical.")
public final class SoakCommand implements Runnable {
  @Option(names = "--steps", description = "Training steps per run (default: ${DEFAULT-VALUE}).")
  long steps = 1_000_000;

  @Option(names = "--seed", description = "Seed of weights and sample order "
      + "(default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--samples", description = "Heap measurements per run after the first "
      + "(default: ${DEFAULT-VALUE}).")
  int samples = 10;

  @Option(names = "--runs", description = "Runs with the same seed (default: ${DEFAULT-VALUE}).")
  int runs = 2;

  @Option(names = "--json", description = "Print one JSON object instead of the report.")
  boolean json;

  /** Runs, reports, and fails when the runs differ. */
  @Override
  public void run() {
    Flags.atLeast("--steps", steps, 1);
    Flags.atLeast("--samples", samples, 1);
    Flags.atLeast("--runs", runs, 1);
    List<SoakRun> done = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      SoakRun r = SoakRun.compute(steps, seed, samples);
      done.add(r);
      if (!json) {
        report(i + 1, r);
      }
    }
    boolean identical = done.stream().allMatch(r -> r.sameParameters(done.get(0)));
    if (json) {
      Json.print(asJson(done, identical), System.out);
    } else {
      System.out.println(runs + " runs with seed " + seed + ": "
          + (identical ? "bit-identical parameters" : "DIFFERENT parameters"));
    }
    if (!identical) {
      throw new IllegalStateException("runs with the same seed " + seed + " ended with different "
          + "parameters: " + done.stream().map(SoakRun::fingerprint).toList());
    }
  }

  private static void report(int index, SoakRun r) {
    System.out.printf(Locale.ROOT, "run %d: %,d steps in %.1f s (%.2f µs per step), E_total = "
        + "%.3e, outputs %s, parameters %s%n", index, r.steps(), r.seconds(),
        r.seconds() * 1e6 / r.steps(), r.error(), outputs(r), r.fingerprint());
    StringBuilder sb = new StringBuilder("  heap after GC (MiB):");
    for (HeapSample s : r.heap()) {
      sb.append(String.format(Locale.ROOT, " %,d:%.2f", s.step(), s.bytes() / 1048576.0));
    }
    System.out.println(sb);
    long change = r.heap().get(r.heap().size() - 1).bytes() - r.heap().get(0).bytes();
    System.out.printf(Locale.ROOT, "  slope %.1f KiB per 10^6 steps (least squares over %d "
        + "measurements); last minus first %+,d bytes%n", r.slopePerMillionSteps() / 1024,
        r.heap().size(), change);
  }

  private static String outputs(SoakRun r) {
    StringBuilder sb = new StringBuilder("(");
    for (double o : r.outputs()) {
      sb.append(sb.length() > 1 ? ", " : "").append(String.format(Locale.ROOT, "%.4f", o));
    }
    return sb.append(')').toString();
  }

  private Map<String, Object> asJson(List<SoakRun> done, boolean identical) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("steps", steps);
    m.put("seed", seed);
    m.put("identical", identical);
    List<Map<String, Object>> list = new ArrayList<>();
    for (SoakRun r : done) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("seconds", r.seconds());
      one.put("error", r.error());
      one.put("outputs", r.outputs());
      one.put("fingerprint", r.fingerprint());
      one.put("heapSlopeBytesPerMillionSteps", r.slopePerMillionSteps());
      one.put("heap", r.heap());
      list.add(one);
    }
    m.put("runs", list);
    return m;
  }
}
