package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Kernel;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/**
 * The logarithm of the softmax along one axis, z − max z − log Σ exp(z − max z): finite for any
 * finite logits. Its derivative is g − softmax(z) ∘ Σ g.
 *
 * @param axis the normalised (non-negative) axis of the softmax
 */
public record LogSoftmax(int axis) implements Op {
  @Override
  public String name() {
    return "log_softmax";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    inputs.get(0).normalizeAxis(axis);
    return inputs.get(0);
  }

  @Override
  public void forward(Tensor[] inputs, Tensor out) {
    AxisLoops.softmax(inputs[0], axis, out, true);
  }

  @Override
  public Kernel prepare(List<Shape> inputs, Shape output) {
    return AxisLoops.prepare(inputs.get(0), axis, true);
  }

  @Override
  public List<Node> vjp(Node output, Node upstream) {
    Node probabilities = output.exp();
    return List.of(upstream.sub(probabilities.mul(upstream.sumKeepDims(axis))));
  }

  @Override
  public Notation notation() {
    return Notation.function("logsoftmax", "\\operatorname{logsoftmax}");
  }

  @Override
  public String label() {
    return "logsoftmax axis=" + axis;
  }
}
