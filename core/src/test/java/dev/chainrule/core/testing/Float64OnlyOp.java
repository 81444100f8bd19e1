package dev.chainrule.core.testing;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/**
 * A copy of its input with a float64 kernel only, as every op has until it declares more: what a
 * float32 plan must refuse by name. Outside the ops package, so that the op scans do not count it.
 */
public final class Float64OnlyOp implements Op {
  @Override
  public String name() {
    return "float64_only";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    return inputs.get(0);
  }

  @Override
  public void forward(Tensor[] inputs, Tensor out) {
    out.copyFromInPlace(inputs[0]);
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    return upstream;
  }

  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return tangent;
  }

  @Override
  public Notation notation() {
    return Notation.function("float64_only", "\\operatorname{float64\\_only}");
  }
}
