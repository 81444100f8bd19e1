package dev.chainrule.core.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.testing.Close;
import org.junit.jupiter.api.Test;

/**
 * Jacobians, Hessians, jvps and hvps pinned against PyTorch 1.13's {@code
 * torch.autograd.functional} on the same inputs (written out in both places). The numbers below
 * were printed by {@code core/src/test/resources/torch-reference/derivatives.py}; the test does
 * not need torch.
 */
class DerivativeMatricesTorchTest {
  private static final double TOLERANCE = 1e-12;

  private static final double[][] A = {{0.2, -0.4, 1.0}, {0.7, 0.1, -0.3}, {-0.5, 0.9, 0.4},
      {1.1, -0.8, 0.6}};
  private static final double[][] X = {{0.5, -1.2, 0.3, 2.0, -0.4}, {2.0, 0.1, -0.7, 0.6, 1.3},
      {-0.3, 0.8, 1.1, -1.5, 0.2}};
  private static final double[][] X4 = {{0.5, -1.2, 0.3, 2.0}, {2.0, 0.1, -0.7, 0.6},
      {-0.3, 0.8, 1.1, -1.5}};
  private static final double[][] W = {{0.3, -0.6, 0.2}, {-0.1, 0.4, 0.5}};
  private static final double[][] V = {{1.0, 0.5, -0.5}, {0.2, -1.0, 0.3}};

  /** SOFTMAX_TANH_JACOBIAN, shape (4, 1, 3, 1). */
  private static final double[] SOFTMAX_TANH_JACOBIAN = {
      -0.03569124065054682, -0.042671102632194494, 0.1155533704761577, 0.08924100445731989,
      0.03153741923794172, -0.0829671365516452, -0.02523611853062193, 0.02398569697406296,
      -0.002119011525324356, -0.02831364527615116, -0.012852013579810178, -0.03046722239918817};
  /** LOGISTIC_HESSIAN, shape (1, 3, 1, 3). */
  private static final double[] LOGISTIC_HESSIAN = {
      0.2907034962009292, 0.06515831568820152, -0.1898291079924619, 0.06515831568820152,
      0.3171065647690284, -0.09162315199920763, -0.1898291079924619, -0.09162315199920763,
      0.2039501624751673};
  /** SIGMOID_JACOBIAN, shape (2, 4, 2, 3). */
  private static final double[] SIGMOID_JACOBIAN = {
      0.0932154555823464, 0.3728618223293856, -0.05592927334940784, 0.0, 0.0, 0.0,
      -0.29498657973834436, 0.024582214978195367, 0.19665771982556293, 0.0, 0.0, 0.0,
      0.06583293500322693, -0.15361018167419616, 0.2413874283451654, 0.0, 0.0, 0.0,
      0.49955026986236456, 0.14986508095870937, -0.3746627023967734, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
      0.11439212022832866, 0.45756848091331465, -0.06863527213699719, 0.0, 0.0, 0.0,
      -0.277656845100849, 0.023138070425070753, 0.18510456340056602, 0.0, 0.0, 0.0,
      0.07393028402735839, -0.17250399606383626, 0.2710777081003142, 0.0, 0.0, 0.0,
      0.44192688947158487, 0.13257806684147547, -0.33144516710368865};
  /** TANH_ROWSUM_JVP, shape (2,). */
  private static final double[] TANH_ROWSUM_JVP = {
      1.8054532507131105, -0.8682831044999939};
  /** LOGSUMEXP_HVP, shape (2, 3). */
  private static final double[] LOGSUMEXP_HVP = {
      0.7830310475780659, 0.3739334892677838, -0.6917385940975149, -0.1897590231399554,
      -0.828428727458757, 0.34202430544496804};
  // printed by torch 1.13.0a0

  private static void assertPinned(String what, double[] expected, Node actual, int... dims) {
    assertEquals(Shape.of(dims), actual.shape(), what + "'s shape");
    Close.assertClose(what, actual.value(), Tensor.of(expected, dims), TOLERANCE, TOLERANCE);
  }

  @Test
  void softmaxOfTanhJacobianInBothModes() {
    for (DerivativeMode mode : DerivativeMode.values()) {
      Graph g = new Graph();
      Node x = g.parameter("x", Tensor.column(0.5, -1.2, 0.3));
      Node f = g.constant("A", Tensor.matrix(A)).matmul(x).tanh().softmax(0);
      assertPinned("J " + mode, SOFTMAX_TANH_JACOBIAN, Autodiff.jacobian(f, x, mode), 4, 1, 3, 1);
    }
  }

  @Test
  void logisticLossHessian() {
    Graph g = new Graph();
    Node w = g.parameter("w", Tensor.row(0.1, -0.2, 0.3));
    Node y = g.input("Y", Tensor.row(1, 0, 1, 0, 1));
    Node a = w.matmul(g.input("X", Tensor.matrix(X))).add(0.05).sigmoid();
    Node j = y.mul(a.log()).add(y.rsub(1).mul(a.rsub(1).log())).mean().neg();
    assertPinned("H", LOGISTIC_HESSIAN, Autodiff.hessian(j, w), 1, 3, 1, 3);
  }

  @Test
  void sigmoidJacobianWithRespectToAMatrixInBothModes() {
    for (DerivativeMode mode : DerivativeMode.values()) {
      Graph g = new Graph();
      Node w = g.parameter("W", Tensor.matrix(W));
      Node f = w.matmul(g.constant("X", Tensor.matrix(X4))).sigmoid();
      assertPinned("J " + mode, SIGMOID_JACOBIAN, Autodiff.jacobian(f, w, mode), 2, 4, 2, 3);
    }
  }

  @Test
  void jvpOfRowSumsOfTanh() {
    Graph g = new Graph();
    Node w = g.parameter("W", Tensor.matrix(W));
    Node f = w.matmul(g.constant("X", Tensor.matrix(X4))).tanh().sum(1);
    assertPinned("J·V", TANH_ROWSUM_JVP, Autodiff.jvp(f, w, g.constant("V", Tensor.matrix(V))),
        2);
  }

  @Test
  void hvpOfLogSumExpBothWays() {
    for (DerivativeMode mode : DerivativeMode.values()) {
      Graph g = new Graph();
      Node w = g.parameter("W", Tensor.matrix(W));
      Node f = w.matmul(g.constant("X", Tensor.matrix(X4))).logSumExp();
      assertPinned("H·V " + mode, LOGSUMEXP_HVP,
          Autodiff.hvp(f, w, g.constant("V", Tensor.matrix(V)), mode), 2, 3);
    }
  }
}
