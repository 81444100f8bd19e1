package dev.chainrule.core.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Reference implementations of the tensor kernels written for the tests, independently of the
 * production kernels: one multi-index at a time, offsets computed here, no strides shared with
 * {@link Shape}. Slow and obvious on purpose. Only {@link Tensor#of}, {@link Tensor#toArray()} and
 * {@link Shape#dims()} of the code under test are used, to move data in and out.
 */
public final class Naive {
  /** Which reduction {@link #reduce} computes. */
  public enum Reduction {
    /** The sum. */
    SUM,
    /** The arithmetic mean. */
    MEAN,
    /** The maximum, NaN if any reduced element is NaN. */
    MAX
  }

  private Naive() {}

  /** Returns the product of the dimensions. */
  public static int size(int[] dims) {
    int n = 1;
    for (int d : dims) {
      n *= d;
    }
    return n;
  }

  /** Returns every multi-index of {@code dims} in row-major order. */
  public static List<int[]> indices(int[] dims) {
    List<int[]> out = new ArrayList<>();
    int n = size(dims);
    for (int flat = 0; flat < n; flat++) {
      int[] idx = new int[dims.length];
      int rest = flat;
      for (int d = dims.length - 1; d >= 0; d--) {
        idx[d] = rest % dims[d];
        rest /= dims[d];
      }
      out.add(idx);
    }
    return out;
  }

  /** Returns the row-major flat position of {@code idx} in {@code dims}. */
  public static int flat(int[] dims, int[] idx) {
    int f = 0;
    for (int d = 0; d < dims.length; d++) {
      f = f * dims[d] + idx[d];
    }
    return f;
  }

  /** Returns the element of {@code t} at {@code idx}. */
  public static double at(Tensor t, int[] idx) {
    return t.toArray()[flat(t.shape().dims(), idx)];
  }

  /** Returns NumPy's broadcast of two dimension lists, or null when they clash. */
  public static int[] broadcastDims(int[] a, int[] b) {
    int rank = Math.max(a.length, b.length);
    int[] out = new int[rank];
    for (int i = 0; i < rank; i++) {
      int da = padded(a, rank, i);
      int db = padded(b, rank, i);
      if (da != db && da != 1 && db != 1) {
        return null;
      }
      out[i] = da == 1 ? db : da;
    }
    return out;
  }

  private static int padded(int[] dims, int rank, int i) {
    int j = i - (rank - dims.length);
    return j < 0 ? 1 : dims[j];
  }

  /** Returns the index into an operand of {@code dims} that output index {@code idx} reads. */
  public static int[] source(int[] dims, int[] idx) {
    int[] s = new int[dims.length];
    int lead = idx.length - dims.length;
    for (int i = 0; i < dims.length; i++) {
      s[i] = dims[i] == 1 ? 0 : idx[i + lead];
    }
    return s;
  }

  /** Returns {@code f} applied to every element. */
  public static Tensor unary(Tensor a, DoubleUnaryOperator f) {
    double[] x = a.toArray();
    double[] o = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      o[i] = f.applyAsDouble(x[i]);
    }
    return Tensor.of(o, a.shape().dims());
  }

  /** Returns {@code f(a, b)} elementwise with NumPy broadcasting. */
  public static Tensor binary(Tensor a, Tensor b, DoubleBinaryOperator f) {
    int[] da = a.shape().dims();
    int[] db = b.shape().dims();
    int[] out = broadcastDims(da, db);
    if (out == null) {
      throw new IllegalArgumentException(Arrays.toString(da) + " vs " + Arrays.toString(db));
    }
    double[] x = a.toArray();
    double[] y = b.toArray();
    double[] o = new double[size(out)];
    for (int[] idx : indices(out)) {
      o[flat(out, idx)] = f.applyAsDouble(x[flat(da, source(da, idx))],
          y[flat(db, source(db, idx))]);
    }
    return Tensor.of(o, out);
  }

  /** Returns {@code a} broadcast to {@code target}. */
  public static Tensor broadcastTo(Tensor a, int[] target) {
    return binary(a, Tensor.zeros(target), (x, ignored) -> x);
  }

  /** Returns c ≠ 0 ? a : b elementwise with three-way broadcasting. */
  public static Tensor where(Tensor c, Tensor a, Tensor b) {
    int[] out = broadcastDims(c.shape().dims(), broadcastDims(a.shape().dims(), b.shape().dims()));
    Tensor cc = broadcastTo(c, out);
    Tensor aa = broadcastTo(a, out);
    Tensor bb = broadcastTo(b, out);
    double[] x = cc.toArray();
    double[] y = aa.toArray();
    double[] z = bb.toArray();
    double[] o = new double[x.length];
    for (int i = 0; i < o.length; i++) {
      o[i] = x[i] != 0 ? y[i] : z[i];
    }
    return Tensor.of(o, out);
  }

  /** Returns the reduction of {@code a} over {@code axes} (none means all). */
  public static Tensor reduce(Tensor a, int[] axes, boolean keepDims, Reduction kind) {
    int[] dims = a.shape().dims();
    boolean[] reduced = new boolean[dims.length];
    for (int ax : axes) {
      reduced[ax] = true;
    }
    if (axes.length == 0) {
      Arrays.fill(reduced, true);
    }
    List<Integer> outDims = new ArrayList<>();
    for (int i = 0; i < dims.length; i++) {
      if (!reduced[i]) {
        outDims.add(dims[i]);
      } else if (keepDims) {
        outDims.add(1);
      }
    }
    int[] kept = new int[dims.length];
    for (int i = 0; i < dims.length; i++) {
      kept[i] = reduced[i] ? 1 : dims[i];
    }
    double[] acc = new double[size(kept)];
    int[] count = new int[acc.length];
    Arrays.fill(acc, kind == Reduction.MAX ? Double.NEGATIVE_INFINITY : 0.0);
    double[] x = a.toArray();
    for (int[] idx : indices(dims)) {
      int[] k = idx.clone();
      for (int i = 0; i < k.length; i++) {
        k[i] = reduced[i] ? 0 : k[i];
      }
      int o = flat(kept, k);
      double v = x[flat(dims, idx)];
      count[o]++;
      if (kind == Reduction.MAX) {
        acc[o] = Double.isNaN(v) || Double.isNaN(acc[o]) ? Double.NaN : Math.max(acc[o], v);
      } else {
        acc[o] += v;
      }
    }
    if (kind == Reduction.MEAN) {
      for (int i = 0; i < acc.length; i++) {
        acc[i] /= count[i];
      }
    }
    return Tensor.of(acc, outDims.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Returns {@code a} with axes permuted: output axis i is input axis {@code perm[i]}. */
  public static Tensor transpose(Tensor a, int[] perm) {
    int[] dims = a.shape().dims();
    int[] out = new int[perm.length];
    for (int i = 0; i < perm.length; i++) {
      out[i] = dims[perm[i]];
    }
    double[] x = a.toArray();
    double[] o = new double[x.length];
    for (int[] j : indices(out)) {
      int[] src = new int[dims.length];
      for (int i = 0; i < perm.length; i++) {
        src[perm[i]] = j[i];
      }
      o[flat(out, j)] = x[flat(dims, src)];
    }
    return Tensor.of(o, out);
  }

  /** Returns op(a)·op(b) by the textbook triple loop, op transposing when its flag is set. */
  public static Tensor matmul(Tensor a, boolean ta, Tensor b, boolean tb) {
    Tensor x = ta ? transpose(a, new int[] {1, 0}) : a;
    Tensor y = tb ? transpose(b, new int[] {1, 0}) : b;
    int m = x.shape().dims()[0];
    int k = x.shape().dims()[1];
    int n = y.shape().dims()[1];
    if (y.shape().dims()[0] != k) {
      throw new IllegalArgumentException("inner dimensions differ");
    }
    double[] xs = x.toArray();
    double[] ys = y.toArray();
    double[] o = new double[m * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          s += xs[flat(new int[] {m, k}, new int[] {i, p})] * ys[flat(new int[] {k, n},
              new int[] {p, j})];
        }
        o[i * n + j] = s;
      }
    }
    return Tensor.of(o, m, n);
  }

  /** Returns softmax (or log-softmax) along {@code axis} straight from the definition. */
  public static Tensor softmax(Tensor a, int axis, boolean log) {
    int[] dims = a.shape().dims();
    double[] x = a.toArray();
    double[] o = new double[x.length];
    for (int[] idx : indices(dims)) {
      double denominator = 0;
      int[] lane = idx.clone();
      for (int j = 0; j < dims[axis]; j++) {
        lane[axis] = j;
        denominator += Math.exp(x[flat(dims, lane)]);
      }
      double v = x[flat(dims, idx)];
      o[flat(dims, idx)] = log ? v - Math.log(denominator) : Math.exp(v) / denominator;
    }
    return Tensor.of(o, dims);
  }

  /** Returns max over elements of |a − b| / max(1, |b|); shapes must be equal. */
  public static double maxScaledDifference(Tensor a, Tensor b) {
    if (!Arrays.equals(a.shape().dims(), b.shape().dims())) {
      throw new AssertionError("shapes differ: " + a.shape() + " vs " + b.shape());
    }
    double[] x = a.toArray();
    double[] y = b.toArray();
    double worst = 0;
    for (int i = 0; i < x.length; i++) {
      if (Double.isNaN(x[i]) != Double.isNaN(y[i])) {
        return Double.POSITIVE_INFINITY;
      }
      if (!Double.isNaN(x[i]) && x[i] != y[i]) {
        worst = Math.max(worst, Math.abs(x[i] - y[i]) / Math.max(1, Math.abs(y[i])));
      }
    }
    return worst;
  }
}
