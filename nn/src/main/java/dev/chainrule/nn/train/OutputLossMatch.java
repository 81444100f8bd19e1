package dev.chainrule.nn.train;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ops.Sigmoid;
import dev.chainrule.core.graph.ops.Softmax;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Forward;
import dev.chainrule.nn.model.Model;

/**
 * Whether a stock loss fits a model's output layer. Softmax cross-entropy trains the logits as a
 * softmax's: it needs a softmax output (or an identity one, whose outputs are the logits) of at
 * least two units, since a softmax of one unit is always 1 and the cost always 0. Binary
 * cross-entropy, from probabilities or from logits, needs a sigmoid output. Other losses (L1, L2,
 * MSE, user-defined) fit any output.
 */
final class OutputLossMatch {
  private OutputLossMatch() {}

  /**
   * Throws an {@link IllegalArgumentException} naming the loss that fits, when {@code loss} does
   * not fit {@code model}'s output layer.
   */
  static void check(Model model, Loss loss) {
    if (loss == null) {
      return;
    }
    String name = loss.name();
    int plus = name.indexOf(" + ");
    String base = plus < 0 ? name : name.substring(0, plus);
    boolean softmaxLoss = base.equals("softmax_cross_entropy")
        || base.equals("softmax_cross_entropy_indices");
    boolean binaryLoss = base.equals("binary_cross_entropy")
        || base.equals("binary_cross_entropy_logits");
    if (!softmaxLoss && !binaryLoss) {
      return;
    }
    String kind = outputKind(model);
    int units = model.outputSize();
    String layer = "the output layer, a " + kind + " (" + units
        + (units == 1 ? " unit)" : " units)");
    if (softmaxLoss && units == 1) {
      throw refused(name, layer, "a softmax over one unit is always 1, so the cost is 0 for every "
          + "input and nothing is learned; for two classes use one sigmoid unit with "
          + "Loss.binaryCrossEntropyWithLogits() (or Loss.binaryCrossEntropy()), or two softmax "
          + "units");
    }
    if (softmaxLoss && !kind.equals("softmax") && !kind.equals("identity")) {
      throw refused(name, layer, "it trains the logits Z[L] as a softmax's, while the model's "
          + "outputs and predictions apply " + kind + " to them; end the model with a softmax "
          + "layer (or an identity one, whose outputs are the logits)" + (kind.equals("sigmoid")
          ? ", or train the sigmoid outputs with Loss.binaryCrossEntropyWithLogits()" : ""));
    }
    if (binaryLoss && !kind.equals("sigmoid")) {
      throw refused(name, layer, "binary cross-entropy needs a sigmoid output layer, each unit a "
          + "probability in (0, 1)" + (kind.equals("softmax") ? "; for a softmax output use "
          + "Loss.softmaxCrossEntropy() (or Loss.softmaxCrossEntropyWithIndices())"
          : "; end the model with a sigmoid layer"));
    }
  }

  private static IllegalArgumentException refused(String loss, String layer, String why) {
    return new IllegalArgumentException("loss " + loss + " does not fit " + layer + ": " + why);
  }

  /**
   * Returns the output layer's function as its activation is named: softmax, sigmoid, identity
   * (the output is the logits), or the operation's name (tanh, relu, ...), read from a forward
   * pass built for one sample.
   */
  private static String outputKind(Model model) {
    Graph g = new Graph(model.dtype());
    Forward f = model.forward(g.input("X", model.layout().dataShape(model.inputSize(), 1)
        .dims()));
    Node out = f.output();
    if (out == f.logits()) {
      return "identity";
    }
    return out.op() instanceof Softmax ? "softmax" : out.op() == Sigmoid.INSTANCE ? "sigmoid"
        : out.op().name();
  }
}
