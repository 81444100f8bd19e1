package dev.chainrule.core.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks {@link BatchedGemm#run} on floats against a triple loop per batch element in double,
 * written here with its own broadcasting of the batch axes, within the float bound of {@link
 * GemmCase}.
 */
class BatchedGemmTest {
  @ParameterizedTest(name = "{0} × {1}, transA={2} transB={3}")
  @CsvSource({
      "'3,5,7', '7,4', false, false",
      "'2,1,5,7', '3,4,7', false, true",
      "'4,7,5', '1,7,6', true, false",
      "'2,3,6,9', '9,1', false, false",
      "'2,0,3', '3,4', false, false"})
  void floatBatchesMatchATripleLoopPerBatch(String aDims, String bDims, boolean ta, boolean tb) {
    Shape sa = Shape.of(parse(aDims));
    Shape sb = Shape.of(parse(bDims));
    Shape out = BatchedGemm.shape(sa, ta, sb, tb);
    Random rnd = new Random(aDims.hashCode() ^ bDims.hashCode());
    float[] a = random(sa.size(), rnd);
    float[] b = random(sb.size(), rnd);
    float[] c = random(out.size(), rnd);
    new BatchedGemm(sa, ta, sb, tb).run(a, b, c);
    int[] od = out.dims();
    int m = od[od.length - 2];
    int n = od[od.length - 1];
    int k = ta ? sa.dim(sa.rank() - 2) : sa.dim(sa.rank() - 1);
    int batches = out.size() / Math.max(1, m * n);
    for (int batch = 0; batch < (m * n == 0 ? 0 : batches); batch++) {
      int ma = matrix(batch, od, sa);
      int mb = matrix(batch, od, sb);
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double s = 0;
          double abs = 0;
          for (int p = 0; p < k; p++) {
            double x = ta ? a[ma + p * m + i] : a[ma + i * k + p];
            double y = tb ? b[mb + j * k + p] : b[mb + p * n + j];
            s += x * y;
            abs += Math.abs(x * y);
          }
          assertEquals(s, c[batch * m * n + i * n + j], 4 * GemmCase.FLOAT_ROUNDOFF * (k + 2) * abs,
              "batch " + batch + " C[" + i + "][" + j + "]");
        }
      }
    }
  }

  /** Returns the offset of the operand's matrix that output batch number {@code batch} reads. */
  private static int matrix(int batch, int[] outDims, Shape operand) {
    int batchRank = outDims.length - 2;
    int rank = operand.rank() - 2;
    int rest = batch;
    int offset = 0;
    int stride = operand.dim(rank) * operand.dim(rank + 1);
    for (int d = batchRank - 1; d >= 0; d--) {
      int index = rest % outDims[d];
      rest /= outDims[d];
      int od = d - (batchRank - rank);
      if (od >= 0) {
        offset += (operand.dim(od) == 1 ? 0 : index) * stride;
        stride *= operand.dim(od);
      }
    }
    return offset;
  }

  private static int[] parse(String dims) {
    return java.util.Arrays.stream(dims.split(",")).mapToInt(Integer::parseInt).toArray();
  }

  private static float[] random(int length, Random rnd) {
    float[] x = new float[length];
    for (int i = 0; i < length; i++) {
      x[i] = rnd.nextFloat() * 2 - 1;
    }
    return x;
  }
}
