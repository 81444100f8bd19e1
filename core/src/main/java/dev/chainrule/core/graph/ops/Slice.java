package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Algebra;
import dev.chainrule.core.graph.FormulaWriter;
import dev.chainrule.core.graph.Kernel;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.Range;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.Window;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps, along every axis, {@code counts[d]} positions starting at {@code starts[d]} and
 * {@code steps[d]} apart: NumPy's {@code x[a:b:s, …]} once its ranges are resolved ({@link
 * Range#resolve}). Its derivative puts the gradient back at those positions, zeros elsewhere: the
 * {@link Pad} of the input's shape with the same positions.
 *
 * @param starts the first kept position along each axis
 * @param steps the distance between kept positions along each axis (negative walks backwards)
 * @param counts how many positions each axis keeps: the output's shape
 */
public record Slice(int[] starts, int[] steps, int[] counts) implements Op {
  /** Creates the op, keeping its own copies of the arrays. */
  public Slice {
    starts = starts.clone();
    steps = steps.clone();
    counts = counts.clone();
  }

  /** Returns the slice of a tensor of shape {@code shape} by one range per axis. */
  public static Slice of(Shape shape, Range... ranges) {
    if (ranges.length != shape.rank()) {
      throw new IllegalArgumentException(ranges.length + " ranges " + Arrays.toString(ranges)
          + " given for shape " + shape + " of rank " + shape.rank()
          + "; give one range per axis (Range.all() keeps an axis whole)");
    }
    int rank = shape.rank();
    int[] starts = new int[rank];
    int[] steps = new int[rank];
    int[] counts = new int[rank];
    for (int d = 0; d < rank; d++) {
      int[] r = ranges[d].resolve(shape.dim(d));
      starts[d] = r[0];
      steps[d] = r[1];
      counts[d] = r[2];
    }
    return new Slice(starts, steps, counts);
  }

  @Override
  public String name() {
    return "slice";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    Pad.checkWindow(inputs.get(0), starts, steps, counts);
    return Shape.of(counts);
  }

  @Override
  public void forward(Tensor[] inputs, Tensor out) {
    new Window(inputs[0].shape(), starts, steps, counts).gather(inputs[0], out);
  }

  @Override
  public Kernel prepare(List<Shape> inputs, Shape output) {
    Window window = new Window(inputs.get(0), starts, steps, counts);
    return (in, out) -> window.gather(in[0], out);
  }

  /** Returns true: it moves elements, which it does in either dtype. */
  @Override
  public boolean supports(DType dtype) {
    return true;
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Shape outer = output.inputs().get(0).shape();
    return upstream.graph().apply(new Pad(outer, starts, steps, 0.0), upstream);
  }

  /** Returns the tangent sliced alike: d slice(x) = slice(t). */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return Op.applyToTangent(output, tangent, input);
  }

  /** Returns that a slice is linear. */
  @Override
  public Algebra algebra() {
    return ALGEBRA;
  }

  private static final Algebra ALGEBRA = Algebra.NONE.withLinear(0).withPhrase("a slice");

  /** Writes x[a:b:s, …] as slice(x, a:b:s, …), the ranges resolved to non-negative positions. */
  @Override
  public <F> F formula(FormulaWriter<F> w) {
    return w.function("slice", w.operand(0), w.text(ranges()));
  }

  /** Returns the resolved ranges as NumPy writes them, e.g. {@code 1:3, 4:0:-2}. */
  String ranges() {
    StringBuilder s = new StringBuilder();
    for (int d = 0; d < starts.length; d++) {
      int stop = starts[d] + steps[d] * counts[d];
      s.append(d == 0 ? "" : ", ").append(starts[d]).append(':').append(stop < 0 ? "" : stop);
      if (steps[d] != 1) {
        s.append(':').append(steps[d]);
      }
    }
    return s.toString();
  }

  @Override
  public Notation notation() {
    return Notation.function("slice", "\\operatorname{slice}");
  }

  @Override
  public String label() {
    return "slice [" + ranges() + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Slice s && Arrays.equals(starts, s.starts) && Arrays.equals(steps, s.steps)
        && Arrays.equals(counts, s.counts);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(starts) + Arrays.hashCode(steps)) + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "Slice[" + ranges() + "]";
  }
}
