package dev.chainrule.examples.errors;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.Anomaly;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ops.SoftmaxCrossEntropy;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.losses.Losses;

/**
 * Bad graphs, gradients and runs, each written as a new user would write it; every method throws.
 * The error messages quote the lines of this file, so docs/errors.md quotes them too.
 */
final class BadGraphs {
  private BadGraphs() {}

  static void addShapesThatDoNotBroadcast() {
    Graph g = new Graph();
    Node x = g.input("X", 2, 3);
    Node b = g.parameter("b", Tensor.zeros(4));
    x.add(b);
  }

  static void divideShapesThatDoNotBroadcast() {
    Graph g = new Graph();
    g.input("X", 2, 3).div(g.input("Y", 3, 2));
  }

  static void compareShapesThatDoNotBroadcast() {
    Graph g = new Graph();
    g.input("X", 2, 3).gt(g.input("T", 2));
  }

  static void whereWithAConditionOfAnotherShape() {
    Graph g = new Graph();
    Node x = g.input("X", 2, 3);
    x.gt(0.0).named("C").where(x, g.input("Y", 3, 2));
  }

  static void matmulWithDisagreeingInnerDimensions() {
    Graph g = new Graph();
    Node w = g.parameter("W[1]", Tensor.zeros(4, 3));
    w.matmul(g.input("X", 2, 5));
  }

  static void matmulOfAVector() {
    Graph g = new Graph();
    g.parameter("w", Tensor.zeros(3)).matmul(g.input("X", 3, 5));
  }

  static void convolutionWhoseKernelDoesNotFit() {
    Graph g = new Graph();
    Node x = g.input("X", 64, 1, 4, 4);
    x.conv2d(g.parameter("W[1]", Tensor.zeros(16, 1, 5, 5)));
  }

  static void sumOverAnAxisThatDoesNotExist() {
    Graph g = new Graph();
    g.input("X", 2, 3).sum(2);
  }

  static void sumOverTheSameAxisTwice() {
    Graph g = new Graph();
    g.input("X", 2, 3).sum(1, -1);
  }

  static void softmaxOverAnAxisThatDoesNotExist() {
    Graph g = new Graph();
    g.input("Z", 4, 3).softmax(-3);
  }

  static void reshapeToAnotherSize() {
    Graph g = new Graph();
    g.input("X", 2, 3).reshape(4, 2);
  }

  static void transposeWithABadPermutation() {
    Graph g = new Graph();
    g.input("X", 2, 3).transpose(0, 0);
  }

  static void broadcastToAnIncompatibleShape() {
    Graph g = new Graph();
    g.input("X", 2, 3).broadcastTo(Shape.of(3, 3));
  }

  static void fusedCrossEntropyWithTargetsOfAnotherShape() {
    Graph g = new Graph();
    g.apply(new SoftmaxCrossEntropy(1), g.input("Z", 4, 3), g.input("Y", 4, 2));
  }

  static void lossOfOutputAndTargetOfDifferentShapes() {
    Graph g = new Graph();
    Losses.l2(g.input("A", 1, 4), g.input("Y", 4, 1), Layout.COLUMN);
  }

  static void combineNodesOfTwoGraphs() {
    Node x = new Graph().input("X", 2, 3);
    Node y = new Graph().input("Y", 2, 3);
    x.mul(y);
  }

  static void inputWithoutAName() {
    new Graph().input("", 2, 3);
  }

  static void parameterHoldingNaN() {
    double[] w = {0.5, Double.NaN, -0.5};
    new Graph().parameter("W", Tensor.of(w, 1, 3));
  }

  static void powerWithANaNExponent() {
    Graph g = new Graph();
    double p = 0.0 / 0.0;
    g.input("X", 2, 3).pow(p);
  }

  static void holdAValueOfTheWrongShape() {
    new Graph().input("X", 2, 3).hold(Tensor.zeros(3, 2));
  }

  static void gradientOfANonScalar() {
    Graph g = new Graph();
    Node w = g.parameter("W", Tensor.ones(2, 2));
    Node a = w.tanh().named("A");
    Autodiff.grad(a, w);
  }

  static void gradientWithRespectToAConstant() {
    Graph g = new Graph();
    Node c = g.constant("c", Tensor.scalar(2));
    Node x = g.parameter("x", Tensor.scalar(3));
    Autodiff.grad(x.mul(c).named("L"), c);
  }

  static void upstreamGradientOfTheWrongShape() {
    Graph g = new Graph();
    Node w = g.parameter("W", Tensor.ones(2, 2));
    Node a = w.tanh().named("A");
    Autodiff.gradients(a, g.constant("G", Tensor.ones(2)), java.util.List.of(w));
  }

