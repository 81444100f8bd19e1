package dev.chainrule.core.exec;

import com.google.common.collect.MapMaker;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.GraphMismatchException;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.tensor.Finiteness;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * A set of target nodes compiled once into a straight-line schedule and run many times: the
 * training loop's path. Compiling selects the targets' ancestors, folds transposes into matrix
 * products, fuses connected elementwise operations of one shape into single loops, prepares each
 * remaining operation's kernel for its fixed shapes, and lays the computed values out in buffers
 * that values whose last reader has run hand on to later ones (see {@link ExecOptions}). Running
 * binds the feeds and executes the steps into buffers allocated on a thread's first run and reused
 * afterwards, so repeated runs with the same shapes allocate nothing. A plan is immutable and may
 * be run from several threads at once: each thread gets its own buffers and kernels.
 *
 * <p>Only the targets' values (and the inputs, parameters and constants) are kept: the values of
 * other nodes live in loop registers or in buffers later values reuse.
 */
public final class Plan {
  private final Program program;
  /** Each thread's workspace, held by the plan (not by the thread) and dropped with either. */
  private final ConcurrentMap<Thread, Workspace> workspaces =
      new MapMaker().weakKeys().makeMap();
  /** The workspace used last, checked first: a plan is usually run by one thread. */
  private volatile Workspace latest;
  private final Accumulations accumulations;
  private final boolean checksAnomalies;
  private volatile Plan anomalyTwin;

  private Plan(Program program, Accumulations accumulations, boolean checksAnomalies) {
    this.program = program;
    this.accumulations = accumulations;
    this.checksAnomalies = checksAnomalies;
  }

  /** Compiles a plan that computes {@code targets}; they must all belong to one graph. */
  public static Plan compile(List<Node> targets) {
    return compile(targets, ExecOptions.defaults());
  }

  /** Compiles a plan for the given targets. */
  public static Plan compile(Node... targets) {
    return compile(List.of(targets));
  }

  /** Compiles a plan that computes {@code targets} with the given optimisations. */
  public static Plan compile(List<Node> targets, ExecOptions options) {
    return new Plan(Compiler.compile(targets, options, null), null, false);
  }

  /**
   * Compiles a plan that computes {@code targets} and, at the end of each run, adds to parameters
   * in place as {@code accumulations} say, with the scale given to {@link #run(Feeds, double)}.
   */
  public static Plan compile(List<Node> targets, Accumulations accumulations,
      ExecOptions options) {
    return new Plan(Compiler.compile(targets, options, accumulations), accumulations, false);
  }

  /** Returns the targets this plan computes. */
  public List<Node> targets() {
    return program.targets;
  }

  /** Returns the nodes the plan evaluates, in topological order (leaves included). */
  public List<Node> schedule() {
    return program.schedule;
  }

  /** Returns the inputs the plan needs fed (or holding values). */
  public List<Node> inputs() {
    List<Node> in = new ArrayList<>();
    for (int s : program.inputSlots) {
      in.add(program.slotNodes[s]);
    }
    return in;
  }

  /**
   * Returns this thread's workspace, made on its first run. Plans are not kept in a {@link
   * ThreadLocal}: a thread's map of those holds its values strongly, so a program that compiles a
   * plan per step would keep every plan it ever ran, and its graph, alive.
   */
  private Workspace workspace() {
    Thread thread = Thread.currentThread();
    Workspace ws = latest;
    if (ws == null || ws.owner() != thread) {
      ws = workspaces.computeIfAbsent(thread, t -> new Workspace(program, t));
      latest = ws;
    }
    return ws;
  }

  /**
   * Runs the plan with {@code feeds} and returns the results, whose tensors stay valid until this
   * thread runs the plan again (the same results object is returned by every run on a thread).
   *
   * @throws FeedException for a missing input, a value of the wrong shape or with NaN/infinity,
   *     or a fed node that is not an input this plan uses
   * @throws AnomalyException in {@link Anomaly} mode, at the first operation whose value is not
   *     finite
   * @throws IllegalStateException when the plan has {@link Accumulations}, whose scale {@link
   *     #run(Feeds, double)} takes
   */
  public Results run(Feeds feeds) {
    requireNoAccumulations();
    return run(feeds, 0.0);
  }

