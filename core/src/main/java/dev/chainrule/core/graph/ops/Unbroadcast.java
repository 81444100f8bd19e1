package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Sums a gradient back to the shape of an input that was broadcast: over the leading axes the
 * input lacked and over the axes where it had size 1. A bias b of shape (n, 1) added to Z of shape
 * (n, m) thus receives db = Σ over axis 1 of dZ.
 */
public final class Unbroadcast {
  private Unbroadcast() {}

  /** Returns {@code gradient} summed to {@code target}, or {@code gradient} itself if it fits. */
  public static Node sumTo(Node gradient, Shape target) {
    Shape g = gradient.shape();
    if (g.equals(target)) {
      return gradient;
    }
    int lead = g.rank() - target.rank();
    List<Integer> axes = new ArrayList<>();
    for (int i = 0; i < g.rank(); i++) {
      if (i < lead || (target.dim(i - lead) == 1 && g.dim(i) != 1)) {
        axes.add(i);
      }
    }
    int[] ax = axes.stream().mapToInt(Integer::intValue).toArray();
    Node summed = lead == 0 ? gradient.sumKeepDims(ax) : gradient.sum(ax);
    return summed.shape().equals(target) ? summed : summed.reshape(target.dims());
  }
}
