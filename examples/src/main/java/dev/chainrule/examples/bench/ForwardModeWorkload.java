package dev.chainrule.examples.bench;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.ExecOptions;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.examples.cnn.CnnRun;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.optim.Adam;
import dev.chainrule.nn.train.Trainer;
import dev.chainrule.nn.train.TrainingGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * W7, what forward mode costs: for a model's loss L and parameters w, five compiled plans on one
 * batch — the forward pass (L); the JVP (L and its tangent when every parameter moves along a
 * random direction v); the gradient (L and ∇L); the Hessian-vector product forward over reverse
 * (L, ∇L and the tangent of ∇L along v, {@code Autodiff.jvp(∇L, w, v)}); and reverse over reverse
 * (L, ∇L and the gradient of Σ⟨∇L, v⟩). They run interleaved in one JVM, and the figures are the
 * JVP's time over the forward pass's (target at most 3×) and each HVP's over the gradient's (at
 * most 5×), the median of the repetitions' ratios, by the wall clock and, at one thread, by CPU
 * time. Models: W2's and W3's MLP (784-256-10, batch
 * 64 and 1024) and W6's CNN at batch 16.
 */
final class ForwardModeWorkload {
  /** The prefix of W7's row names, which the report lists apart from the other workloads. */
  static final String PREFIX = "w7-";

  /**
   * One of the five plans: its row name's suffix, the stage its time is divided by (null for the
   * forward pass) and the most that ratio may be (NaN when there is no target).
   */
  record Stage(String suffix, String over, double target) {}

  /** The five plans, in the order they run. */
  static final List<Stage> STAGES = List.of(new Stage("forward", null, Double.NaN),
      new Stage("jvp", "forward", 3), new Stage("grad", "forward", Double.NaN),
      new Stage("hvp", "grad", 5), new Stage("hvp-rr", "grad", 5));

  /**
   * A model to differentiate.
   *
   * @param name its name in the rows, e.g. {@code mlp64}
   * @param loss its scalar loss
   * @param parameters the parameters the derivatives are taken with respect to
   * @param feeds one batch
   */
  record Model(String name, Node loss, List<Node> parameters, Feeds feeds) {}

  private final Model model;
  private final List<Node> tangents = new ArrayList<>();
  private final Node jvp;
  private final List<Node> gradient;
  private final List<Node> hvp;
  private final List<Node> hvpReverse;
  private final Map<String, Plan> plans = new LinkedHashMap<>();

  private ForwardModeWorkload(Model model, ExecOptions options) {
    this.model = model;
    Node loss = model.loss();
    List<Node> w = model.parameters();
    Graph g = loss.graph();
    Random r = new Random(2);
    for (Node p : w) {
      tangents.add(g.parameter("v" + p.name(), uniform(r, p.shape().dims())));
    }
    jvp = Autodiff.jvp(List.of(loss), w, tangents).get(0);
    gradient = Autodiff.gradients(loss, w).list();
    hvp = Autodiff.jvp(gradient, w, tangents);
    Node inner = null;
    for (int i = 0; i < w.size(); i++) {
      Node part = gradient.get(i).mul(tangents.get(i)).sum();
      inner = inner == null ? part : inner.add(part);
    }
    hvpReverse = Autodiff.gradients(inner, w).list();
    plans.put("forward", Plan.compile(List.of(loss), options));
    plans.put("jvp", Plan.compile(List.of(loss, jvp), options));
    plans.put("grad", Plan.compile(with(loss, gradient, List.of()), options));
    plans.put("hvp", Plan.compile(with(loss, gradient, hvp), options));
    plans.put("hvp-rr", Plan.compile(with(loss, gradient, hvpReverse), options));
  }

  private static List<Node> with(Node loss, List<Node> gradient, List<Node> more) {
    List<Node> targets = new ArrayList<>(List.of(loss));
    targets.addAll(gradient);
    targets.addAll(more);
    return targets;
  }

  private static Tensor uniform(Random r, int... dims) {
    Tensor t = Tensor.zeros(dims);
    double[] d = t.buffer();
    for (int i = 0; i < d.length; i++) {
      d[i] = 2 * r.nextDouble() - 1;
    }
    return t;
  }

  /** Builds the five plans of {@code model}, compiled with {@code options}. */
  static ForwardModeWorkload of(Model model, ExecOptions options) {
    return new ForwardModeWorkload(model, options);
  }

