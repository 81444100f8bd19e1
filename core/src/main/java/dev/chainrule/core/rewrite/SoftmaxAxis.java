package dev.chainrule.core.rewrite;

import static dev.chainrule.core.rewrite.Patterns.arg;
import static dev.chainrule.core.rewrite.Patterns.computedBy;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.ops.Axes;
import dev.chainrule.core.graph.ops.Reshape;
import dev.chainrule.core.tensor.Shape;
import java.util.Arrays;
import java.util.function.Function;

/**
 * What the softmax fusions check of the normaliser in a softmax written out (Σ e^z or
 * logsumexp z): that it reduces z over one axis of more than one element (any other reduced axes
 * have size 1), and that it meets z shaped so that it broadcasts back along that axis.
 */
final class SoftmaxAxis {
  private SoftmaxAxis() {}

  /** Returns {@code n} without the reshapes around it: they keep the order of the elements. */
  static Node unreshaped(Node n) {
    while (computedBy(n, Reshape.class)) {
      n = arg(n, 0);
    }
    return n;
  }

  /**
   * Returns the axis k when {@code reduced}, reshapes aside, is {@code reduction} (whose axes
   * {@code axes} reads) of {@code x} over axis k and axes of size 1, and {@code used}, the node
   * computed from it that meets x, broadcasts back along those axes; else null.
   */
  static Integer of(Node used, Node reduced, Class<? extends Op> reduction,
      Function<Op, Axes> axes, Node x) {
    Node n = unreshaped(reduced);
    if (!computedBy(n, reduction) || arg(n, 0) != x) {
      return null;
    }
    Axes reducedAxes = axes.apply(n.op());
    Shape shape = x.shape();
    if (!leftPadded(used.shape(), shape.rank()).equals(reducedAxes.kept(shape))) {
      return null;
    }
    Integer axis = null;
    for (int a : reducedAxes.toArray()) {
      if (shape.dim(a) > 1) {
        if (axis != null) {
          return null;
        }
        axis = a;
      }
    }
    return axis;
  }

  /** Returns {@code s} with leading axes of size 1 up to {@code rank}, as broadcasting reads it. */
  private static Shape leftPadded(Shape s, int rank) {
    if (s.rank() >= rank) {
      return s;
    }
    int[] dims = new int[rank];
    Arrays.fill(dims, 1);
    System.arraycopy(s.dims(), 0, dims, rank - s.rank(), s.rank());
    return Shape.of(dims);
  }
}