  /**
   * Runs the plan as {@link #run(Feeds)} does, then adds {@code scale} times each increment to its
   * parameter, in place (see {@link Accumulations}).
   *
   * @throws FeedException as {@link #run(Feeds)} does
   * @throws AnomalyException as {@link #run(Feeds)} does
   */
  public Results run(Feeds feeds, double scale) {
    if (Anomaly.isEnabled() && !checksAnomalies) {
      return anomalyTwin().run(feeds, scale);
    }
    Workspace ws = workspace();
    bindInputs(feeds, ws.values);
    ws.scale = scale;
    ws.accumulating = true;
    for (Step step : ws.steps) {
      step.run(ws);
    }
    if (checksAnomalies) {
      firstNonFinite(ws.values);
    }
    return ws.results;
  }

  /**
   * Runs the plan {@code runs} times with {@code feeds}, timing the binding of the feeds and each
   * step of {@link #explain()}, and returns where the time went. Warm the plan up first (run it
   * for a few seconds), so that the profile measures the code the JIT has compiled. In {@link
   * Anomaly} mode it profiles the checking plan that mode runs.
   *
   * @throws IllegalArgumentException if {@code runs} is less than 1
   * @throws FeedException as {@link #run} does
   */
  public PlanProfile profile(Feeds feeds, int runs) {
    requireNoAccumulations();
    return profile(feeds, 0.0, runs);
  }

  /**
   * Profiles the plan as {@link #profile(Feeds, int)} does, each run adding {@code scale} times
   * the increments to the parameters as {@link #run(Feeds, double)} does.
   *
   * @throws IllegalArgumentException if {@code runs} is less than 1
   * @throws FeedException as {@link #run} does
   */
  public PlanProfile profile(Feeds feeds, double scale, int runs) {
    if (runs < 1) {
      throw new IllegalArgumentException("a profile needs at least 1 run, got " + runs);
    }
    if (Anomaly.isEnabled() && !checksAnomalies) {
      return anomalyTwin().profile(feeds, scale, runs);
    }
    Workspace ws = workspace();
    int steps = ws.steps.length;
    long[] nanos = new long[steps + (checksAnomalies ? 2 : 1)];
    for (int r = 0; r < runs; r++) {
      long start = System.nanoTime();
      bindInputs(feeds, ws.values);
      ws.scale = scale;
      ws.accumulating = true;
      long before = System.nanoTime();
      nanos[0] += before - start;
      for (int i = 0; i < steps; i++) {
        ws.steps[i].run(ws);
        long after = System.nanoTime();
        nanos[i + 1] += after - before;
        before = after;
      }
      if (checksAnomalies) {
        firstNonFinite(ws.values);
        nanos[steps + 1] += System.nanoTime() - before;
      }
    }
    List<String> names = new ArrayList<>();
    names.add(PlanProfile.FEEDS);
    for (StepSpec s : program.steps) {
      names.add(s.describe(v -> program.slotNodes[v].name()));
    }
    if (checksAnomalies) {
      names.add("anomaly checks");
    }
    return new PlanProfile(names, nanos, runs);
  }

  private void requireNoAccumulations() {
    if (accumulations != null) {
      throw new IllegalStateException("this plan adds to parameters " + names(
          accumulations.parameters()) + " in place at the end of each run; give the scale of "
          + "those additions: run(feeds, scale)");
    }
  }

  /**
   * Returns this plan compiled without optimisations, so that every operation has a value of its
   * own that anomaly mode can inspect (fused loops keep intermediates in registers).
   */
  private Plan anomalyTwin() {
    Plan twin = anomalyTwin;
    if (twin == null) {
      twin = new Plan(Compiler.compile(program.targets, ExecOptions.unoptimised(), accumulations),
          accumulations, true);
      anomalyTwin = twin;
    }
    return twin;
  }

