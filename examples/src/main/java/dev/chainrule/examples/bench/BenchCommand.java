package dev.chainrule.examples.bench;

import com.google.gson.Gson;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Gemm;
import dev.chainrule.examples.bench.ReferenceRunner.Outcome;
import dev.chainrule.cli.DTypeOption;
import dev.chainrule.examples.cli.Json;
import dev.chainrule.cli.UsageException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The end-to-end benchmark: chainrule's workloads (W1 seed 001's training step, W2/W3 an MLP at
 * batch 64 and 1024 as one compiled training step and through nn's Trainer, W4 a 1024³ GEMM, W5
 * a Horner chain, W6 the cnn example's training step at batch 64, W7 what a JVP and a
 * Hessian-vector product cost against the forward pass and the gradient, and the scaling series),
 * and the same workloads in NumPy and PyTorch when the Python interpreter has them (W6 and W7 in
 * PyTorch only), and the ratios. With {@code --dtype float32}, W2, W3 and W4 run in float32 in
 * every framework, and the heap rows give the bytes a parameter takes in float32 and float64. Each
 * workload runs in each framework right after
 * the other two, in several rounds whose median is reported ({@link Rounds}), so that a ratio
 * compares figures taken close together on a machine whose speed may change; chainrule runs in a
 * JVM per workload, thread count and round, so that the native BLAS's thread count can be set.
 * W2's compiled step and its Trainer row (likewise W3's) run in two JVMs timed in turn, one run of
 * each at a time ({@link Alternation}), and the Trainer row carries the median share of the
 * compiled step's speed it keeps over those pairs ({@link TrainerShare}).
 */
@Command(name = "bench", description = "Benchmarks chainrule against NumPy and PyTorch "
    + "(float64, or float32 with --dtype): W1 seed 001 training, W2/W3 an MLP, W4 GEMM, W5 a "
    + "scalar chain, W6 a CNN, W7 forward mode's cost, scaling, heap per parameter.")
public final class BenchCommand implements Runnable {
  /** Pairs of runs per repetition when the compiled step and its Trainer row run in turn. */
  static final int PAIRS_PER_REP = 3;

  @Option(names = "--json", description = "Print one JSON object instead of the table.")
  boolean json;

  @Option(names = "--workloads",
      description = "Comma-separated workloads, any of w1 w2 w3 w4 w5 w6 w7 scaling heap; with "
          + "--dtype float32 any of w2 w3 w4 heap (default: all of them but heap in float64, all "
          + "four in float32).")
  String workloads;

  @Mixin
  DTypeOption dtype = new DTypeOption();

  @Option(names = "--threads", defaultValue = "1,2",
      description = "Comma-separated thread counts (default: 1,2).")
  String threads;

  @Option(names = "--reps", defaultValue = "3",
      description = "Measured repetitions per workload and round; their median is the round's "
          + "figure (default: 3).")
  int reps;

  @Option(names = "--rounds", defaultValue = "3",
      description = "Rounds: each workload runs in every framework once per round, one after the "
          + "other; the median round is reported (default: 3).")
  int rounds;

  @Option(names = "--python", defaultValue = "/usr/bin/python3",
      description = "The Python interpreter for the NumPy and PyTorch references.")
  String python;

  @Option(names = "--profile",
      description = "Also time each step of the W2, W3 and W6 training steps and print the "
          + "profile.")
  boolean profile;

  @Option(names = "--no-references", description = "Skip the NumPy and PyTorch references.")
  boolean noReferences;

  @Option(names = "--worker", hidden = true,
      description = "Run chainrule's workloads in this JVM at one thread count; print JSON.")
  boolean worker;

  @Option(names = "--serve", hidden = true,
      description = "With --worker: warm the one workload up, then run it once per line 'run' "
          + "on standard input, until 'end'.")
  boolean serve;

  /** Runs the benchmark and prints the table or the JSON object. */
  @Override
  public void run() {
    if (reps < 1) {
      throw new UsageException("--reps must be at least 1, got " + reps);
    }
    if (rounds < 1) {
      throw new UsageException("--rounds must be at least 1, got " + rounds);
    }
    DType type = dtype.dtype();
    List<Integer> counts = Workloads.threads(threads);
    if (worker) {
      List<String> names = Workloads.parseWorker(workloads);
      runWorker(names, counts.get(0), type);
      return;
    }
    List<String> names = Workloads.parse(workloads, type);
    String loadBefore = Machine.loadAverage();
    List<BenchRow> ours = new ArrayList<>();
    List<Outcome> refs = new ArrayList<>();
    String backend = null;
    ReferenceRunner runner = new ReferenceRunner(python);
    for (int t : counts) {
      for (String w : names) {
        List<String> frameworks = noReferences ? List.of() : Workloads.references(w);
        int n = Workloads.REFERENCED.contains(w) ? rounds : 1;
        List<BenchRow> oursRounds = new ArrayList<>();
        Map<String, List<Outcome>> refRounds = new LinkedHashMap<>();
        for (int r = 1; r <= n; r++) {
          String round = n == 1 ? "" : ", round " + r + "/" + n;
          List<String> parts = Workloads.processes(w);
          if (parts.size() == 2) {
            progress("chainrule " + parts.get(0) + " and " + parts.get(1) + " in turn, "
                + threadCount(t) + round);
            Alternation.Outcome o = alternate(parts, t, type);
            backend = o.gemm();
            oursRounds.add(o.first());
            oursRounds.add(withPairs(o.second(), o.ratios()));
          } else {
            progress("chainrule " + w + ", " + threadCount(t) + round);
            Map<?, ?> child = spawnWorker(List.of(w), t, type);
            backend = String.valueOf(child.get("gemm"));
            oursRounds.addAll(Processes.rows(child));
          }
          for (String framework : frameworks) {
            progress(framework + " " + w + ", " + threadCount(t) + round);
            refRounds.computeIfAbsent(framework, k -> new ArrayList<>())
                .add(runner.run(framework, List.of(w), t, reps, type));
          }
        }
        ours.addAll(TrainerShare.added(Rounds.median(oursRounds), oursRounds));
        for (List<Outcome> o : refRounds.values()) {
          refs.add(Rounds.medianOutcome(o));
        }
      }
    }
    Map<String, Object> machine = Machine.describe();
    machine.put("load_average_before", loadBefore);
    machine.put("gemm", backend);
    machine.put("reps", reps);
    machine.put("rounds", rounds);
    machine.put("dtype", type.toString());
    machine.put("huge_pages", HugePages.describe(jvmOptions(), HugePages.mode()));
    if (json) {
      Json.print(BenchReport.json(ours, refs, machine), System.out);
    } else {
      BenchReport.print(ours, refs, machine, System.out);
    }
  }

