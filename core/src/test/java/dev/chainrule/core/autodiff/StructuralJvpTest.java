package dev.chainrule.core.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ops.MaxPool2d;
import dev.chainrule.core.graph.ops.ScatterAdd;
import dev.chainrule.core.tensor.Samples;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.Window2d;
import dev.chainrule.core.testing.Close;
import dev.chainrule.core.testing.FiniteDifferences;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Forward mode through the structural operations against values derived independently: the
 * tangent of a convolution, a matrix product, a max pooling (ties included), a padding with a fill
 * value, a concatenation, a stack, a gather and a scatter-add, each recomputed by direct loops
 * over the tangents in the test; and a small convolutional network against central differences.
 */
class StructuralJvpTest {
  private static final double TOLERANCE = 1e-12;

  private static Tensor value(Node n) {
    return Plan.compile(n).run(Feeds.none()).get(n).copy();
  }

  private static Node tangent(Node output, List<Node> inputs, List<Node> tangents) {
    return Autodiff.jvp(List.of(output), inputs, tangents).get(0);
  }

  @Test
  void convolutionTangentIsTheConvolutionOfEachTangentWithTheOtherOperand() {
    Random r = new Random(1601);
    Tensor x = Samples.uniform(r, -1, 1, 2, 4, 5, 6);
    Tensor w = Samples.uniform(r, -1, 1, 6, 2, 3, 2);
    Tensor tx = Samples.uniform(r, -1, 1, 2, 4, 5, 6);
    Tensor tw = Samples.uniform(r, -1, 1, 6, 2, 3, 2);
    Window2d window = new Window2d(2, 1, 1, 0, 1, 2);
    Graph g = new Graph();
    Node xn = g.parameter("X", x);
    Node wn = g.parameter("W", w);
    Node z = xn.conv2d(wn, window, 2);
    Node t = tangent(z, List.of(wn, xn), List.of(g.constant("tW", tw), g.constant("tX", tx)));
    Tensor expected = convolve(tw, x, window, 2).add(convolve(w, tx, window, 2));
    Close.assertClose("d(W ⋆ X) = tW ⋆ X + W ⋆ tX", value(t), expected, TOLERANCE, TOLERANCE);
  }

