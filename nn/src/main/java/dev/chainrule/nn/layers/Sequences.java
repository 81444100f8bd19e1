package dev.chainrule.nn.layers;

import dev.chainrule.core.graph.CreationSite;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Shape;
import java.util.List;

/**
 * How a sequence is laid out in nn: a batch of m sequences of T steps of F features is ONE data
 * tensor of T·F features per sample, step t in features [t·F, (t + 1)·F) — (T·F, m) in the column
 * layout, (m, T·F) in the row layout — so that datasets, batches, trainers and model files work
 * on sequences unchanged. A recurrent layer cuts it into T steps of (F, m) (or (m, F)) along the
 * feature axis and joins its outputs back the same way.
 */
public final class Sequences {
  private Sequences() {}

  /**
   * Returns the T steps of {@code input}, each of {@code features} features, after checking that
   * {@code input} is a batch of sequences of that shape in {@code layout}; {@code who} names the
   * layer in the error.
   */
  public static List<Node> steps(Node input, Layout layout, int steps, int features, String who) {
    requireShape(input, layout, steps * features, who, steps + " steps of " + features
        + " features");
    int[] sizes = new int[steps];
    java.util.Arrays.fill(sizes, features);
    return input.split(layout.featureAxis(), sizes);
  }

  /** Returns the steps joined back into one sequence tensor along the feature axis. */
  public static Node joined(List<Node> steps, Layout layout) {
    if (steps.size() == 1) {
      return steps.get(0);
    }
    return steps.get(0).concat(layout.featureAxis(),
        steps.subList(1, steps.size()).toArray(new Node[0]));
  }

  /**
   * Throws an {@link IllegalArgumentException} naming {@code who}, the input's name and shape, the
   * shape expected and the user's line, unless {@code input} holds {@code width} features per
   * sample in {@code layout}.
   */
  static void requireShape(Node input, Layout layout, int width, String who, String what) {
    Shape s = input.shape();
    if (s.rank() != 2 || layout.features(s) != width) {
      String expected = layout == Layout.COLUMN ? "(" + width + ", m)" : "(m, " + width + ")";
      throw new IllegalArgumentException(who + " takes " + what + " per sample, laid out as "
          + expected + " in the " + layout.id() + " layout, but " + input.name() + " has shape "
          + s + " (at " + CreationSite.here() + ")");
    }
  }

  /** Returns W·x + b in the column layout, x·W + b in the row layout. */
  static Node affine(Layout layout, Node w, Node x, Node b) {
    return (layout == Layout.COLUMN ? w.matmul(x) : x.matmul(w)).add(b);
  }
}
