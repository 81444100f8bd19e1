package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Kernel;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/**
 * The softmax along one axis, p = exp(z − max z) / Σ exp(z − max z), stable for large logits. Its
 * derivative is the Jacobian-vector product p ∘ (g − Σ(g ∘ p)), never the full Jacobian.
 *
 * @param axis the normalised (non-negative) axis along which the outputs sum to 1
 */
public record Softmax(int axis) implements Op {
  @Override
  public String name() {
    return "softmax";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    inputs.get(0).normalizeAxis(axis);
    return inputs.get(0);
  }

  @Override
  public void forward(Tensor[] inputs, Tensor out) {
    AxisLoops.softmax(inputs[0], axis, out, false);
  }

  @Override
  public Kernel prepare(List<Shape> inputs, Shape output) {
    return AxisLoops.prepare(inputs.get(0), axis, false);
  }

  @Override
  public List<Node> vjp(Node output, Node upstream) {
    Node weighted = upstream.mul(output).sumKeepDims(axis);
    return List.of(output.mul(upstream.sub(weighted)));
  }

  @Override
  public Notation notation() {
    return Notation.function("softmax", "\\operatorname{softmax}");
  }

  @Override
  public String label() {
    return "softmax axis=" + axis;
  }
}