  /** Z[n, o, y, x] = Σ W[o, k, i, j] · X[n, group·cg + k, y·s − p + i·d, x·s − p + j·d]. */
  private static Tensor convolve(Tensor w, Tensor x, Window2d win, int groups) {
    int n = x.shape().dim(0);
    int c = x.shape().dim(1);
    int h = x.shape().dim(2);
    int wd = x.shape().dim(3);
    int f = w.shape().dim(0);
    int kh = w.shape().dim(2);
    int kw = w.shape().dim(3);
    int oh = (h + 2 * win.padH() - win.dilationH() * (kh - 1) - 1) / win.strideH() + 1;
    int ow = (wd + 2 * win.padW() - win.dilationW() * (kw - 1) - 1) / win.strideW() + 1;
    int cg = c / groups;
    Tensor z = Tensor.zeros(n, f, oh, ow);
    for (int b = 0; b < n; b++) {
      for (int o = 0; o < f; o++) {
        int first = o / (f / groups) * cg;
        for (int y = 0; y < oh; y++) {
          for (int xx = 0; xx < ow; xx++) {
            double s = 0;
            for (int k = 0; k < cg; k++) {
              for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                  int yy = y * win.strideH() - win.padH() + i * win.dilationH();
                  int xi = xx * win.strideW() - win.padW() + j * win.dilationW();
                  if (yy >= 0 && yy < h && xi >= 0 && xi < wd) {
                    s += w.get(o, k, i, j) * x.get(b, first + k, yy, xi);
                  }
                }
              }
            }
            z.buffer()[((b * f + o) * oh + y) * ow + xx] = s;
          }
        }
      }
    }
    return z;
  }

  @Test
  void matrixProductTangentIsTheProductRuleWithTransposedOperands() {
    Random r = new Random(1602);
    Tensor a = Samples.uniform(r, -1, 1, 4, 3);
    Tensor b = Samples.uniform(r, -1, 1, 2, 4);
    Tensor ta = Samples.uniform(r, -1, 1, 4, 3);
    Tensor tb = Samples.uniform(r, -1, 1, 2, 4);
    Graph g = new Graph();
    Node an = g.parameter("A", a);
    Node bn = g.parameter("B", b);
    Node c = an.matmul(true, bn, true);
    Node t = tangent(c, List.of(an, bn), List.of(g.constant("tA", ta), g.constant("tB", tb)));
    Tensor expected = Tensor.zeros(3, 2);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 2; j++) {
        double s = 0;
        for (int k = 0; k < 4; k++) {
          s += ta.get(k, i) * b.get(j, k) + a.get(k, i) * tb.get(j, k);
        }
        expected.buffer()[i * 2 + j] = s;
      }
    }
    Close.assertClose("d(Aᵀ·Bᵀ) = tAᵀ·Bᵀ + Aᵀ·tBᵀ", value(t), expected, TOLERANCE, TOLERANCE);
  }

  /**
   * A 4×4 image in 2×2 windows, two of them with tied maxima: the window of 2, 2, 2 takes the
   * first 2 (row 0, column 2) and the window of 7, 7, 7 the first 7 (row 2, column 0), in
   * row-major order, as the vjp scatters to.
   */
  private static final Tensor TIED = Tensor.of(new double[] {
      1, 5, 2, 2,
      3, 0, 2, 1,
      7, 7, 0, -1,
      7, 6, -3, -2}, 1, 1, 4, 4);

  @Test
  void maxPoolTangentIsTheTangentAtEachWindowsFirstMaximum() {
    Graph g = new Graph();
    Node x = g.parameter("X", TIED);
    double[] positions = new double[16];
    for (int i = 0; i < 16; i++) {
      positions[i] = 10 * (i / 4) + i % 4;
    }
    Node t = tangent(x.maxPool2d(2), List.of(x),
        List.of(g.constant("t", Tensor.of(positions, 1, 1, 4, 4))));
    assertEquals(List.of(1.0, 2.0, 20.0, 22.0), toList(value(t)),
        "the tangent at 10·row + column of each window's first maximum");
  }

  @Test
  void maxPoolTangentBreaksTiesAsTheVjpDoes() {
    Random r = new Random(1603);
    Graph g = new Graph();
    Node x = g.parameter("X", TIED);
    Node out = x.maxPool2d(2);
    Tensor u = Samples.uniform(r, -1, 1, 1, 1, 2, 2);
    Tensor v = Samples.uniform(r, -1, 1, 1, 1, 4, 4);
    MaxPool2d op = (MaxPool2d) out.op();
    Node jv = op.jvp(out, g.constant("v", v), 0);
    Node ju = op.vjp(out, g.constant("u", u), 0);
    assertEquals(value(ju).mul(v).sum().item(), value(jv).mul(u).sum().item(), TOLERANCE,
        "⟨u, J·v⟩ = ⟨Jᵀ·u, v⟩ at tied maxima");
  }

  @Test
  void overlappingPaddedMaxPoolTangentMatchesALoopOverTheWindows() {
    Random r = new Random(1604);
    Tensor x = Samples.uniform(r, 0, 3, 1, 2, 5, 5);
    for (int i = 0; i < x.size(); i++) {
      x.buffer()[i] = Math.floor(x.buffer()[i]);
    }
    Tensor t = Samples.uniform(r, -1, 1, 1, 2, 5, 5);
    Graph g = new Graph();
    Node xn = g.parameter("X", x);
    Node tangent = tangent(xn.maxPool2d(3, 3, Window2d.of(1, 1, 1)), List.of(xn),
        List.of(g.constant("t", t)));
    Tensor expected = Tensor.zeros(1, 2, 5, 5);
    for (int c = 0; c < 2; c++) {
      for (int y = 0; y < 5; y++) {
        for (int xx = 0; xx < 5; xx++) {
          int[] at = firstMaximum(x, c, y - 1, xx - 1);
          expected.buffer()[(c * 5 + y) * 5 + xx] = t.get(0, c, at[0], at[1]);
        }
      }
    }
    Close.assertClose("tangent at the first maximum of each 3×3 window", value(tangent), expected,
        0, 0);
  }

  /** Returns the row and column of the first largest element of a 3×3 window inside the image. */
  private static int[] firstMaximum(Tensor x, int c, int top, int left) {
    int[] best = null;
    for (int i = top; i < top + 3; i++) {
      for (int j = left; j < left + 3; j++) {
        boolean inside = i >= 0 && i < 5 && j >= 0 && j < 5;
        if (inside && (best == null || x.get(0, c, i, j) > x.get(0, c, best[0], best[1]))) {
          best = new int[] {i, j};
        }
      }
    }
    return best;
  }

  @Test
  void paddingWithAFillValueGivesTheTangentZerosAroundIt() {
    Random r = new Random(1605);
    Tensor tv = Samples.uniform(r, -1, 1, 2, 3);
    Graph g = new Graph();
    Node x = g.parameter("x", Samples.uniform(r, -1, 1, 2, 3));
    Node padded = x.pad(new int[][] {{1, 0}, {2, 1}}, 1.5);
    Tensor expected = Tensor.zeros(3, 6);
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 3; j++) {
        expected.buffer()[(1 + i) * 6 + 2 + j] = tv.get(i, j);
      }
    }
    assertEquals(1.5, value(padded).get(0, 0), "the fill value itself");
    Close.assertClose("d pad(x, 1.5) = pad(t, 0)",
        value(tangent(padded, List.of(x), List.of(g.constant("t", tv)))), expected, 0, 0);
  }

  @Test
  void concatTangentHoldsEachMovingInputsTangentInPlaceAndZerosForTheRest() {
    Random r = new Random(1606);
    Graph g = new Graph();
    Node a = g.parameter("a", Samples.uniform(r, -1, 1, 2, 3));
    Node b = g.parameter("b", Samples.uniform(r, -1, 1, 2, 1));
    Node c = g.parameter("c", Samples.uniform(r, -1, 1, 2, 2));
    Tensor tb = Samples.uniform(r, -1, 1, 2, 1);
    Tensor tc = Samples.uniform(r, -1, 1, 2, 2);
    Node t = tangent(a.concat(1, b, c), List.of(b, c),
        List.of(g.constant("tb", tb), g.constant("tc", tc)));
    Tensor expected = Tensor.matrix(
        new double[] {0, 0, 0, tb.get(0, 0), tc.get(0, 0), tc.get(0, 1)},
        new double[] {0, 0, 0, tb.get(1, 0), tc.get(1, 0), tc.get(1, 1)});
    Close.assertClose("d concat(a, b, c) = concat(0, tb, tc)", value(t), expected, 0, 0);
  }

  @Test
  void stackTangentStacksTheTangentsAlongTheNewAxis() {
    Random r = new Random(1607);
    Graph g = new Graph();
    Node[] in = new Node[3];
    for (int k = 0; k < 3; k++) {
      in[k] = g.parameter("x" + k, Samples.uniform(r, -1, 1, 2, 3));
    }
    Tensor t0 = Samples.uniform(r, -1, 1, 2, 3);
    Tensor t2 = Samples.uniform(r, -1, 1, 2, 3);
    Node t = tangent(in[0].stack(1, in[1], in[2]), List.of(in[0], in[2]),
        List.of(g.constant("t0", t0), g.constant("t2", t2)));
    Tensor expected = Tensor.zeros(2, 3, 3);
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 3; j++) {
        expected.buffer()[(i * 3) * 3 + j] = t0.get(i, j);
        expected.buffer()[(i * 3 + 2) * 3 + j] = t2.get(i, j);
      }
    }
    Close.assertClose("d stack(x0, x1, x2) = stack(t0, 0, t2)", value(t), expected, 0, 0);
  }

  private static final Tensor INDICES = Tensor.of(new double[] {2, 0, 2, 3}, 2, 2);

  @Test
  void gatherTangentGathersTheTangentRows() {
    Random r = new Random(1608);
    Tensor tt = Samples.uniform(r, -1, 1, 4, 3);
    Graph g = new Graph();
    Node table = g.parameter("E", Samples.uniform(r, -1, 1, 4, 3));
    Node picked = table.gather(g.constant("I", INDICES), 0);
    Tensor expected = Tensor.zeros(2, 2, 3);
    for (int p = 0; p < 4; p++) {
      for (int j = 0; j < 3; j++) {
        expected.buffer()[p * 3 + j] = tt.get((int) INDICES.buffer()[p], j);
      }
    }
    Close.assertClose("d gather(E, I) = gather(tE, I)",
        value(tangent(picked, List.of(table), List.of(g.constant("tE", tt)))), expected, 0, 0);
  }

  @Test
  void scatterAddTangentAddsTheTangentsOfRepeatedIndices() {
    Random r = new Random(1609);
    Tensor tv = Samples.uniform(r, -1, 1, 2, 2, 3);
    Graph g = new Graph();
    Node values = g.parameter("G", Samples.uniform(r, -1, 1, 2, 2, 3));
    Node spread = g.apply(new ScatterAdd(0, 4, null), values, g.constant("I", INDICES));
    Tensor expected = Tensor.zeros(4, 3);
    for (int p = 0; p < 4; p++) {
      for (int j = 0; j < 3; j++) {
        expected.buffer()[(int) INDICES.buffer()[p] * 3 + j] += tv.buffer()[p * 3 + j];
      }
    }
    Close.assertClose("d scatter_add(G, I) = scatter_add(tG, I)",
        value(tangent(spread, List.of(values), List.of(g.constant("tG", tv)))), expected,
        TOLERANCE, TOLERANCE);
  }

  @Test
  void aSmallConvolutionalNetworkMatchesCentralDifferences() {
    Random r = new Random(1610);
    Graph g = new Graph();
    Node x = g.parameter("X", Samples.uniform(r, -1, 1, 2, 3, 6, 6));
    Node w = g.parameter("W", Samples.uniform(r, -1, 1, 4, 3, 3, 3));
    Node v = g.parameter("V", Samples.uniform(r, -1, 1, 5, 16));
    Node features = x.conv2d(w, Window2d.of(1, 1, 1), 1).maxPool2d(3).reshape(2, 16);
    Node out = v.matmul(false, features, true).transpose(1, 0)
        .pad(new int[][] {{1, 0}, {0, 2}}, 0.0);
    List<Node> moving = List.of(x, w, v);
    List<Tensor> directions = List.of(Samples.uniform(r, -1, 1, 2, 3, 6, 6),
        Samples.uniform(r, -1, 1, 4, 3, 3, 3), Samples.uniform(r, -1, 1, 5, 16));
    Node t = tangent(out, moving, directions.stream().map(d -> g.constant("t", d)).toList());
    Plan forward = Plan.compile(out);
    Tensor numeric = FiniteDifferences.directional(forward, List.of(out),
        moving.stream().map(Node::storedValue).toList(), directions, Feeds.none(),
        FiniteDifferences.STEP).get(0);
    Close.assertClose("J·v of conv → maxpool → reshape → matmul → transpose → pad", value(t),
        numeric, 1e-6, 1e-9);
  }

  private static List<Double> toList(Tensor t) {
    return Arrays.stream(t.buffer()).boxed().toList();
  }
}
