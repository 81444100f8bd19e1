package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Algebra;
import dev.chainrule.core.graph.FormulaWriter;
import dev.chainrule.core.graph.Kernel;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.Rewrite;
import dev.chainrule.core.scalar.Scalar;
import dev.chainrule.core.tensor.Broadcast;
import dev.chainrule.core.tensor.BroadcastLoop;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/**
 * Repeats a tensor along axes of size 1 (and new leading axes) to a larger shape; its derivative
 * sums the gradient over those axes.
 *
 * @param target the shape to broadcast to
 */
public record BroadcastTo(Shape target) implements Op {
  @Override
  public String name() {
    return "broadcast";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    if (!inputs.get(0).broadcastsTo(target)) {
      throw new IllegalArgumentException("cannot broadcast " + inputs.get(0) + " to " + target
          + ": aligned from the right, each dimension must equal the target's or be 1");
    }
    return target;
  }

  @Override
  public void forward(Tensor[] inputs, Tensor out) {
    if (out.dtype() == DType.FLOAT32) {
      prepare(List.of(inputs[0].shape()), out.shape(), DType.FLOAT32).run(inputs, out);
      return;
    }
    Broadcast.into(inputs[0], out, out, (x, ignored) -> x);
  }

  /** Returns true: in float32 its form runs in a float32 loop. */
  @Override
  public boolean supports(DType dtype) {
    return true;
  }

  /** Returns the float64 kernel, or in float32 the float32 loop of its form. */
  @Override
  public Kernel prepare(List<Shape> inputs, Shape output, DType dtype) {
    return dtype == DType.FLOAT32 ? Elementwise.floatKernel(scalarForm(), inputs, output)
        : prepare(inputs, output);
  }

  @Override
  public Kernel prepare(List<Shape> inputs, Shape output) {
    BroadcastLoop loop = new BroadcastLoop(output, inputs.get(0));
    return (in, out) -> loop.copy(in[0].buffer(), out.buffer());
  }

  /** Returns the input itself, broadcast: inside a fused loop it costs nothing. */
  @Override
  public Scalar scalarForm() {
    return Scalar.argument(0);
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    return Unbroadcast.sumTo(upstream, output.inputs().get(0).shape());
  }

  /** Returns the tangent broadcast alike: d broadcast(x) = broadcast(t). */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return Op.applyToTangent(output, tangent, input);
  }

  /** Returns M with its rows repeated as the broadcast repeats the input's elements. */
  @Override
  public Node jmp(Node output, Node columns, int input) {
    return JacobianProducts.broadcast(columns, output.inputs().get(0).shape(), output.shape());
  }

  /** Returns that a broadcast is linear and is dropped when it keeps the shape. */
  @Override
  public Algebra algebra() {
    return ALGEBRA;
  }

  private static final Algebra ALGEBRA = Algebra.NONE.withLinear(0)
      .withIdentity(Rewrite.Family.NEUTRAL_ELEMENTS, Terms::droppedWhenShapeKept);

  /** Writes its input: broadcasting does not show in a formula. */
  @Override
  public <F> F formula(FormulaWriter<F> w) {
    return w.operand(0);
  }

  @Override
  public Notation notation() {
    return Notation.function("broadcast", "\\operatorname{broadcast}");
  }

  @Override
  public String label() {
    return "broadcast → " + target;
  }
}
