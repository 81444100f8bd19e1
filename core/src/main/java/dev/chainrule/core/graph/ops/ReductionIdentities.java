package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.Rewrite;
import dev.chainrule.core.tensor.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The identities {@link Sum} and {@link Mean} share: a reduction over axes of size 1 is a reshape
 * at most, and reducing x broadcast along exactly the reduced axes gives n·x (a sum) or x (a
 * mean).
 */
final class ReductionIdentities {
  private ReductionIdentities() {}

  /** Returns the simpler form of {@code op} over {@code axes} applied to {@code in}, or null. */
  static Node simplified(Op op, Axes axes, boolean mean, List<Node> in, Rewrite.Context c) {
    Node x = in.get(0);
    Shape out = op.inferShape(List.of(x.shape()));
    if (axes.count(x.shape()) == 1) {
      return c.fired(op.name() + " over axes of size 1 dropped", reshaped(x, out, c));
    }
    if (!c.is(x, BroadcastTo.class)) {
      return null;
    }
    Node source = Terms.arg(x, 0);
    int[] spread = broadcastAxes(source.shape(), x.shape());
    if (!Arrays.equals(spread, axes.toArray()) || source.shape().size() != out.size()) {
      return null;
    }
    Node same = reshaped(source, out, c);
    int n = x.shape().size() / source.shape().size();
    return c.fired(mean ? "mean of a broadcast → its source" : "Σ of a broadcast → n·x",
        mean ? same : c.apply(Mul.INSTANCE, c.literal(n), same));
  }

  private static Node reshaped(Node x, Shape out, Rewrite.Context c) {
    return x.shape().equals(out) ? x : c.apply(new Reshape(out), x);
  }

  /** Returns the axes of {@code target} along which {@code source} was repeated. */
  private static int[] broadcastAxes(Shape source, Shape target) {
    int lead = target.rank() - source.rank();
    return IntStream.range(0, target.rank())
        .filter(i -> i < lead || (source.dim(i - lead) == 1 && target.dim(i) != 1))
        .toArray();
  }
}