  /** Returns W2's MLP (W3's at batch 1024) on its first batch, named mlp&lt;batch&gt;. */
  static Model mlp(int batch, ExecOptions options) {
    MlpWorkload m = MlpWorkload.build(batch, options);
    return new Model("mlp" + batch, m.loss(), m.parameters(), m.batch(0));
  }

  /** Returns W6's CNN in training mode on a random batch of {@code batch}, named cnn&lt;n&gt;. */
  static Model cnn(int batch) {
    Trainer trainer = new Trainer(CnnRun.network(1), Loss.softmaxCrossEntropy(), Adam.of(1e-3));
    TrainingGraph graph = trainer.trainingGraph(batch);
    return new Model("cnn" + batch, graph.loss(), graph.parameters(),
        CnnWorkload.randomBatch(graph, new Random(1)));
  }

  /** Returns W7's rows for the MLP at batch 64 and 1024 and the CNN at batch 16. */
  static List<BenchRow> measure(int threads, int reps) {
    ExecOptions options = ExecOptions.defaults().withThreads(threads);
    List<BenchRow> rows = new ArrayList<>();
    for (Model m : List.of(mlp(64, options), mlp(1024, options), cnn(16))) {
      rows.addAll(of(m, options).measure(threads, reps, Timing.WARM_UP_NANOS, 2_000_000_000L));
    }
    return rows;
  }

  /**
   * Returns one row per plan, named {@code w7-<model>-<stage>}, the plans run in turn ({@link
   * Interleaved}): the median wall-clock microseconds of one run; for all but the forward pass,
   * the median over the repetitions of its time over its baseline's in the same repetition
   * ({@code ratio}, every repetition's in {@code ratio_reps}), and where there is a target, the
   * target and whether that ratio met it. At one thread, where a run's work is all on the timing
   * thread, also the same figures in that thread's CPU time ({@code cpu_us}, {@code cpu_ratio}).
   */
  List<BenchRow> measure(int threads, int reps, long warmUpNanos, long repNanos) {
    List<Runnable> bodies = new ArrayList<>();
    for (Plan p : plans.values()) {
      bodies.add(() -> p.run(model.feeds()));
    }
    Interleaved times = Interleaved.time(bodies, reps, warmUpNanos, repNanos);
    boolean cpu = threads == 1 && !Double.isNaN(times.cpu()[0][0]);
    List<String> names = new ArrayList<>(plans.keySet());
    List<BenchRow> rows = new ArrayList<>();
    for (int s = 0; s < STAGES.size(); s++) {
      Stage stage = STAGES.get(s);
      Map<String, Object> d = new LinkedHashMap<>();
      if (cpu) {
        d.put("cpu_us", Timing.median(times.cpu()[s]) * 1e6);
      }
      if (stage.over() != null) {
        int base = names.indexOf(stage.over());
        double[] ratios = ratios(times.wall()[s], times.wall()[base]);
        double ratio = Timing.median(ratios);
        d.put("over", stage.over());
        d.put("ratio", ratio);
        d.put("ratio_reps", Arrays.stream(ratios).boxed().toList());
        if (cpu) {
          d.put("cpu_ratio", Timing.median(ratios(times.cpu()[s], times.cpu()[base])));
        }
        if (!Double.isNaN(stage.target())) {
          d.put("target", stage.target());
          d.put("met", ratio <= stage.target());
        }
      }
      d.put("steps", plans.get(stage.suffix()).explain().split("\n").length - 1);
      rows.add(new BenchRow(PREFIX + model.name() + "-" + stage.suffix(), threads,
          Timing.median(times.wall()[s]) * 1e6, "us/run", d));
    }
    return rows;
  }

  private static double[] ratios(double[] times, double[] base) {
    double[] r = new double[times.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = times[i] / base[i];
    }
    return r;
  }

  /** Returns the compiled plan of {@code stage} (forward, jvp, grad, hvp or hvp-rr). */
  Plan plan(String stage) {
    return plans.get(stage);
  }

  /** Returns the model. */
  Model model() {
    return model;
  }

  /** Returns the tangent direction of each parameter, in the model's parameter order. */
  List<Node> tangents() {
    return tangents;
  }

  /** Returns the tangent of the loss. */
  Node jvp() {
    return jvp;
  }

  /** Returns the gradient of the loss, one node per parameter. */
  List<Node> gradient() {
    return gradient;
  }

  /** Returns the Hessian-vector product forward over reverse, one node per parameter. */
  List<Node> hvp() {
    return hvp;
  }

  /** Returns the Hessian-vector product reverse over reverse, one node per parameter. */
  List<Node> hvpReverse() {
    return hvpReverse;
  }
}
