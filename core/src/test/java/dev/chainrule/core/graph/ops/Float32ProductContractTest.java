package dev.chainrule.core.graph.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.ExecOptions;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Naive;
import dev.chainrule.core.tensor.Samples;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Matrix products in float32 at sizes where the float GEMM's accumulation shows, against float64
 * on the same float32-rounded inputs: the forward value against a triple loop written in the
 * tests, the gradients (vjp) and the forward-mode derivative (jvp) against a float64 graph.
 *
 * <p>Tolerance, element by element, from the classic bound of a sum of K products computed in
 * floating point (Higham, Accuracy and Stability of Numerical Algorithms, §3.1): |ĉ − c| ≤
 * γ_K·Σ|aᵢ·bᵢ| with γ_K = K·u/(1 − K·u) and u = 2⁻²⁴ the unit roundoff of float32, whatever the
 * order or blocking of the sum. K is the number of products summed into the element: k for the
 * forward product, the output's size times k over the input's size for a gradient (n for dA, m
 * for dB, times the batches an operand was broadcast over), 2k for the two products of a jvp.
 * The test allows (K + 2)·u·Σ|terms|, the 2 covering γ's denominator and the one rounding of a
 * sum over batches or of the jvp's two terms; the float64 side's own error, K·2⁻⁵³·Σ|terms|, is
 * 2⁻²⁹ of that. Σ|terms| is the same computation in float64 on the absolute values of every
 * operand. A transposition, an index or a stride wrong gives errors of the size of the terms
 * themselves, thousands of times the bound.
 */
class Float32ProductContractTest {
  private static final double U = 0x1p-24;

