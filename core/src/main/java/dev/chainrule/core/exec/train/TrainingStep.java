package dev.chainrule.core.exec.train;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.Accumulations;
import dev.chainrule.core.exec.ExecOptions;
import dev.chainrule.core.exec.FeedException;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.PlanProfile;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A training step compiled once and run per batch: forward pass, backward pass and the optimizer's
 * update of every parameter in place, as one {@link Plan} over buffers allocated on a thread's
 * first run. With {@link Sgd} the update of a parameter whose gradient is a matrix product
 * (dW = Xᵀ·dZ) runs inside that product, W ← W − η·Xᵀ·dZ, so the gradient is never stored; other
 * optimizers update from the stored gradients after the plan. When the loss of a batch is NaN or
 * infinite the update is skipped, so the parameters keep their values and the caller can react.
 *
 * <pre>{@code
 * TrainingStep step = TrainingStep.builder(loss).parameters(W1, b1, W2, b2)
 *     .optimizer(new Sgd(0.1)).observe(logits).build();
 * for (Feeds batch : batches) {
 *   Results r = step.run(batch);
 *   double cost = r.scalar(loss);   // the cost before this step's update
 * }
 * }</pre>
 *
 * <p>For data-parallel training the same step computes gradients only ({@link #computeGradients})
 * and applies an update to gradients summed elsewhere ({@link #applyInPlace}); the optimizer's
 * state ({@link #optimizerState()}) is snapshotted, averaged and restored through {@link
 * OptimizerSnapshot}.
 */
public final class TrainingStep {
  private final Node loss;
  private final List<Node> parameters;
  private final List<Node> gradients;
  private final List<Node> targets;
  private final ExecOptions options;
  private final OptimizerState state;
  private final CountedState fusedDescent;
  private final Plan plan;
  private volatile Plan gradientPlan;
  private final ThreadLocal<Tensor[]> gradientValues;

  private TrainingStep(Builder b, List<Node> gradients, OptimizerState state) {
    this.loss = b.loss;
    this.parameters = List.copyOf(b.parameters);
    this.gradients = List.copyOf(gradients);
    this.options = b.options;
    this.state = state;
    List<Node> kept = new ArrayList<>();
    kept.add(loss);
    kept.addAll(b.observed);
    this.targets = List.copyOf(kept);
    this.fusedDescent = state.optimizer() instanceof Sgd && state instanceof CountedState c
        ? c : null;
    this.plan = fusedDescent != null
        ? Plan.compile(targets, Accumulations.of(parameters, this.gradients).onlyIfFinite(loss),
            options)
        : gradientPlan();
    this.gradientValues = ThreadLocal.withInitial(() -> new Tensor[this.gradients.size()]);
  }

  /** Starts describing a training step that minimises the one-element {@code loss}. */
  public static Builder builder(Node loss) {
    return new Builder(loss);
  }

  /**
   * Runs forward, backward and the update at the optimizer's own learning rate: modifies the
   * parameters' tensors in place. Returns the results of the run, holding the loss (computed
   * before the update) and the observed nodes, valid until this thread runs the step again.
   *
   * @throws FeedException as {@link Plan#run} does
   */
  public Results run(Feeds feeds) {
    return run(feeds, state.optimizer().learningRate());
  }

  /**
   * Runs forward, backward and the update with learning rate {@code learningRate} (a schedule's
   * rate for this step), as {@link #run(Feeds)} does.
   *
   * @throws IllegalArgumentException when the learning rate is not a finite number &gt; 0, the
   *     optimizers' rule
   * @throws FeedException as {@link Plan#run} does
   */
  public Results run(Feeds feeds, double learningRate) {
    HyperParameters.require("learning rate", learningRate, 0, true);
    if (fusedDescent != null) {
      Results r = plan.run(feeds, -learningRate);
      if (Double.isFinite(r.scalar(loss))) {
        fusedDescent.countStep();
      }
      return r;
    }
    Results r = plan.run(feeds);
    if (Double.isFinite(r.scalar(loss))) {
      state.stepInPlace(gradientsOf(r), learningRate);
    }
    return r;
  }

  /**
   * Runs forward and backward without updating anything: the results hold the loss, the observed
   * nodes and every gradient ({@code results.get(step.gradients().get(i))}), valid until this
   * thread runs the step again. A data-parallel worker runs this on its part of the data.
   *
   * @throws FeedException as {@link Plan#run} does
   */
  public Results computeGradients(Feeds feeds) {
    return gradientPlan().run(feeds);
  }

  /**
   * Applies the optimizer's update to the parameters from {@code gradients} (one per parameter, in
   * order, read only), e.g. the sum of the workers' gradients; modifies the parameters and the
   * optimizer's state in place.
   *
   * @throws IllegalArgumentException when the gradients do not match the parameters in number or
   *     shape, or the learning rate is negative
   */
  public void applyInPlace(Tensor[] gradients, double learningRate) {
    state.stepInPlace(gradients, learningRate);
  }

  /**
   * Runs the step's plan {@code runs} times, as {@link #run} does, and returns where the time went,
   * step by step (see {@link Plan#profile}). With {@link Sgd} the parameters are updated on each
   * run; other optimizers' updates run after the plan and are not part of a profile.
   *
   * @throws IllegalArgumentException if {@code runs} is less than 1
   * @throws FeedException as {@link Plan#run} does
   */
  public PlanProfile profile(Feeds feeds, double learningRate, int runs) {
    return fusedDescent != null ? plan.profile(feeds, -learningRate, runs)
        : plan.profile(feeds, runs);
  }

  /** Returns the loss node. */
  public Node loss() {
    return loss;
  }

  /** Returns the parameters the step updates. */
  public List<Node> parameters() {
    return parameters;
  }

  /** Returns the gradient node of each parameter, in the same order. */
  public List<Node> gradients() {
    return gradients;
  }

  /** Returns the optimizer's state (its step count, buffers, snapshots), shared as built. */
  public OptimizerState optimizerState() {
    return state;
  }

  /** Returns the compiled schedule, one step per line (see {@link Plan#explain()}). */
  public String explain() {
    return plan.explain();
  }

  /** Returns a one-line summary of the compiled step (see {@link Plan#toString()}). */
  @Override
  public String toString() {
    return "TrainingStep" + plan.toString().substring("Plan".length());
  }

  private Tensor[] gradientsOf(Results r) {
    Tensor[] g = gradientValues.get();
    for (int i = 0; i < g.length; i++) {
      g[i] = r.get(gradients.get(i));
    }
    return g;
  }

  /**
   * Returns the plan of the loss, the observed nodes and the gradients, compiled when first used.
   */
  private Plan gradientPlan() {
    Plan p = gradientPlan;
    if (p == null) {
      synchronized (this) {
        p = gradientPlan;
        if (p == null) {
          List<Node> all = new ArrayList<>(targets);
          all.addAll(gradients);
          p = Plan.compile(all, options);
          gradientPlan = p;
        }
      }
    }
    return p;
  }

  /**
   * Describes a {@link TrainingStep}: parameters, optimizer (or a state shared with other steps),
   * optional gradients, observed nodes, compiler options.
   */
  public static final class Builder {
    private final Node loss;
    private final List<Node> parameters = new ArrayList<>();
    private final List<Node> observed = new ArrayList<>();
    private List<Node> gradients;
    private Optimizer optimizer;
    private OptimizerState state;
    private ExecOptions options = ExecOptions.defaults();

    private Builder(Node loss) {
      this.loss = loss;
    }

    /** Adds parameters to train; each must be a parameter node of the loss's graph. */
    public Builder parameters(Node... nodes) {
      return parameters(List.of(nodes));
    }

    /** Adds parameters to train; each must be a parameter node of the loss's graph. */
    public Builder parameters(List<Node> nodes) {
      parameters.addAll(nodes);
      return this;
    }

    /**
     * Uses these gradient nodes, one per parameter in order, instead of differentiating the loss
     * (for gradients already built, or rewritten into another form).
     */
    public Builder gradients(List<Node> nodes) {
      this.gradients = List.copyOf(nodes);
      return this;
    }

    /** Updates the parameters with {@code rule}, whose state the step creates when built. */
    public Builder optimizer(Optimizer rule) {
      this.optimizer = TrainingStepChecks.notNull(rule, "optimizer");
      this.state = null;
      return this;
    }

    /**
     * Updates the parameters with an existing optimizer state, e.g. one shared by the steps a
     * trainer compiles for different batch sizes; its parameters must be this step's.
     */
    public Builder optimizerState(OptimizerState shared) {
      this.state = TrainingStepChecks.notNull(shared, "optimizer state");
      this.optimizer = null;
      return this;
    }

    /** Keeps the values of these nodes (e.g. logits, or a gradient) readable after each run. */
    public Builder observe(Node... nodes) {
      observed.addAll(List.of(nodes));
      return this;
    }

    /** Sets the compiler's optimisations; the default is {@link ExecOptions#defaults()}. */
    public Builder options(ExecOptions o) {
      this.options = o;
      return this;
    }

    /**
     * Compiles the step, differentiating the loss unless gradients were given.
     *
     * @throws IllegalArgumentException when there is no optimizer, no parameter, one is not a
     *     parameter node or is given twice, the gradients do not match the parameters, or a shared
     *     optimizer state updates other tensors
     */
    public TrainingStep build() {
      TrainingStepChecks.parameters(loss, parameters);
      if (optimizer == null && state == null) {
        throw new IllegalArgumentException("the training step of " + loss.name() + " needs an "
            + "optimizer: .optimizer(new Sgd(0.1)) for gradient descent");
      }
      if (gradients != null) {
        TrainingStepChecks.gradients(parameters, gradients);
      }
      List<Tensor> tensors = new ArrayList<>();
      for (Node p : parameters) {
        tensors.add(p.storedValue());
      }
      OptimizerState s = state != null ? state : optimizer.start(tensors);
      TrainingStepChecks.sameTensors(s, parameters);
      List<Node> grads = gradients != null ? gradients
          : Autodiff.grad(loss, parameters.toArray(new Node[0]));
      return new TrainingStep(this, grads, s);
    }
  }
}
