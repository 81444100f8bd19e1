package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Algebra;
import dev.chainrule.core.graph.FormulaWriter;
import dev.chainrule.core.graph.Kernel;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorFormat;
import dev.chainrule.core.tensor.Window;
import java.util.Arrays;
import java.util.List;

/**
 * Places the input inside a larger tensor of shape {@code outer} filled with {@code value}: along
 * each axis its elements go to the positions from {@code starts[d]}, {@code steps[d]} apart.
 * With steps of 1 this is constant padding (NumPy's {@code np.pad}); with other steps it is the
 * derivative of a {@link Slice} (XLA's interior padding). Its own derivative slices the gradient
 * at those positions.
 *
 * @param outer the output's shape
 * @param starts where the input's first element goes along each axis
 * @param steps the distance between the input's elements along each axis (negative walks back)
 * @param value the number every other position holds
 */
public record Pad(Shape outer, int[] starts, int[] steps, double value) implements Op {
  /** Creates the op, keeping its own copies of the arrays. */
  public Pad {
    starts = starts.clone();
    steps = steps.clone();
  }

  /**
   * Returns constant padding of a tensor of shape {@code shape} by {@code widths[d] = {before,
   * after}} elements along each axis d.
   */
  public static Pad of(Shape shape, int[][] widths, double value) {
    if (widths.length != shape.rank()) {
      throw new IllegalArgumentException(widths.length + " pad widths given for shape " + shape
          + " of rank " + shape.rank() + "; give {before, after} for every axis");
    }
    int rank = shape.rank();
    int[] dims = new int[rank];
    int[] starts = new int[rank];
    int[] steps = new int[rank];
    for (int d = 0; d < rank; d++) {
      int[] w = widths[d];
      if (w == null || w.length != 2 || w[0] < 0 || w[1] < 0) {
        throw new IllegalArgumentException("pad widths " + Arrays.toString(w) + " of axis " + d
            + " must be {before, after}, both 0 or more");
      }
      dims[d] = shape.dim(d) + w[0] + w[1];
      starts[d] = w[0];
      steps[d] = 1;
    }
    return new Pad(Shape.of(dims), starts, steps, value);
  }

  /**
   * Returns the zero padding to {@code outer} that places its input at position {@code offset}
   * along {@code axis} and at 0 along every other axis: how the tangent of one input of a {@link
   * Concat} or a {@link Stack} sits in the output.
   */
  static Pad along(Shape outer, int axis, int offset) {
    int[] starts = new int[outer.rank()];
    starts[axis] = offset;
    int[] steps = new int[starts.length];
    Arrays.fill(steps, 1);
    return new Pad(outer, starts, steps, 0.0);
  }

  /**
   * Checks that a window of {@code counts} positions from {@code starts}, {@code steps} apart,
   * lies inside {@code outer}, or throws naming the axis that leaves it.
   */
  static void checkWindow(Shape outer, int[] starts, int[] steps, int[] counts) {
    if (starts.length != outer.rank()) {
      throw new IllegalArgumentException("positions for " + starts.length + " axes given for "
          + "shape " + outer + " of rank " + outer.rank());
    }
    for (int d = 0; d < counts.length; d++) {
      if (steps[d] == 0) {
        throw new IllegalArgumentException("step 0 along axis " + d + "; a step must be non-zero");
      }
      int last = starts[d] + steps[d] * (counts[d] - 1);
      if (counts[d] > 0 && (starts[d] < 0 || starts[d] >= outer.dim(d) || last < 0
          || last >= outer.dim(d))) {
        throw new IllegalArgumentException("positions " + starts[d] + ", " + (starts[d]
            + steps[d]) + ", … " + last + " of axis " + d + " do not fit in shape " + outer);
      }
    }
  }

  @Override
  public String name() {
    return "pad";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    checkWindow(outer, starts, steps, inputs.get(0).dims());
    return outer;
  }

  @Override
  public void forward(Tensor[] inputs, Tensor out) {
    new Window(outer, starts, steps, inputs[0].shape().dims())
        .scatter(inputs[0], value, out);
  }

  @Override
  public Kernel prepare(List<Shape> inputs, Shape output) {
    Window window = new Window(outer, starts, steps, inputs.get(0).dims());
    return (in, out) -> window.scatter(in[0], value, out);
  }

  /** Returns true: it moves elements, which it does in either dtype. */
  @Override
  public boolean supports(DType dtype) {
    return true;
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    int[] counts = output.inputs().get(0).shape().dims();
    return upstream.graph().apply(new Slice(starts, steps, counts), upstream);
  }

  /**
   * Returns the tangent padded alike but with zeros, d pad(x, value) = pad(t, 0): the fill value is
   * a constant, so padding with anything but 0 is affine, and its derivative pads with 0.
   */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return value == 0.0 ? Op.applyToTangent(output, tangent, input)
        : output.graph().apply(new Pad(outer, starts, steps, 0.0), tangent);
  }

  /** Returns that padding with zeros is linear. */
  @Override
  public Algebra algebra() {
    return value == 0.0 ? LINEAR : Algebra.NONE;
  }

  private static final Algebra LINEAR = Algebra.NONE.withLinear(0).withPhrase("a zero padding");

  /** Writes pad(x, shape, positions, value). */
  @Override
  public <F> F formula(FormulaWriter<F> w) {
    return w.function("pad", w.operand(0), w.text(attributes()));
  }

  private String attributes() {
    return outer + " at " + Arrays.toString(starts)
        + (Arrays.stream(steps).allMatch(s -> s == 1) ? "" : " step " + Arrays.toString(steps))
        + (value == 0.0 ? "" : " with " + TensorFormat.number(value));
  }

  @Override
  public Notation notation() {
    return Notation.function("pad", "\\operatorname{pad}");
  }

  @Override
  public String label() {
    return "pad " + attributes();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Pad p && outer.equals(p.outer) && Arrays.equals(starts, p.starts)
        && Arrays.equals(steps, p.steps) && Double.compare(value, p.value) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * outer.hashCode() + Arrays.hashCode(starts)) + Arrays.hashCode(steps))
        + Double.hashCode(value);
  }

  @Override
  public String toString() {
    return "Pad[" + attributes() + "]";
  }
}
