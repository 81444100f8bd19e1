package dev.chainrule.core.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Naive;
import dev.chainrule.core.tensor.Samples;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.testing.Close;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Derivatives of every scalar function differentiated twice (and some three times) by building
 * gradients of gradients, against the closed forms from calculus; and Hessian-vector products of
 * a quadratic form against (A + Aᵀ)·v.
 */
class SecondDerivativeTest {
  /** Closed forms are evaluated in float64 too, so they agree to a few ulps. */
  private static final double TOLERANCE = 1e-12;

  /** A function, the points to evaluate it at, and its first three derivatives in closed form. */
  private record Fn(String name, UnaryOperator<Node> f, double[] at, DoubleUnaryOperator d1,
      DoubleUnaryOperator d2, DoubleUnaryOperator d3) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static final double[] ANY = {-2.5, -0.7, -0.1, 0.3, 1.1, 3.0};
  private static final double[] POSITIVE = {0.2, 0.5, 1.0, 1.7, 4.0};

  static Stream<Fn> functions() {
    DoubleUnaryOperator zero = x -> 0;
    return Stream.of(
        new Fn("sigmoid", Node::sigmoid, ANY,
            x -> sigmoid(x) * (1 - sigmoid(x)),
            x -> sigmoid(x) * (1 - sigmoid(x)) * (1 - 2 * sigmoid(x)),
            x -> sigmoid(x) * (1 - sigmoid(x))
                * (1 - 6 * sigmoid(x) + 6 * sigmoid(x) * sigmoid(x))),
        new Fn("tanh", Node::tanh, ANY,
            x -> 1 - Math.tanh(x) * Math.tanh(x),
            x -> -2 * Math.tanh(x) * (1 - Math.tanh(x) * Math.tanh(x)),
            x -> -2 * (1 - Math.tanh(x) * Math.tanh(x)) * (1 - 3 * Math.tanh(x) * Math.tanh(x))),
        new Fn("exp", Node::exp, ANY, Math::exp, Math::exp, Math::exp),
        new Fn("log", Node::log, POSITIVE, x -> 1 / x, x -> -1 / (x * x), x -> 2 / (x * x * x)),
        new Fn("sqrt", Node::sqrt, POSITIVE, x -> 0.5 / Math.sqrt(x),
            x -> -0.25 / (x * Math.sqrt(x)), x -> 0.375 / (x * x * Math.sqrt(x))),
        new Fn("pow 3", n -> n.pow(3), ANY, x -> 3 * x * x, x -> 6 * x, x -> 6),
        new Fn("pow 0.5", n -> n.pow(0.5), POSITIVE, x -> 0.5 / Math.sqrt(x),
            x -> -0.25 / (x * Math.sqrt(x)), x -> 0.375 / (x * x * Math.sqrt(x))),
        new Fn("pow -1.5", n -> n.pow(-1.5), POSITIVE, x -> -1.5 / (x * x * Math.sqrt(x)),
            x -> 3.75 / (x * x * x * Math.sqrt(x)), x -> -13.125 / (x * x * x * x * Math.sqrt(x))),
        new Fn("pow 2", n -> n.pow(2), ANY, x -> 2 * x, x -> 2, zero),
        new Fn("square", Node::square, ANY, x -> 2 * x, x -> 2, zero),
        new Fn("neg", Node::neg, ANY, x -> -1, zero, zero),
        new Fn("abs", Node::abs, ANY, Math::signum, zero, zero),
        new Fn("relu", Node::relu, ANY, x -> x > 0 ? 1 : 0, zero, zero),
        new Fn("leakyRelu 0.01", n -> n.leakyRelu(0.01), ANY, x -> x > 0 ? 1 : 0.01, zero, zero),
        new Fn("x·x·x", n -> n.mul(n).mul(n), ANY, x -> 3 * x * x, x -> 6 * x, x -> 6),
        new Fn("1/x", n -> n.rsub(0).add(1).div(n).add(1).mul(1), POSITIVE,
            x -> -1 / (x * x), x -> 2 / (x * x * x), x -> -6 / (x * x * x * x)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void derivativesUpToThirdOrderMatchClosedForms(Fn fn) {
    Graph g = new Graph();
    Node x = g.parameter("x", Tensor.of(fn.at(), fn.at().length));
    Node d1 = Autodiff.grad(fn.f().apply(x).sum(), x).get(0);
    Node d2 = Autodiff.grad(d1.sum(), x).get(0);
    Node d3 = Autodiff.grad(d2.sum(), x).get(0);
    Results r = Plan.compile(d1, d2, d3).run(Feeds.none());
    Tensor at = Tensor.of(fn.at(), fn.at().length);
    Close.assertClose(fn + "′", r.get(d1), Naive.unary(at, fn.d1()), TOLERANCE, TOLERANCE);
    Close.assertClose(fn + "″", r.get(d2), Naive.unary(at, fn.d2()), TOLERANCE, TOLERANCE);
    Close.assertClose(fn + "‴", r.get(d3), Naive.unary(at, fn.d3()), TOLERANCE, TOLERANCE);
  }

  static Stream<Arguments> bivariate() {
    return Stream.of(Arguments.of(0.7, -1.3), Arguments.of(-2.0, 0.4), Arguments.of(1.5, 2.5));
  }

  @ParameterizedTest
  @MethodSource("bivariate")
  void hessiansOfProductAndQuotientHaveTheirMixedPartials(double av, double bv) {
    Graph g = new Graph();
    Node a = g.parameter("a", Tensor.scalar(av));
    Node b = g.parameter("b", Tensor.scalar(bv));
    double[][] quotient = {{0, -1 / (bv * bv)}, {-1 / (bv * bv), 2 * av / (bv * bv * bv)}};
    double[][] product = {{0, 1}, {1, 0}};
    assertHessian(a.div(b), a, b, quotient);
    assertHessian(a.mul(b), a, b, product);
    assertHessian(a.sub(b).square(), a, b, new double[][] {{2, -2}, {-2, 2}});
  }

  private static void assertHessian(Node f, Node a, Node b, double[][] expected) {
    List<Node> first = Autodiff.grad(f, a, b);
    for (int i = 0; i < 2; i++) {
      List<Node> row = Autodiff.grad(first.get(i), a, b);
      Results r = Plan.compile(row).run(Feeds.none());
      for (int j = 0; j < 2; j++) {
        assertEquals(expected[i][j], r.scalar(row.get(j)),
            TOLERANCE * (1 + Math.abs(expected[i][j])),
            "∂²f/∂" + (i == 0 ? "a" : "b") + "∂" + (j == 0 ? "a" : "b"));
      }
    }
  }

  @Test
  void hessianVectorProductOfQuadraticFormIsSymmetrisedMatrixTimesV() {
    Random r = new Random(7);
    int n = 5;
    Tensor a = Samples.uniform(r, -1, 1, n, n);
    Tensor x0 = Samples.uniform(r, -1, 1, n, 1);
    Tensor v = Samples.uniform(r, -1, 1, n, 1);
    Tensor aT = Naive.transpose(a, new int[] {1, 0});
    assertEquals(false, a.equals(aT), "A must not be symmetric");

    Graph g = new Graph();
    Node x = g.parameter("x", x0);
    Node matrix = g.constant("A", a);
    Node f = x.matmul(true, matrix.matmul(x), false);
    Node grad = Autodiff.grad(f, x).get(0);
    Node hv = Autodiff.grad(grad.mul(g.constant("v", v)).sum(), x).get(0);
    Results res = Plan.compile(f, grad, hv).run(Feeds.none());

    Tensor symmetric = Naive.binary(a, aT, Double::sum);
    double quadratic = Naive.matmul(x0, true, Naive.matmul(a, false, x0, false), false).item();
    assertEquals(quadratic, res.scalar(f), 1e-13);
    Close.assertClose("∇(xᵀAx) = (A + Aᵀ)x", res.get(grad), Naive.matmul(symmetric, false, x0,
        false), TOLERANCE, TOLERANCE);
    Close.assertClose("H·v = (A + Aᵀ)v", res.get(hv), Naive.matmul(symmetric, false, v, false),
        TOLERANCE, TOLERANCE);
  }
}
