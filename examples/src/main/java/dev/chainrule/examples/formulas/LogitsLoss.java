package dev.chainrule.examples.formulas;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.graph.ops.Sigmoid;
import dev.chainrule.core.graph.ops.Softmax;
import dev.chainrule.core.rewrite.Rewriter;
import dev.chainrule.cli.UsageException;
import dev.chainrule.examples.seeds.SeedNetwork;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.losses.Losses;
import java.util.Map;

/**
 * A seed network whose cross-entropy is computed again from the logits, as nn's stable losses
 * compute it ({@code formulas --logits}): binary cross-entropy from Z through
 * {@link Losses#binaryCrossEntropyWithLogits} for a sigmoid output, softmax cross-entropy through
 * the log-softmax for a softmax output. The output activation A stays in the graph, named.
 */
final class LogitsLoss {
  private LogitsLoss() {}

  /**
   * Returns {@code net} with its loss replaced by the same cross-entropy computed from the logits.
   *
   * @throws UsageException when the network's loss is not a plain cross-entropy of its output
   */
  static SeedNetwork of(SeedNetwork net) {
    Map<String, Integer> fired = Rewriter.standard().rewrite(net.loss()).fired();
    if (!fired.containsKey("sigmoid + binary cross-entropy fused")
        && !fired.containsKey("softmax + cross-entropy fused")) {
      throw new UsageException("--logits computes a cross-entropy from the logits, but example '"
          + net.name() + "' minimises " + net.loss().name() + ", which is no cross-entropy of a "
          + "sigmoid or softmax output");
    }
    boolean[] needed = ancestors(net.loss());
    Node output = null;
    Node targets = null;
    for (int id = net.loss().id(); id >= 0 && output == null; id--) {
      Node a = net.graph().node(id);
      if (needed[id] && (a.op() instanceof Sigmoid || a.op() instanceof Softmax)) {
        targets = targetsOf(a, needed, net);
        output = targets == null ? null : a;
      }
    }
    if (output == null) {
      throw new UsageException("--logits found no sigmoid or softmax output with targets of its "
          + "shape in example '" + net.name() + "'");
    }
    checkNoOtherTerms(net, needed, ancestors(output));
    Node z = output.inputs().get(0);
    Node loss = output.op() instanceof Softmax s
        ? Losses.softmaxCrossEntropy(z, targets, s.axis() == 0 ? Layout.COLUMN : Layout.ROW)
        : Losses.binaryCrossEntropyWithLogits(z, targets, Layout.COLUMN);
    return new SeedNetwork(net.name(), net.graph(), loss, net.parameters(), net.feeds());
  }

  /**
   * Throws when the loss uses a parameter outside the network's output, as a weight penalty
   * does: the cross-entropy rebuilt from the logits would leave that term out.
   */
  private static void checkNoOtherTerms(SeedNetwork net, boolean[] loss, boolean[] model) {
    for (int id = 0; id < loss.length; id++) {
      Node n = net.graph().node(id);
      if (loss[id] && (id >= model.length || !model[id])) {
        for (Node in : n.inputs()) {
          if (in.kind() == NodeKind.PARAMETER) {
            throw new UsageException("--logits rebuilds the plain cross-entropy of the output, "
                + "but the loss of example '" + net.name() + "' adds a term on " + in.name());
          }
        }
      }
    }
  }

  /** Returns the fed or constant targets of {@code output}: a leaf of the loss of its shape. */
  private static Node targetsOf(Node output, boolean[] needed, SeedNetwork net) {
    boolean[] model = ancestors(output);
    for (int id = 0; id < needed.length; id++) {
      Node n = net.graph().node(id);
      boolean leaf = n.kind() == NodeKind.INPUT || n.kind() == NodeKind.CONSTANT && !n.isLiteral();
      boolean inModel = id < model.length && model[id];
      if (needed[id] && leaf && n.shape().equals(output.shape()) && !inModel) {
        return n;
      }
    }
    return null;
  }

  private static boolean[] ancestors(Node node) {
    boolean[] needed = new boolean[node.id() + 1];
    needed[node.id()] = true;
    for (int id = node.id(); id >= 0; id--) {
      if (needed[id]) {
        node.graph().node(id).inputs().forEach(in -> needed[in.id()] = true);
      }
    }
    return needed;
  }
}
