package dev.chainrule.core.scalar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.tensor.Shape;
import org.junit.jupiter.api.Test;

/**
 * A comparison read only by the selection after it runs as one loop with it: on every pair of
 * special values compared, and special values chosen (signed zeros and NaN payloads kept bit for
 * bit), the fused loop gives what Java's comparison and conditional give, with the output
 * separate or written over any operand, in float64 and float32; a layout fuses exactly such pairs.
 */
class CompareSelectTest {
  private static final double PAYLOAD = Double.longBitsToDouble(0x7ff0_0000_0000_1234L);
  private static final double[] SPECIAL = {0.0, -0.0, 1.0, -1.0, Double.MIN_VALUE,
      Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, PAYLOAD,
      3.5, 3.5000000000000004};
  private static final Primitive[] COMPARISONS = {Primitive.GT, Primitive.GE, Primitive.LT,
      Primitive.LE, Primitive.EQ};

  private static boolean holds(Primitive p, double x, double y) {
    switch (p) {
      case GT: return x > y;
      case GE: return x >= y;
      case LT: return x < y;
      case LE: return x <= y;
      default: return x == y;
    }
  }

  /** Every (x, y, a, b) of special values, one per element. */
  private static double[][] operands() {
    int m = SPECIAL.length;
    int n = m * m * 4;
    double[][] v = new double[4][n];
    for (int i = 0; i < n; i++) {
      v[0][i] = SPECIAL[i / (4 * m)];
      v[1][i] = SPECIAL[i / 4 % m];
      v[2][i] = i % 4 < 2 ? -0.0 : PAYLOAD;
      v[3][i] = i % 2 == 0 ? 0.0 : -3.25;
    }
    return v;
  }

  @Test
  void fusedLoopEqualsJavasComparisonAndConditionalInFloat64() {
    double[][] v = operands();
    int n = v[0].length;
    for (Primitive p : COMPARISONS) {
      for (int aliased = -1; aliased < 4; aliased++) {
        double[][] in = {v[0].clone(), v[1].clone(), v[2].clone(), v[3].clone()};
        double[] o = aliased < 0 ? new double[n] : in[aliased];
        Comparisons.compareSelect(p, o, in[0], in[1], in[2], in[3], 0, n);
        for (int i = 0; i < n; i++) {
          double expected = holds(p, v[0][i], v[1][i]) ? v[2][i] : v[3][i];
          assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(o[i]),
              p + "(" + v[0][i] + ", " + v[1][i] + ") choosing " + v[2][i] + " or " + v[3][i]
                  + (aliased < 0 ? "" : ", written over operand " + aliased));
        }
      }
    }
  }

  @Test
  void fusedLoopEqualsJavasComparisonAndConditionalInFloat32() {
    double[][] v = operands();
    int n = v[0].length;
    for (Primitive p : COMPARISONS) {
      for (int aliased = -1; aliased < 4; aliased++) {
        float[][] in = new float[4][n];
        for (int k = 0; k < 4; k++) {
          for (int i = 0; i < n; i++) {
            in[k][i] = (float) v[k][i];
          }
        }
        float[][] original = {in[0].clone(), in[1].clone(), in[2].clone(), in[3].clone()};
        float[] o = aliased < 0 ? new float[n] : in[aliased];
        FloatLoops.compareSelect(p, o, in[0], in[1], in[2], in[3], 0, n);
        for (int i = 0; i < n; i++) {
          float x = original[0][i];
          float y = original[1][i];
          float expected = holds(p, x, y) ? original[2][i] : original[3][i];
          assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(o[i]),
              p + "(" + x + ", " + y + ") in float32"
                  + (aliased < 0 ? "" : ", written over operand " + aliased));
        }
      }
    }
  }

  /**
   * where(x &gt; y, a, b) over a chunked shape: the two instructions run as one, same values, in
   * the float64 and the float32 chunk loop.
   */
  @Test
  void aLayoutFusesAComparisonReadOnlyByTheSelectionAfterIt() {
    Program.Builder b = new Program.Builder(4);
    b.output(b.apply(Primitive.SELECT, b.apply(Primitive.GT, 0, 1), 2, 3));
    Program where = b.build();
    Shape shape = Shape.of(3, 700);
    Layout layout = new Layout(where, shape, shape, shape, shape, Shape.of());
    assertArrayEquals(new boolean[] {true, false}, layout.selectsNext);
    double[][] in = new double[4][];
    for (int k = 0; k < 3; k++) {
      in[k] = new double[shape.size()];
      for (int i = 0; i < shape.size(); i++) {
        in[k][i] = SPECIAL[(i * (k + 3) + k) % SPECIAL.length];
      }
    }
    in[3] = new double[] {-0.0};
    double[][] out = {new double[shape.size()]};
    new ChunkLoop(layout, null).run(in, out, 0, shape.size());
    float[][] floats = new float[4][];
    for (int k = 0; k < 4; k++) {
      floats[k] = new float[in[k].length];
      for (int i = 0; i < in[k].length; i++) {
        floats[k][i] = (float) in[k][i];
      }
    }
    float[][] floatOut = {new float[shape.size()]};
    new FloatChunkLoop(layout, null).run(floats, floatOut, 0, shape.size());
    for (int i = 0; i < shape.size(); i++) {
      double expected = in[0][i] > in[1][i] ? in[2][i] : -0.0;
      assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(out[0][i]),
          "element " + i);
      float x = floats[0][i];
      float y = floats[1][i];
      float expectedFloat = x > y ? floats[2][i] : -0.0f;
      assertEquals(Float.floatToRawIntBits(expectedFloat), Float.floatToRawIntBits(floatOut[0][i]),
          "float32 element " + i);
    }
  }

  /** A comparison that is also an output, or read twice, runs on its own. */
  @Test
  void aComparisonReadElsewhereIsNotFused() {
    Program.Builder b = new Program.Builder(4);
    int t = b.apply(Primitive.GE, 0, 1);
    b.output(b.apply(Primitive.SELECT, t, 2, 3));
    b.output(t);
    Shape shape = Shape.of(1000);
    Layout kept = new Layout(b.build(), shape, shape, shape, shape, shape);
    assertArrayEquals(new boolean[] {false, false}, kept.selectsNext);
    Program.Builder twice = new Program.Builder(3);
    int u = twice.apply(Primitive.LT, 0, 1);
    twice.output(twice.apply(Primitive.SELECT, u, u, 2));
    Layout read = new Layout(twice.build(), shape, shape, shape, shape);
    assertArrayEquals(new boolean[] {false, false}, read.selectsNext);
  }
}
