package dev.chainrule.nn.losses;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.nn.model.Forward;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * The objective a trainer minimises: it reads a model's {@link Forward} (the output, or the
 * logits for the stable forms) and the targets node, and returns the scalar cost. The stock ones
 * wrap {@link Losses}; {@link #plusL2} adds seed 002/003's weight penalty.
 */
public interface Loss {
  /** Returns a short name for reports, e.g. {@code softmax_cross_entropy}. */
  String name();

  /** Adds the cost of {@code forward} against {@code targets} to their graph and returns it. */
  Node build(Forward forward, Node targets);

  /**
   * Returns true when the targets are class indices, one per sample ((m, 1) in rows, (1, m) in
   * columns), rather than values shaped like the output.
   */
  default boolean takesClassIndices() {
    return false;
  }

  /**
   * Returns this loss plus ½λ·Σ‖W‖² over the parameters of the graph whose names {@code which}
   * accepts, e.g. {@code name -> name.startsWith("W")} for the weights but not the biases.
   */
  default Loss plusL2(double lambda, Predicate<String> which) {
    Loss base = this;
    return new Stock(base.name() + " + l2(" + lambda + ")", base.takesClassIndices(), (f, y) -> {
      List<Node> chosen = new ArrayList<>();
      for (Node n : f.output().graph().nodes()) {
        if (n.kind() == NodeKind.PARAMETER && which.test(n.name())) {
          chosen.add(n);
        }
      }
      if (chosen.isEmpty()) {
        throw new IllegalArgumentException("the L2 penalty matched no parameter of the model; "
            + "check the name filter");
      }
      return base.build(f, y).add(Losses.l2Penalty(lambda, chosen)).named("J");
    });
  }

  /** Softmax cross-entropy from the logits with one-hot targets (stable). */
  static Loss softmaxCrossEntropy() {
    return new Stock("softmax_cross_entropy", false,
        (f, y) -> Losses.softmaxCrossEntropy(f.logits(), y, f.layout()));
  }

  /** Softmax cross-entropy from the logits with class-index targets (stable). */
  static Loss softmaxCrossEntropyWithIndices() {
    return new Stock("softmax_cross_entropy_indices", true,
        (f, y) -> Losses.softmaxCrossEntropyWithIndices(f.logits(), y, f.layout()));
  }

  /** Binary cross-entropy from the output probabilities, as the seeds write it. */
  static Loss binaryCrossEntropy() {
    return new Stock("binary_cross_entropy", false,
        (f, y) -> Losses.binaryCrossEntropy(f.output(), y, f.layout()));
  }

  /** Binary cross-entropy from the logits (stable); the output layer is a sigmoid. */
  static Loss binaryCrossEntropyWithLogits() {
    return new Stock("binary_cross_entropy_logits", false,
        (f, y) -> Losses.binaryCrossEntropyWithLogits(f.logits(), y, f.layout()));
  }

  /** L1, averaged over samples. */
  static Loss l1() {
    return new Stock("l1", false, (f, y) -> Losses.l1(f.output(), y, f.layout()));
  }

  /** L2, averaged over samples (seed 000). */
  static Loss l2() {
    return new Stock("l2", false, (f, y) -> Losses.l2(f.output(), y, f.layout()));
  }

  /** Mean squared error over all elements. */
  static Loss mse() {
    return new Stock("mse", false, (f, y) -> Losses.mse(f.output(), y));
  }

  /** Seed 001's Σ ½(target − out)², not averaged. */
  static Loss halfSumOfSquares() {
    return new Stock("half_sum_of_squares", false, (f, y) -> Losses.halfSumOfSquares(f.output(),
        y));
  }

  /** A loss given by a name, a target kind and a builder function. */
  record Stock(String name, boolean takesClassIndices, BiFunction<Forward, Node, Node> builder)
      implements Loss {
    @Override
    public Node build(Forward forward, Node targets) {
      return builder.apply(forward, targets);
    }
  }
}
