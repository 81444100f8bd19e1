package dev.chainrule.core.graph;

import dev.chainrule.core.tensor.Window2d;

/**
 * The operations on images every {@link Node} offers, NCHW with the samples first: convolution,
 * max and average pooling, and dropout, e.g. {@code x.conv2d(w, Window2d.of(1, 2, 1), 1)
 * .add(b).relu().maxPool2d(2)}. Each method adds one node; the operations live in their own files
 * under {@code dev.chainrule.core.graph.ops}, which also implements the methods that build them
 * (a graph's nodes are made there), so that this package names no operation. {@link NodeAlgebra}
 * has the rest.
 */
public abstract class ImageAlgebra {
  ImageAlgebra() {}

  abstract Node self();

  /** Returns the graph the node belongs to. */
  public abstract Graph graph();

  /**
   * Returns the 2-D convolution {@code kernel} ⋆ this of an NCHW input (n, c, h, w) with a kernel
   * (f, c / groups, kh, kw), sliding by {@code window}: Z = W ⋆ X, of shape (n, f, oh, ow).
   */
  public abstract Node conv2d(Node kernel, Window2d window, int groups);

  /** Returns the convolution {@code kernel} ⋆ this with stride 1, no padding, one group. */
  public final Node conv2d(Node kernel) {
    return conv2d(kernel, Window2d.DENSE, 1);
  }

  /** Returns the maximum of every (kh, kw) window of an NCHW tensor, sliding by {@code window}. */
  public abstract Node maxPool2d(int kh, int kw, Window2d window);

  /** Returns the maximum of every size × size window, windows side by side (stride = size). */
  public final Node maxPool2d(int size) {
    return maxPool2d(size, size, Window2d.of(size, 0, 1));
  }

  /** Returns the mean of every (kh, kw) window of an NCHW tensor, padding counted as 0. */
  public abstract Node avgPool2d(int kh, int kw, Window2d window);

  /** Returns the mean of every size × size window, windows side by side (stride = size). */
  public final Node avgPool2d(int size) {
    return avgPool2d(size, size, Window2d.of(size, 0, 1));
  }

  /**
   * Returns this ∘ mask: inverted dropout, each element zeroed with probability {@code rate} and
   * the rest scaled by 1/(1 − rate); the mask is drawn from {@code seed} and the scalar node
   * {@code draw}, which a training loop advances once per step (see the operation {@code
   * DropoutMask}).
   */
  public abstract Node dropout(double rate, long seed, Node draw);
}
