package dev.chainrule.core.tensor;

import java.util.List;

/**
 * Reference implementations of the structural operations along one axis (gather, scatter-add,
 * concat, split, stack) for the tests, written one output multi-index at a time from the
 * definitions, independently of the production kernels' block arithmetic.
 */
public final class NaiveStructure {
  private NaiveStructure() {}

  /** Returns y[a…, I…, b…] = x[a…, idx[I…], b…], NumPy's take along {@code axis}. */
  public static Tensor gather(Tensor x, Tensor idx, int axis) {
    int[] xd = x.shape().dims();
    int[] id = idx.shape().dims();
    int[] out = concatDims(slice(xd, 0, axis), id, slice(xd, axis + 1, xd.length));
    double[] values = new double[Naive.size(out)];
    for (int[] o : Naive.indices(out)) {
      int[] src = new int[xd.length];
      System.arraycopy(o, 0, src, 0, axis);
      src[axis] = (int) Naive.at(idx, slice(o, axis, axis + id.length));
      System.arraycopy(o, axis + id.length, src, axis + 1, xd.length - axis - 1);
      values[Naive.flat(out, o)] = Naive.at(x, src);
    }
    return Tensor.of(values, out);
  }

  /** Returns the sum of g's slices into a zero tensor whose axis {@code axis} has {@code size}. */
  public static Tensor scatterAdd(Tensor g, Tensor idx, int axis, int size) {
    int[] gd = g.shape().dims();
    int r = idx.rank();
    int[] out = concatDims(slice(gd, 0, axis), new int[] {size}, slice(gd, axis + r, gd.length));
    double[] values = new double[Naive.size(out)];
    for (int[] p : Naive.indices(gd)) {
      int[] dst = new int[out.length];
      System.arraycopy(p, 0, dst, 0, axis);
      dst[axis] = (int) Naive.at(idx, slice(p, axis, axis + r));
      System.arraycopy(p, axis + r, dst, axis + 1, out.length - axis - 1);
      values[Naive.flat(out, dst)] += Naive.at(g, p);
    }
    return Tensor.of(values, out);
  }

  /** Returns the inputs joined along {@code axis}. */
  public static Tensor concat(List<Tensor> inputs, int axis) {
    int[] out = inputs.get(0).shape().dims();
    int total = 0;
    for (Tensor t : inputs) {
      total += t.shape().dims()[axis];
    }
    out[axis] = total;
    double[] values = new double[Naive.size(out)];
    for (int[] o : Naive.indices(out)) {
      int k = 0;
      int pos = o[axis];
      while (pos >= inputs.get(k).shape().dims()[axis]) {
        pos -= inputs.get(k).shape().dims()[axis];
        k++;
      }
      int[] src = o.clone();
      src[axis] = pos;
      values[Naive.flat(out, o)] = Naive.at(inputs.get(k), src);
    }
    return Tensor.of(values, out);
  }

  /** Returns positions [start, start + length) of x along {@code axis}. */
  public static Tensor part(Tensor x, int axis, int start, int length) {
    int[] out = x.shape().dims();
    out[axis] = length;
    double[] values = new double[Naive.size(out)];
    for (int[] o : Naive.indices(out)) {
      int[] src = o.clone();
      src[axis] += start;
      values[Naive.flat(out, o)] = Naive.at(x, src);
    }
    return Tensor.of(values, out);
  }

  /** Returns the inputs stacked along a new axis at {@code axis}. */
  public static Tensor stack(List<Tensor> inputs, int axis) {
    int[] in = inputs.get(0).shape().dims();
    int[] out = concatDims(slice(in, 0, axis), new int[] {inputs.size()},
        slice(in, axis, in.length));
    double[] values = new double[Naive.size(out)];
    for (int[] o : Naive.indices(out)) {
      int[] src = concatDims(slice(o, 0, axis), new int[0], slice(o, axis + 1, o.length));
      values[Naive.flat(out, o)] = Naive.at(inputs.get(o[axis]), src);
    }
    return Tensor.of(values, out);
  }

  private static int[] slice(int[] a, int from, int to) {
    return java.util.Arrays.copyOfRange(a, from, to);
  }

  private static int[] concatDims(int[] a, int[] b, int[] c) {
    int[] out = new int[a.length + b.length + c.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    System.arraycopy(c, 0, out, a.length + b.length, c.length);
    return out;
  }
}