  private void runWorker(List<String> names, int t, DType type) {
    List<BenchRow> rows;
    if (serve) {
      if (names.size() != 1) {
        throw new UsageException("--serve runs one workload, got --workloads " + workloads);
      }
      try {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
            StandardCharsets.UTF_8));
        rows = List.of(ServedWorker.serve(ChainruleRunner.repetition(names.get(0), t, profile,
            type), Timing.WARM_UP_NANOS, in, System.out));
      } catch (IOException e) {
        throw new UncheckedIOException("the bench worker lost its parent", e);
      }
    } else {
      rows = ChainruleRunner.run(names, t, reps, profile, type);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    List<Object> results = new ArrayList<>();
    for (BenchRow r : rows) {
      results.add(r.asJson());
    }
    m.put("results", results);
    m.put("gemm", Gemm.backend());
    Json.print(m, System.out);
  }

  /**
   * Times the compiled step and the Trainer row of one MLP in turn, each in its own worker
   * ({@link Alternation}): {@value #PAIRS_PER_REP} pairs per repetition, since a pair's ratio
   * scatters by ±6 % on a shared machine and the row's figure is their median.
   */
  private Alternation.Outcome alternate(List<String> parts, int t, DType type) {
    try {
      return Alternation.run(workerProcess(List.of(parts.get(0)), t, type, true),
          workerProcess(List.of(parts.get(1)), t, type, true), PAIRS_PER_REP * reps);
    } catch (IOException e) {
      throw new IllegalStateException("could not run the chainrule bench workers: "
          + e.getMessage(), e);
    }
  }

  /** Returns the Trainer row carrying each pair's share of the compiled step's speed. */
  private static BenchRow withPairs(BenchRow trainer, List<Double> ratios) {
    Map<String, Object> details = new LinkedHashMap<>(trainer.details());
    details.put(TrainerShare.PAIRS, ratios);
    return new BenchRow(trainer.workload(), trainer.threads(), trainer.value(), trainer.unit(),
        details);
  }

  /**
   * Runs chainrule's workloads at {@code t} threads in {@code type} in a child JVM and returns its
   * JSON.
   */
  private Map<?, ?> spawnWorker(List<String> names, int t, DType type) {
    try {
      return new Gson().fromJson(Processes.run(workerProcess(names, t, type, false),
          "the chainrule bench worker"), Map.class);
    } catch (IOException e) {
      throw new IllegalStateException("could not start the chainrule bench worker: "
          + e.getMessage(), e);
    }
  }

  /**
   * Returns the command of a worker JVM that runs {@code names} at {@code t} threads, with this
   * JVM's -D and -X options and {@link HugePages#options}; with {@code served}, one that runs its
   * workload on request.
   */
  private ProcessBuilder workerProcess(List<String> names, int t, DType type, boolean served) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    List<String> inherited = jvmOptions();
    cmd.addAll(inherited);
    cmd.addAll(HugePages.options(inherited, HugePages.mode()));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchWorker.class.getName(),
        "--worker", "--json", "--threads", String.valueOf(t), "--reps",
        String.valueOf(reps), "--workloads", String.join(",", names), "--dtype",
        type.toString()));
    if (profile) {
      cmd.add("--profile");
    }
    if (served) {
      cmd.add("--serve");
    }
    ProcessBuilder pb = new ProcessBuilder(cmd);
    Processes.limitThreads(pb, t);
    return pb;
  }

  /** Returns this JVM's -D and -X options, which its worker JVMs are started with. */
  private static List<String> jvmOptions() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(arg -> arg.startsWith("-D") || arg.startsWith("-X")).toList();
  }

  private static String threadCount(int t) {
    return t + " thread" + (t == 1 ? "" : "s");
  }

  private static void progress(String what) {
    System.err.println("bench: " + what + " (load " + Machine.loadAverage() + ")");
  }
}
