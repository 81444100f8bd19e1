package dev.chainrule.examples.seeds;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.manual.TestNetSingleManual;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seed 003's TestNet as plain chainrule graph code in the column layout: a(0) (2, m) → z(1) =
 * W(1)·a(0) + b(1) → a(1) = g(z(1)), g the sigmoid → z(2) = a(2) = W(2)·a(1) + b(2) (no output
 * activation) → p = softmax(a(2)) → J = −(1/m) Σ_i Σ_j 1(y_i = j) ln p(y_i = j) + ½λ(‖W(1)‖² +
 * ‖W(2)‖²). With m = 1 this is the seed's one-sample cost plus the L2 term of its batch cost.
 */
public final class TestNetSingleNetwork {
  /** The random seed of the {@code testnet-single} example's data and weights. */
  public static final long DEFAULT_SEED = 3;
  /** The L2 weight λ of the {@code testnet-single} example. */
  public static final double DEFAULT_LAMBDA = 0.05;

  private final Graph graph = new Graph();
  private final Tensor a0;
  private final Tensor y;
  private final double lambda;
  private final Node w1;
  private final Node b1;
  private final Node w2;
  private final Node b2;
  private final Node a1;
  private final Node z2;
  private final Node j;

  /**
   * Builds TestNet on inputs a(0) (n0, m), indicator columns 1(y) (C, m), W(1) (n1, n0), b(1)
   * (n1, 1), W(2) (C, n1), b(2) (C, 1) and the L2 weight λ.
   */
  public TestNetSingleNetwork(Tensor a0, Tensor y, Tensor w1, Tensor b1, Tensor w2, Tensor b2,
      double lambda) {
    this.a0 = a0;
    this.y = y;
    this.lambda = lambda;
    Node a = graph.input("a(0)", a0);
    Node ind = graph.input("1(y)", y);
    this.w1 = graph.parameter("W(1)", w1);
    this.b1 = graph.parameter("b(1)", b1);
    this.w2 = graph.parameter("W(2)", w2);
    this.b2 = graph.parameter("b(2)", b2);
    Node z1 = this.w1.matmul(a).add(this.b1).named("z(1)");
    a1 = z1.sigmoid().named("a(1)");
    z2 = this.w2.matmul(a1).add(this.b2).named("a(2)");
    Node p = z2.softmax(0).named("p");
    Node crossEntropy = ind.mul(p.log()).sum().neg();
    int m = a0.shape().dim(1);
    Node ce = (m == 1 ? crossEntropy : crossEntropy.div(m)).named("CE");
    Node lam = graph.constant("λ", Tensor.scalar(lambda));
    Node l2 = this.w1.square().sum().add(this.w2.square().sum()).mul(lam).mul(0.5).named("L2");
    j = ce.add(l2).named("J");
  }

  /** TestNet 2-3-2 with m random samples, parameters from {@code seed} and L2 weight λ. */
  public static TestNetSingleNetwork seeded(long seed, int m, double lambda) {
    Random rng = new Random(seed);
    Tensor w1 = RandomTensors.normal(rng, 1, 3, 2);
    Tensor b1 = RandomTensors.normal(rng, 1, 3, 1);
    Tensor w2 = RandomTensors.normal(rng, 1, 2, 3);
    Tensor b2 = RandomTensors.normal(rng, 1, 2, 1);
    Random data = new Random(seed * 31 + m);
    return new TestNetSingleNetwork(RandomTensors.normal(data, 1, 2, m),
        RandomTensors.oneHot(data, 2, m, 0), w1, b1, w2, b2, lambda);
  }

  /** Returns the same network (same parameter tensors) on its first sample alone. */
  public TestNetSingleNetwork firstSample() {
    return new TestNetSingleNetwork(column0(a0), column0(y), w1.storedValue(), b1.storedValue(),
        w2.storedValue(), b2.storedValue(), lambda);
  }

  private static Tensor column0(Tensor t) {
    double[] c = new double[t.shape().dim(0)];
    for (int i = 0; i < c.length; i++) {
      c[i] = t.get(i, 0);
    }
    return Tensor.column(c);
  }

  /** Returns the seed's formulas for this network's parameters and λ. */
  public TestNetSingleManual manual() {
    return new TestNetSingleManual(w1.storedValue(), b1.storedValue(), w2.storedValue(),
        b2.storedValue(), lambda);
  }

  /** Returns autograd's ∂J/∂W(1) … ∂J/∂b(2) and the adjoints ∂J/∂z(2) and ∂J/∂a(1). */
  public Map<String, Tensor> autograd() {
    Map<String, Node> params = new LinkedHashMap<>();
    params.put("∂J/∂W(1)", w1);
    params.put("∂J/∂b(1)", b1);
    params.put("∂J/∂W(2)", w2);
    params.put("∂J/∂b(2)", b2);
    Map<String, Node> forward = new LinkedHashMap<>();
    forward.put("∂J/∂z(2)", z2);
    forward.put("∂J/∂a(1)", a1);
    return Adjoints.of(j, params, forward);
  }

  /** Returns the inputs a(0), one column per sample. */
  public Tensor input() {
    return a0;
  }

  /** Returns the indicator columns 1(y). */
  public Tensor target() {
    return y;
  }

  /** Returns the parameter W(l) or b(l) ({@code bias}) for l = 1 or 2. */
  public Tensor parameter(int l, boolean bias) {
    Node n = l == 1 ? (bias ? b1 : w1) : (bias ? b2 : w2);
    return n.storedValue();
  }

  /** Returns the L2 weight λ. */
  public double lambda() {
    return lambda;
  }

  /** Returns the network as the catalogue entry {@code testnet-single}. */
  public SeedNetwork asSeedNetwork() {
    return new SeedNetwork("testnet-single", graph, j, List.of(w1, b1, w2, b2), Feeds.none());
  }
}