  /**
   * Throws an {@link AnomalyException} for the first operation, in creation order, whose value
   * holds NaN or infinity; earlier values cannot depend on later ones, so it is the first to
   * have gone wrong.
   */
  private void firstNonFinite(Tensor[] values) {
    Node[] nodes = program.slotNodes;
    Integer[] order = new Integer[nodes.length];
    int[] slotOfId = new int[program.graph.size()];
    java.util.Arrays.fill(slotOfId, -1);
    for (int s = 0; s < nodes.length; s++) {
      order[s] = s;
      slotOfId[nodes[s].id()] = s;
    }
    java.util.Arrays.sort(order, java.util.Comparator.comparingInt(s -> nodes[s].id()));
    for (int s : order) {
      Node node = nodes[s];
      Tensor v = values[s];
      if (node.kind() != NodeKind.OPERATION || Finiteness.allFinite(v)) {
        continue;
      }
      List<Node> in = node.inputs();
      Tensor[] args = new Tensor[in.size()];
      for (int i = 0; i < args.length; i++) {
        args[i] = values[slotOfId[in.get(i).id()]];
      }
      AnomalyCheck.afterForward(node, args, values[s]);
    }
  }

  /** Returns true when {@code input} is one of the inputs this plan reads. */
  private boolean uses(Node input) {
    for (int s : program.inputSlots) {
      if (program.slotNodes[s] == input) {
        return true;
      }
    }
    return false;
  }

  private void bindInputs(Feeds feeds, Tensor[] values) {
    Node[] fed = feeds.nodes();
    for (Node n : fed) {
      if (n.graph() != program.graph) {
        throw new GraphMismatchException("fed node " + n.name() + " belongs to another graph than "
            + "the plan's targets " + names(program.targets));
      }
      if (n.kind() != NodeKind.INPUT) {
        String kind = n.kind().name().toLowerCase(Locale.ROOT);
        throw new FeedException(n.name() + " is " + (kind.startsWith("o") ? "an " : "a ") + kind
            + ", not an input; only inputs (graph.input(...)) are fed");
      }
      if (!uses(n)) {
        throw FeedChecks.unused(n, program.targets, inputs());
      }
    }
    for (int s : program.inputSlots) {
      Node in = program.slotNodes[s];
      Tensor v = fed.length == 0 ? null : feeds.get(in);
      if (v == null) {
        v = in.heldValue();
      }
      if (v == null) {
        throw FeedChecks.missing(in, program.targets);
      }
      FeedChecks.check(in, v, program.threads, fed.length != 0 && feeds.knownFinite(in));
      values[s] = v;
    }
  }

  private static String names(List<Node> nodes) {
    return nodes.stream().map(Node::name).collect(Collectors.joining(", "));
  }

  /**
   * Returns a one-line summary of the compiled schedule: nodes, steps, fused loops, fused updates
   * and the doubles of buffer space one thread uses.
   */
  @Override
  public String toString() {
    return "Plan[" + program.targets.size() + " targets, " + program.schedule.size()
        + " nodes, " + program.steps.length + " steps, " + program.fusedOperations
        + " operations fused into " + program.fusedLoops + " loops, "
        + (program.fusedUpdates > 0 ? program.fusedUpdates + " updates fused into GEMMs, " : "")
        + program.bufferLengths.length + " buffers of " + program.bufferElements()
        + (program.graph.dtype() == dev.chainrule.core.tensor.DType.FLOAT32
            ? " floats]" : " doubles]");
  }

  /**
   * Returns the compiled schedule, one step per line: each operation with its operands, each fused
   * loop with the values it writes and reads, each update; values are named as in the graph.
   */
  public String explain() {
    StringBuilder sb = new StringBuilder(toString()).append('\n');
    for (StepSpec s : program.steps) {
      sb.append("  ").append(s.describe(v -> program.slotNodes[v].name())).append('\n');
    }
    return sb.toString();
  }

  /** Returns the graph the plan runs. */
  Graph graph() {
    return program.graph;
  }

  /** Returns the compiled schedule (for tests in this package). */
  Program program() {
    return program;
  }
}
