package dev.chainrule.core.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.tensor.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A program run in chunks over every way an operand can be read — in full, a single number, a
 * row copied once per run (rows shorter than a chunk) or piece by piece (longer), and a general
 * broadcast — against the form evaluated element by element, with the broadcast positions worked
 * out here from the shapes; also split into parts as threads run it.
 */
class ChunkLoopTest {
  private final Random random = new Random(9);

  /** f(x, s, row, col) = relu(x + row)·col − s, then a second output x·s. */
  private static Program program() {
    Program.Builder b = new Program.Builder(4);
    Scalar x = Scalar.argument(0);
    Scalar s = Scalar.argument(1);
    Scalar row = Scalar.argument(2);
    Scalar col = Scalar.argument(3);
    int[] args = {0, 1, 2, 3};
    b.output(b.inline(x.add(row).max(0.0).mul(col).sub(s), args));
    b.output(b.inline(x.mul(s), args));
    return b.build();
  }

  private double[] fill(int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = random.nextGaussian();
    }
    return v;
  }

  private void check(int rows, int cols, int parts) {
    Shape shape = Shape.of(rows, cols);
    Layout layout = new Layout(program(), shape, shape, Shape.of(), Shape.of(cols),
        Shape.of(rows, 1));
    double[][] in = {fill(rows * cols), fill(1), fill(cols), fill(rows)};
    double[][] out = {new double[rows * cols], new double[rows * cols]};
    for (int t = 0; t < parts; t++) {
      new ChunkLoop(layout, null).run(in, out, layout.split(t, parts), layout.split(t + 1, parts));
    }
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        int p = i * cols + j;
        double x = in[0][p];
        double expected = Math.max(x + in[2][j], 0.0) * in[3][i] - in[1][0];
        assertEquals(expected, out[0][p], 0.0, rows + "×" + cols + " at " + i + "," + j);
        assertEquals(x * in[1][0], out[1][p], 0.0, "second output at " + i + "," + j);
      }
    }
  }

  @Test
  void rowsShorterThanAChunkAreCopiedOncePerRun() {
    check(100, 7, 1);
    check(100, 7, 3);
    check(33, 256, 2);
  }

  @Test
  void rowsLongerThanAChunkAreCopiedPieceByPiece() {
    check(5, 1300, 1);
    check(5, 1300, 2);
  }

  @Test
  void modesAreChosenByShape() {
    Shape shape = Shape.of(4, 600);
    Layout l = new Layout(program(), shape, shape, Shape.of(1, 1), Shape.of(1, 600),
        Shape.of(4, 1));
    assertEquals(Layout.Mode.FULL, l.mode(0));
    assertEquals(Layout.Mode.SCALAR, l.mode(1));
    assertEquals(Layout.Mode.ROW, l.mode(2));
    assertEquals(Layout.Mode.BROADCAST, l.mode(3));
    assertEquals(Layout.CHUNK, l.chunk());
    assertEquals(510, new Layout(program(), Shape.of(100, 10), Shape.of(100, 10), Shape.of(),
        Shape.of(10), Shape.of(100, 1)).chunk(), "a chunk is whole rows of a copied row");
  }

  @Test
  void instructionsOnArraysOfTheOutputsSizeRunInPlace() {
    Program.Builder b = new Program.Builder(2);
    int[] args = {0, 1};
    int sum = b.inline(Scalar.argument(0).add(Scalar.argument(1)), args);
    b.output(sum);
    b.output(b.inline(Scalar.argument(0).tanh(), new int[] {sum}));
    Shape shape = Shape.of(3, 700);
    Layout l = new Layout(b.build(), shape, shape, shape);
    assertEquals(true, l.direct[0] && l.direct[1], "both instructions read and write in place");
    assertEquals(0, l.sharedRegisters(), "no registers");
    double[][] in = {fill(2100), fill(2100)};
    double[][] out = {new double[2100], new double[2100]};
    for (int t = 0; t < 3; t++) {
      new ChunkLoop(l, null).run(in, out, l.split(t, 3), l.split(t + 1, 3));
    }
    for (int i = 0; i < 2100; i++) {
      assertEquals(in[0][i] + in[1][i], out[0][i], 0.0);
      assertEquals(Math.tanh(in[0][i] + in[1][i]), out[1][i], 0.0);
    }
  }

  @Test
  void valueNumberingComputesASubexpressionOnce() {
    Program.Builder b = new Program.Builder(1);
    Scalar x = Scalar.argument(0);
    int first = b.inline(x.abs().neg().exp(), new int[] {0});
    int again = b.inline(x.abs().neg().exp().add(1.0), new int[] {0});
    b.output(first);
    b.output(first);
    b.output(again);
    Program p = b.build();
    assertEquals(3 + 1 + 1, p.length(), "abs, neg, exp; add; a copy for the repeated output");
    assertEquals(3, p.outputs().length);
  }
}
