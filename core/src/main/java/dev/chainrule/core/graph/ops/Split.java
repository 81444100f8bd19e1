package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Algebra;
import dev.chainrule.core.graph.FormulaWriter;
import dev.chainrule.core.graph.GradientJoin;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One part of a split: the positions [start, start + length) of a tensor along one axis. Splitting
 * a tensor in parts builds one of these per part. Its derivative puts the gradient back in place
 * between zeros, a {@link Concat}, so the derivatives of concat and split are each other; reverse
 * mode joins the gradients of all the parts of one tensor in one concat ({@link #gradientJoin}).
 *
 * @param axis the normalised axis that is split
 * @param start the first position of the part
 * @param length the number of positions in the part
 */
public record Split(int axis, int start, int length) implements Op {
  @Override
  public String name() {
    return "split";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    Shape x = inputs.get(0);
    AxisBlocks.requireAxis(x, axis, "split");
    if (start < 0 || length < 0 || start + length > x.dim(axis)) {
      throw new IllegalArgumentException("the part [" + start + ", " + (start + length)
          + ") along axis " + axis + " does not fit in " + x + ", whose axis " + axis + " has "
          + x.dim(axis) + " positions");
    }
    return AxisBlocks.replace(x, axis, axis + 1, length);
  }

  @Override
  public void forward(Tensor[] inputs, Tensor out) {
    Shape x = inputs[0].shape();
    int outer = AxisBlocks.outer(x, axis);
    int inner = AxisBlocks.inner(x, axis + 1);
    int row = x.dim(axis) * inner;
    int block = length * inner;
    for (int o = 0; o < outer; o++) {
      System.arraycopy(AxisBlocks.storage(inputs[0]), o * row + start * inner,
          AxisBlocks.storage(out), o * block, block);
    }
  }

  /** Returns true: it moves elements, which it does in either dtype. */
  @Override
  public boolean supports(DType dtype) {
    return true;
  }

  /**
   * Returns the gradient put back in place between zeros: the join of this part alone, a {@link
   * Concat} of zeros, {@code upstream} and zeros along the axis.
   */
  @Override
  public Node vjp(Node output, Node upstream, int input) {
    return new Parts(axis).vjp(List.of(output), List.of(upstream), input);
  }

  /**
   * Returns the join of the parts split along this axis: reverse mode puts the gradients of all
   * the parts of one tensor side by side in one concat, with zeros only where no part took one,
   * where summing each part's {@link #vjp} would build one tensor of the whole's shape per part.
   */
  @Override
  public GradientJoin gradientJoin(int input) {
    return new Parts(axis);
  }

  /** Returns the tangent split alike: d split(x) = split(t). */
  @Override
  public Node jvp(Node output, Node tangent, int input) {
    return Op.applyToTangent(output, tangent, input);
  }

  /** Returns that a split is linear. */
  @Override
  public Algebra algebra() {
    return ALGEBRA;
  }

  private static final Algebra ALGEBRA = Algebra.NONE.withLinear(0).withPhrase("a split");

  /**
   * The join of the gradients of parts split along {@code axis} from one tensor: the parts sorted
   * by where they start, each gradient in its place and zeros between, in one concat; parts that
   * overlap (two splits of one tensor) go to further concats, which are summed.
   *
   * @param axis the axis the parts are split along
   */
  private record Parts(int axis) implements GradientJoin {
    @Override
    public Node vjp(List<Node> outputs, List<Node> upstreams, int input) {
      Shape whole = outputs.get(0).inputs().get(input).shape();
      List<Integer> left = new ArrayList<>();
      for (int i = 0; i < outputs.size(); i++) {
        left.add(i);
      }
      left.sort(Comparator.comparingInt(i -> part(outputs.get(i)).start()));
      Node sum = null;
      while (!left.isEmpty()) {
        List<Node> pieces = new ArrayList<>();
        List<Integer> overlapping = new ArrayList<>();
        int end = 0;
        for (int i : left) {
          Split p = part(outputs.get(i));
          if (p.start() < end) {
            overlapping.add(i);
            continue;
          }
          if (p.start() > end) {
            pieces.add(zeros(upstreams.get(i), whole, p.start() - end));
          }
          pieces.add(upstreams.get(i));
          end = p.start() + p.length();
        }
        if (end < whole.dim(axis)) {
          pieces.add(zeros(upstreams.get(left.get(0)), whole, whole.dim(axis) - end));
        }
        Node joined = pieces.size() == 1 ? pieces.get(0)
            : pieces.get(0).graph().apply(new Concat(axis), pieces.toArray(new Node[0]));
        sum = sum == null ? joined : sum.add(joined);
        left = overlapping;
      }
      return sum;
    }

    private static Split part(Node output) {
      return (Split) output.op();
    }

    /** Returns zeros of {@code whole}'s shape but {@code positions} long along the axis. */
    private Node zeros(Node like, Shape whole, int positions) {
      return Concat.zeros(like, AxisBlocks.replace(whole, axis, axis + 1, positions));
    }
  }

  /** Writes split(x, axis a, start:end), the positions taken along the axis. */
  @Override
  public <F> F formula(FormulaWriter<F> w) {
    return w.function("split", w.operand(0), w.axes("axis " + axis + ", " + start + ":"
        + (start + length)));
  }

  @Override
  public Notation notation() {
    return Notation.function("split", "\\operatorname{split}");
  }

  @Override
  public String label() {
    return "split axis " + axis + " [" + start + ", " + (start + length) + ")";
  }
}