  /**
   * One product to check.
   *
   * @param name what the case is, for the report
   * @param op the product operation
   * @param a the first operand, before rounding to float32
   * @param b the second operand, before rounding to float32
   * @param reference the float64 product written in the tests
   * @param inner the inner dimension k
   */
  record Case(String name, Op op, Tensor a, Tensor b, BinaryOperator<Tensor> reference,
      int inner) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> products() {
    Random r = new Random(17);
    List<Case> cases = new ArrayList<>();
    int m = 37;
    int k = 300;
    int n = 29;
    for (boolean ta : new boolean[] {false, true}) {
      for (boolean tb : new boolean[] {false, true}) {
        Tensor a = Samples.uniform(r, -1, 1, ta ? k : m, ta ? m : k);
        Tensor b = Samples.uniform(r, -1, 1, tb ? n : k, tb ? k : n);
        cases.add(new Case("matmul " + a.shape() + (ta ? "ᵀ" : "") + "·" + b.shape()
            + (tb ? "ᵀ" : ""), new MatMul(ta, tb), a, b, (x, y) -> product(x, ta, y, tb), k));
      }
    }
    cases.add(new Case("matmul (130, 520)·(520, 70)", MatMul.PLAIN,
        Samples.uniform(r, -1, 1, 130, 520), Samples.uniform(r, 0, 1, 520, 70),
        (x, y) -> product(x, false, y, false), 520));
    for (boolean tb : new boolean[] {false, true}) {
      Tensor a = Samples.uniform(r, -1, 1, 3, 21, 160);
      Tensor b = Samples.uniform(r, -1, 1, tb ? 19 : 160, tb ? 160 : 19);
      cases.add(new Case("batch_matmul " + a.shape() + "·" + b.shape() + (tb ? "ᵀ" : ""),
          new BatchMatMul(false, tb), a, b, (x, y) -> product(x, false, y, tb), 160));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("products")
  void forwardStaysWithinTheAccumulationBound(Case c) {
    Tensor a = rounded(c.a);
    Tensor b = rounded(c.b);
    Tensor expected = c.reference.apply(a, b);
    Tensor magnitude = c.reference.apply(absolute(a), absolute(b));
    Built f32 = new Built(c, a, b, DType.FLOAT32);
    for (ExecOptions o : List.of(ExecOptions.defaults(), ExecOptions.unoptimised())) {
      Tensor got = Plan.compile(List.of(f32.output), o).run(Feeds.none()).get(f32.output);
      assertEquals(DType.FLOAT32, got.dtype());
      assertWithin(got, expected, magnitude, c.inner, "forward");
      assertTrue(differsFromRounded(got, expected), "with " + c.inner + " terms a float "
          + "accumulation rounds some element differently from the float64 product rounded once;"
          + " a kernel widening to double would not");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("products")
  void gradientsStayWithinTheAccumulationBound(Case c) {
    Tensor a = rounded(c.a);
    Tensor b = rounded(c.b);
    Built f32 = new Built(c, a, b, DType.FLOAT32);
    Tensor upstream = rounded(Samples.uniform(new Random(3), -1, 1,
        f32.output.shape().dims()));
    Built f64 = new Built(c, a, b, DType.FLOAT64);
    Built abs = new Built(c, absolute(a), absolute(b), DType.FLOAT64);
    List<Node> g32 = f32.gradients(upstream);
    List<Node> g64 = f64.gradients(upstream);
    List<Node> gAbs = abs.gradients(absolute(upstream));
    Results r32 = Plan.compile(g32).run(Feeds.none());
    Results r64 = Plan.compile(g64).run(Feeds.none());
    Results rAbs = Plan.compile(gAbs).run(Feeds.none());
    long products = (long) f32.output.shape().size() * c.inner;
    for (int i = 0; i < 2; i++) {
      Tensor got = r32.get(g32.get(i));
      assertEquals(DType.FLOAT32, got.dtype());
      double terms = (double) products / f32.params.get(i).shape().size();
      assertWithin(got, r64.get(g64.get(i)), rAbs.get(gAbs.get(i)), terms, "gradient " + i);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("products")
  void tangentsStayWithinTheAccumulationBound(Case c) {
    Tensor a = rounded(c.a);
    Tensor b = rounded(c.b);
    Random r = new Random(5);
    Tensor ta = rounded(Samples.uniform(r, -1, 1, a.shape().dims()));
    Tensor tb = rounded(Samples.uniform(r, -1, 1, b.shape().dims()));
    Tensor got = new Built(c, a, b, DType.FLOAT32).tangent(ta, tb);
    Tensor expected = new Built(c, a, b, DType.FLOAT64).tangent(ta, tb);
    Tensor magnitude = new Built(c, absolute(a), absolute(b), DType.FLOAT64)
        .tangent(absolute(ta), absolute(tb));
    assertEquals(DType.FLOAT32, got.dtype());
    assertWithin(got, expected, magnitude, 2 * c.inner, "jvp");
  }

  /** The case's product of two parameters in a graph of one dtype. */
  private static final class Built {
    final Graph graph;
    final List<Node> params = new ArrayList<>();
    final Node output;

    Built(Case c, Tensor a, Tensor b, DType dtype) {
      graph = new Graph(dtype);
      params.add(graph.parameter("a", a.to(dtype)));
      params.add(graph.parameter("b", b.to(dtype)));
      output = graph.apply(c.op, params.get(0), params.get(1));
    }

    List<Node> gradients(Tensor upstream) {
      Node u = graph.constant("u", upstream.to(graph.dtype()));
      return Autodiff.gradients(output, u, params).list();
    }

    Tensor tangent(Tensor ta, Tensor tb) {
      Node jvp = Autodiff.jvp(List.of(output), params, List.of(
          graph.constant("ta", ta.to(graph.dtype())),
          graph.constant("tb", tb.to(graph.dtype())))).get(0);
      return Plan.compile(jvp).run(Feeds.none()).get(jvp);
    }
  }

  /**
   * The product op(a)·op(b) by the definition, in float64: a a matrix or a stack of them (the
   * batch axis first), b a matrix, broadcast over a's batch.
   */
  static Tensor product(Tensor a, boolean ta, Tensor b, boolean tb) {
    int[] da = a.shape().dims();
    int batches = da.length == 3 ? da[0] : 1;
    int rows = da[da.length - 2];
    int cols = da[da.length - 1];
    int m = ta ? cols : rows;
    int k = ta ? rows : cols;
    int n = tb ? b.shape().dim(0) : b.shape().dim(1);
    double[] x = a.toArray();
    double[] y = b.toArray();
    double[] c = new double[batches * m * n];
    for (int s = 0; s < batches; s++) {
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double sum = 0;
          for (int p = 0; p < k; p++) {
            double xv = x[s * rows * cols + (ta ? p * cols + i : i * cols + p)];
            sum += xv * y[tb ? j * k + p : p * n + j];
          }
          c[(s * m + i) * n + j] = sum;
        }
      }
    }
    int[] dims = da.clone();
    dims[dims.length - 2] = m;
    dims[dims.length - 1] = n;
    return Tensor.of(c, dims);
  }

  private static Tensor rounded(Tensor t) {
    return t.to(DType.FLOAT32).to(DType.FLOAT64);
  }

  private static Tensor absolute(Tensor t) {
    return Naive.unary(t, Math::abs);
  }

  /** Checks |got − expected| ≤ (terms + 2)·u·magnitude element by element. */
  private static void assertWithin(Tensor got, Tensor expected, Tensor magnitude, double terms,
      String what) {
    double[] g = got.to(DType.FLOAT64).toArray();
    double[] e = expected.toArray();
    double[] s = magnitude.toArray();
    assertEquals(e.length, g.length, what + ": sizes");
    for (int i = 0; i < g.length; i++) {
      double bound = (terms + 2) * U * s[i];
      if (!(Math.abs(g[i] - e[i]) <= bound)) {
        fail(what + " element " + i + ": float32 " + g[i] + ", float64 " + e[i] + ", difference "
            + Math.abs(g[i] - e[i]) + " over the bound " + bound + " = (" + terms + " + 2)·u·"
            + s[i]);
      }
    }
  }

  private static boolean differsFromRounded(Tensor got, Tensor expected) {
    float[] g = got.floatBuffer();
    double[] e = expected.toArray();
    for (int i = 0; i < g.length; i++) {
      if (g[i] != (float) e[i]) {
        return true;
      }
    }
    return false;
  }
}