  static void gradientWithRespectToANodeOfAnotherGraph() {
    Graph g = new Graph();
    Node loss = g.parameter("x", Tensor.scalar(3)).square().named("L");
    Autodiff.grad(loss, new Graph().parameter("w", Tensor.scalar(1)));
  }

  /** The model Z = W·X of the feed errors: W (4, 2), X (2, 3). */
  private static final class Model {
    final Graph g = new Graph();
    final Node x = g.input("X", 2, 3);
    final Node w = g.parameter("W", Tensor.ones(4, 2));
    final Node z = w.matmul(x).named("Z");
    final Plan plan = Plan.compile(z);
  }

  static void runWithoutFeedingAnInput() {
    new Model().plan.run(Feeds.none());
  }

  static void feedAValueOfTheWrongShape() {
    Model m = new Model();
    m.plan.run(Feeds.of(m.x, Tensor.zeros(3, 2)));
  }

  static void feedAnInputThePlanDoesNotUse() {
    Model m = new Model();
    Node y = m.g.input("Y", 4, 3);
    m.plan.run(Feeds.of(m.x, Tensor.zeros(2, 3), y, Tensor.zeros(4, 3)));
  }

  static void feedASecondInputOfTheSameName() {
    Model m = new Model();
    Node x = m.g.input("X", 2, 3);
    m.plan.run(Feeds.of(x, Tensor.zeros(2, 3)));
  }

  static void feedAParameter() {
    Model m = new Model();
    m.plan.run(Feeds.of(m.x, Tensor.zeros(2, 3)).with(m.w, Tensor.zeros(4, 2)));
  }

  static void feedNaN() {
    Model m = new Model();
    Tensor bad = Tensor.zeros(2, 3);
    bad.buffer()[4] = Double.NaN;
    m.plan.run(Feeds.of(m.x, bad));
  }

  static void feedInfinity() {
    Model m = new Model();
    m.plan.run(Feeds.of(m.x, Tensor.full(Shape.of(2, 3), Double.POSITIVE_INFINITY)));
  }

  static void feedANodeOfAnotherGraph() {
    Model m = new Model();
    Node other = new Graph().input("X", 2, 3);
    m.plan.run(Feeds.of(m.x, Tensor.zeros(2, 3)).with(other, Tensor.zeros(2, 3)));
  }

  static void compileTargetsOfTwoGraphs() {
    Model m = new Model();
    Plan.compile(m.z, new Graph().input("Y", 2).exp().named("E"));
  }

  static void readAResultThePlanDidNotCompute() {
    Model m = new Model();
    Node other = m.z.exp().named("E");
    m.plan.run(Feeds.of(m.x, Tensor.zeros(2, 3))).get(other);
  }

  static void logOfZeroInAnomalyMode() {
    Graph g = new Graph();
    Node x = g.input("X", 1, 3);
    Node loss = x.log().named("logX").sum().named("L");
    try (Anomaly.Scope on = Anomaly.detect()) {
      Plan.compile(loss).run(Feeds.of(x, Tensor.row(1, 0, 2)));
    }
  }

  static void nanOnlyInTheBackwardPassInAnomalyMode() {
    Graph g = new Graph();
    Node x = g.parameter("x", Tensor.of(new double[] {0, 1, 4}, 3));
    Node s = x.sqrt().named("s");
    Node loss = s.mul(g.constant("r", Tensor.of(new double[] {0, 1, 1}, 3))).sum().named("L");
    try (Anomaly.Scope on = Anomaly.detect()) {
      Node dx = Autodiff.grad(loss, x).get(0);
      Plan.compile(dx).run(Feeds.none());
    }
  }

  static void feedAnInputTwice() {
    Model m = new Model();
    m.plan.run(Feeds.of(m.x, Tensor.zeros(2, 3)).with(m.x, Tensor.ones(2, 3)));
  }

  static void concatOfTensorsWhoseOtherDimensionsDiffer() {
    Graph g = new Graph();
    Node a = g.input("A", 2, 3);
    Node b = g.input("B", 3, 3);
    a.concat(1, b);
  }

  static void gatherWithAnIndexOutOfRange() {
    Graph g = new Graph();
    Node table = g.parameter("E", Tensor.zeros(5, 3));
    Node ids = g.input("ids", 4);
    Node rows = table.gather(ids, 0);
    Plan.compile(rows).run(Feeds.of(ids, Tensor.of(new double[] {0, 4, 5, 1}, 4)));
  }

  static void recurrentLayerOnASequenceOfTheWrongWidth() {
    var lstm = dev.chainrule.nn.layers.Recurrent.create("lstm",
        dev.chainrule.nn.layers.Cell.LSTM, Layout.COLUMN, 4, 3, 5, false,
        dev.chainrule.nn.init.RandomSource.seeded(1));
    lstm.apply(new Graph().input("X", 10, 8));
  }
}
