package dev.chainrule.core.exec.train;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.Accumulations;
import dev.chainrule.core.exec.ExecOptions;
import dev.chainrule.core.exec.FeedException;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.PlanProfile;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.CreationSite;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A training step compiled once and run per batch: forward pass, backward pass and the update of
 * every parameter in place, as one {@link Plan} over buffers allocated on a thread's first run.
 * With {@link Update#sgd()} the update of a parameter whose gradient is a matrix product
 * (dW = Xᵀ·dZ) runs inside that product, W ← W − η·Xᵀ·dZ, so the gradient is never stored.
 *
 * <pre>{@code
 * TrainingStep step =
 *     TrainingStep.builder(loss).parameters(W1, b1, W2, b2).observe(logits).build();
 * for (Feeds batch : batches) {
 *   Results r = step.run(batch, 0.1);
 *   double cost = r.scalar(loss);   // the cost before this step's update
 * }
 * }</pre>
 */
public final class TrainingStep {
  private final Node loss;
  private final List<Node> parameters;
  private final List<Node> gradients;
  private final Update update;
  private final Plan plan;
  private final Tensor[] parameterValues;
  private final Tensor[] gradientValues;

  private TrainingStep(Builder b, List<Node> gradients) {
    this.loss = b.loss;
    this.parameters = List.copyOf(b.parameters);
    this.gradients = List.copyOf(gradients);
    this.update = b.update;
    List<Node> targets = new ArrayList<>();
    targets.add(b.loss);
    targets.addAll(b.observed);
    if (update instanceof Update.Sgd) {
      this.plan = Plan.compile(targets,
          Accumulations.of(parameters, this.gradients).onlyIfFinite(loss), b.options);
    } else {
      targets.addAll(this.gradients);
      this.plan = Plan.compile(targets, b.options);
    }
    this.parameterValues = new Tensor[parameters.size()];
    for (int i = 0; i < parameterValues.length; i++) {
      parameterValues[i] = parameters.get(i).storedValue();
    }
    this.gradientValues = new Tensor[parameters.size()];
  }

  /** Starts describing a training step that minimises the one-element {@code loss}. */
  public static Builder builder(Node loss) {
    return new Builder(loss);
  }

  /**
   * Runs forward, backward and the update with learning rate {@code learningRate}: modifies the
   * parameters' tensors in place. Returns the results of the run, holding the loss (computed
   * before the update) and the observed nodes, valid until this thread runs the step again.
   *
   * @throws FeedException as {@link Plan#run} does
   */
  public Results run(Feeds feeds, double learningRate) {
    if (update instanceof Update.Sgd) {
      return plan.run(feeds, -learningRate);
    }
    Results r = plan.run(feeds);
    Tensor cost = r.get(loss);
    if (Double.isFinite(cost.item())) {
      for (int i = 0; i < gradientValues.length; i++) {
        gradientValues[i] = r.get(gradients.get(i));
      }
      update.applyInPlace(parameterValues, gradientValues, learningRate);
    }
    return r;
  }

  /**
   * Runs the step {@code runs} times, as {@link #run} does (the parameters are updated each time),
   * and returns where the time went, step by step (see {@link Plan#profile}).
   *
   * @throws IllegalArgumentException if {@code runs} is less than 1
   * @throws FeedException as {@link Plan#run} does
   */
  public PlanProfile profile(Feeds feeds, double learningRate, int runs) {
    return plan.profile(feeds, -learningRate, runs);
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

  /** Returns the compiled schedule, one step per line (see {@link Plan#explain()}). */
  public String explain() {
    return plan.explain();
  }

  /** Returns a one-line summary of the compiled step (see {@link Plan#toString()}). */
  @Override
  public String toString() {
    return "TrainingStep" + plan.toString().substring("Plan".length());
  }

  /** Describes a {@link TrainingStep}: parameters, optional gradients, update rule, options. */
  public static final class Builder {
    private final Node loss;
    private final List<Node> parameters = new ArrayList<>();
    private final List<Node> observed = new ArrayList<>();
    private List<Node> gradients;
    private Update update = Update.sgd();
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

    /** Sets the update rule; the default is {@link Update#sgd()}. */
    public Builder update(Update rule) {
      if (rule == null) {
        throw new IllegalArgumentException("the update rule must not be null; use Update.sgd()");
      }
      this.update = rule;
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
     * @throws IllegalArgumentException when there are no parameters, one is not a parameter
     *     node or is given twice, or the gradients do not match the parameters
     */
    public TrainingStep build() {
      check();
      List<Node> grads = gradients != null ? gradients
          : Autodiff.grad(loss, parameters.toArray(new Node[0]));
      return new TrainingStep(this, grads);
    }

    private void check() {
      if (parameters.isEmpty()) {
        throw new IllegalArgumentException("a training step of " + loss.name() + " needs at "
            + "least one parameter (at " + CreationSite.here() + ")");
      }
      Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      for (Node p : parameters) {
        if (p.kind() != NodeKind.PARAMETER) {
          throw new IllegalArgumentException(p.name() + " is " + p.kind().name().toLowerCase(
              java.util.Locale.ROOT) + ", not a parameter: a training step updates parameters "
              + "(graph.parameter(...)) in place (at " + CreationSite.here() + ")");
        }
        if (!seen.add(p)) {
          throw new IllegalArgumentException("parameter " + p.name() + " is given twice to the "
              + "training step of " + loss.name() + " (at " + CreationSite.here() + ")");
        }
      }
      if (gradients != null) {
        checkGradients();
      }
    }

    private void checkGradients() {
      if (gradients.size() != parameters.size()) {
        throw new IllegalArgumentException(gradients.size() + " gradients given for "
            + parameters.size() + " parameters; give one per parameter, in the same order");
      }
      for (int i = 0; i < gradients.size(); i++) {
        Node p = parameters.get(i);
        Node g = gradients.get(i);
        if (!g.shape().equals(p.shape())) {
          throw new IllegalArgumentException("gradient " + g.name() + " has shape " + g.shape()
              + " but parameter " + p.name() + " has shape " + p.shape());
        }
      }
    }
  }
}
