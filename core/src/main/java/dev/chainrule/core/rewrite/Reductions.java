package dev.chainrule.core.rewrite;

import static dev.chainrule.core.rewrite.Patterns.arg;
import static dev.chainrule.core.rewrite.Patterns.is;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.ops.Axes;
import dev.chainrule.core.graph.ops.BroadcastTo;
import dev.chainrule.core.graph.ops.Mean;
import dev.chainrule.core.graph.ops.Mul;
import dev.chainrule.core.graph.ops.Reshape;
import dev.chainrule.core.graph.ops.Sum;
import dev.chainrule.core.tensor.Shape;
import java.util.Arrays;
import java.util.List;

/**
 * Sums of broadcasts and trivial reductions: summing x broadcast along exactly the summed axes is
 * n·x (averaging it is x), and a sum or mean over axes of size 1 is a reshape at most.
 */
final class Reductions implements Rule {
  @Override
  public String name() {
    return "reductions";
  }

  @Override
  public Node rewrite(Op op, List<Node> in, Rewriting r) {
    Axes axes;
    boolean mean;
    if (op instanceof Sum s) {
      axes = s.axes();
      mean = false;
    } else if (op instanceof Mean m) {
      axes = m.axes();
      mean = true;
    } else {
      return null;
    }
    Node x = in.get(0);
    Shape out = op.inferShape(List.of(x.shape()));
    if (axes.count(x.shape()) == 1) {
      return r.fired(op.name() + " over axes of size 1 dropped", reshaped(x, out, r));
    }
    if (is(x, BroadcastTo.class)) {
      Node source = arg(x, 0);
      int[] spread = broadcastAxes(source.shape(), x.shape());
      if (Arrays.equals(spread, axes.toArray()) && source.shape().size() == out.size()) {
        Node same = reshaped(source, out, r);
        int n = x.shape().size() / source.shape().size();
        return r.fired(mean ? "mean of a broadcast → its source" : "Σ of a broadcast → n·x",
            mean ? same : r.apply(Mul.INSTANCE, r.literal(n), same));
      }
    }
    return null;
  }

  private static Node reshaped(Node x, Shape out, Rewriting r) {
    return x.shape().equals(out) ? x : r.apply(new Reshape(out), x);
  }

  /** Returns the axes of {@code target} along which {@code source} was repeated. */
  static int[] broadcastAxes(Shape source, Shape target) {
    int lead = target.rank() - source.rank();
    return java.util.stream.IntStream.range(0, target.rank())
        .filter(i -> i < lead || (source.dim(i - lead) == 1 && target.dim(i) != 1))
        .toArray();
  }
}
