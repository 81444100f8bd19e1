package dev.chainrule.core.graph.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Samples;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An embedding lookup in float32: a gather of 2000 rows of a (50, 8) table, whose gradient is the
 * scatter-add of 2000 rows of the upstream gradient into 50, about 40 per row. The gather copies,
 * so it equals the float64 gather of the same float32 table exactly. Row j of the gradient is a
 * float sum of its K_j upstream rows: |ĝ − g| ≤ γ_{K_j}·Σ|terms| (Higham §3.1, u = 2⁻²⁴), against
 * the sum written out here in float64, which the test allows as (K_j + 1)·u·Σ|terms|.
 */
class Float32GatherTest {
  private static final double U = 0x1p-24;

  @Test
  void anEmbeddingLookupAndItsGradientMatchFloat64WithinTheSumBound() {
    Random r = new Random(8);
    int rows = 50;
    int width = 8;
    int picks = 2000;
    Tensor table = Samples.uniform(r, -1, 1, rows, width).to(DType.FLOAT32);
    double[] idx = new double[picks];
    int[] repeats = new int[rows];
    for (int p = 0; p < picks; p++) {
      idx[p] = r.nextInt(rows);
      repeats[(int) idx[p]]++;
    }
    Tensor upstream = Samples.uniform(r, -1, 1, picks, width).to(DType.FLOAT32);
    Graph g = new Graph(DType.FLOAT32);
    Node x = g.parameter("table", table);
    Node indices = g.constant("ids", Tensor.of(idx, picks).to(DType.FLOAT32));
    Node looked = g.apply(new Gather(0, null), x, indices);
    Node dx = Autodiff.gradients(looked, g.constant("u", upstream), List.of(x)).list().get(0);
    Results res = Plan.compile(looked, dx).run(Feeds.none());
    float[] got = res.get(looked).floatBuffer();
    float[] t = table.floatBuffer();
    for (int p = 0; p < picks; p++) {
      for (int i = 0; i < width; i++) {
        assertEquals(t[(int) idx[p] * width + i], got[p * width + i], 0f, "row " + p);
      }
    }
    float[] gradient = res.get(dx).floatBuffer();
    float[] u = upstream.floatBuffer();
    for (int j = 0; j < rows; j++) {
      for (int i = 0; i < width; i++) {
        double sum = 0;
        double magnitude = 0;
        for (int p = 0; p < picks; p++) {
          if (idx[p] == j) {
            sum += u[p * width + i];
            magnitude += Math.abs(u[p * width + i]);
          }
        }
        double bound = (repeats[j] + 1) * U * magnitude;
        double difference = Math.abs(gradient[j * width + i] - sum);
        assertTrue(difference <= bound, "gradient row " + j + " column " + i + ": float32 "
            + gradient[j * width + i] + ", float64 " + sum + ", difference " + difference
            + " over (" + repeats[j] + " + 1)·u·" + magnitude);
      }
    }
  }

  @Test
  void aFloat32IndexOutOfRangeIsNamedAsInFloat64() {
    Graph g = new Graph(DType.FLOAT32);
    Node x = g.parameter("table", Tensor.zeros(3, 2).to(DType.FLOAT32));
    Node ids = g.constant("ids", Tensor.of(new double[] {1, 3}, 2).to(DType.FLOAT32));
    Node looked = g.apply(new Gather(0, "embedding at Model.java:12"), x, ids);
    IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
        () -> Plan.compile(looked).run(Feeds.none()));
    assertEquals("index 3 at position [1] of the indices (2,) is out of range for an axis of size"
        + " 3 (valid indices are 0 to 2); in embedding at Model.java:12", e.getMessage());
  }
}
