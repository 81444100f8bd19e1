package dev.chainrule.core.tensor;

import java.util.function.DoubleBinaryOperator;

/**
 * A walk over a target shape in row-major order reading up to three operands broadcast to it,
 * with each operand's strides (0 along its broadcast axes) worked out once: the prepared form of
 * {@link Broadcast#into}, which uses it too. It keeps a scratch index, so one instance must not
 * run on two threads at once.
 */
public final class BroadcastLoop {
  private final int rank;
  private final int[] dims;
  private final int[][] strides;
  private final int[] index;
  private final int inner;

  /** Prepares reads of {@code operands} (one to three shapes) broadcast to {@code target}. */
  public BroadcastLoop(Shape target, Shape... operands) {
    this.rank = target.rank();
    this.dims = target.dims();
    this.strides = new int[operands.length][];
    for (int k = 0; k < operands.length; k++) {
      strides[k] = Broadcast.stridesIn(operands[k], target);
    }
    this.index = new int[rank];
    this.inner = rank == 0 ? 1 : dims[rank - 1];
  }

  /** Writes {@code f(a, b)} elementwise into {@code o}, the operands read broadcast. */
  public void apply(double[] a, double[] b, double[] o, DoubleBinaryOperator f) {
    int[] sa = strides[0];
    int[] sb = strides[1];
    int ia = rank == 0 ? 0 : sa[rank - 1];
    int ib = rank == 0 ? 0 : sb[rank - 1];
    java.util.Arrays.fill(index, 0);
    int offA = 0;
    int offB = 0;
    for (int base = 0; base < o.length; base += inner) {
      for (int j = 0, pa = offA, pb = offB; j < inner; j++, pa += ia, pb += ib) {
        o[base + j] = f.applyAsDouble(a[pa], b[pb]);
      }
      for (int d = rank - 2; d >= 0; d--) {
        index[d]++;
        offA += sa[d];
        offB += sb[d];
        if (index[d] < dims[d]) {
          break;
        }
        offA -= sa[d] * dims[d];
        offB -= sb[d] * dims[d];
        index[d] = 0;
      }
    }
  }

  /** Writes the single operand {@code a}, read broadcast, into {@code o}. */
  public void copy(double[] a, double[] o) {
    int[] sa = strides[0];
    int ia = rank == 0 ? 0 : sa[rank - 1];
    java.util.Arrays.fill(index, 0);
    int offA = 0;
    for (int base = 0; base < o.length; base += inner) {
      for (int j = 0, pa = offA; j < inner; j++, pa += ia) {
        o[base + j] = a[pa];
      }
      for (int d = rank - 2; d >= 0; d--) {
        index[d]++;
        offA += sa[d];
        if (index[d] < dims[d]) {
          break;
        }
        offA -= sa[d] * dims[d];
        index[d] = 0;
      }
    }
  }
}
