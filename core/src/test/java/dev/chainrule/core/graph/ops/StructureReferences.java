package dev.chainrule.core.graph.ops;

import dev.chainrule.core.tensor.Naive;
import dev.chainrule.core.tensor.Tensor;
import java.util.Arrays;

/**
 * Second implementations, written element by element, of the structure ops of issue 14 (slice,
 * pad, batched matmul) for the catalogue: positions are given as explicit index lists worked out
 * by hand, not by the code under test.
 */
final class StructureReferences {
  private StructureReferences() {}

  /** Returns the elements of {@code x} at the listed positions of each axis. */
  static Tensor gather(Tensor x, int[][] positions) {
    int[] dims = Arrays.stream(positions).mapToInt(p -> p.length).toArray();
    double[] out = new double[Naive.size(dims)];
    for (int[] idx : Naive.indices(dims)) {
      int[] from = new int[idx.length];
      Arrays.setAll(from, d -> positions[d][idx[d]]);
      out[Naive.flat(dims, idx)] = Naive.at(x, from);
    }
    return Tensor.of(out, dims);
  }

  /** Returns a tensor of {@code dims} holding {@code fill}, with x's elements at the positions. */
  static Tensor place(Tensor x, int[] dims, int[][] positions, double fill) {
    double[] out = new double[Naive.size(dims)];
    Arrays.fill(out, fill);
    for (int[] idx : Naive.indices(x.shape().dims())) {
      int[] to = new int[idx.length];
      Arrays.setAll(to, d -> positions[d][idx[d]]);
      out[Naive.flat(dims, to)] = Naive.at(x, idx);
    }
    return Tensor.of(out, dims);
  }

  /** Returns the batched product of a (…, m, k) and b (…, k, n), batch axes broadcast. */
  static Tensor batchMatmul(Tensor a, Tensor b) {
    int[] da = a.shape().dims();
    int[] db = b.shape().dims();
    int[] batch = Naive.broadcastDims(Arrays.copyOf(da, da.length - 2),
        Arrays.copyOf(db, db.length - 2));
    int m = da[da.length - 2];
    int k = da[da.length - 1];
    int n = db[db.length - 1];
    int[] dims = Arrays.copyOf(batch, batch.length + 2);
    dims[batch.length] = m;
    dims[batch.length + 1] = n;
    double[] out = new double[Naive.size(dims)];
    for (int[] idx : Naive.indices(dims)) {
      int[] ia = Naive.source(da, idx);
      int[] ib = Naive.source(db, idx);
      double s = 0;
      for (int j = 0; j < k; j++) {
        ia[da.length - 2] = idx[batch.length];
        ia[da.length - 1] = j;
        ib[db.length - 2] = j;
        ib[db.length - 1] = idx[batch.length + 1];
        s += Naive.at(a, ia) * Naive.at(b, ib);
      }
      out[Naive.flat(dims, idx)] = s;
    }
    return Tensor.of(out, dims);
  }
}
