package dev.chainrule.examples.seeds;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.manual.TestNetBatchManual;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seed 002's TestNet as plain chainrule graph code in the row layout (a sample is a row): a(0)
 * (m, 3) → z(1) = a(0)·W(1) + b(1) → a(1) = relu(z(1)) → z(2) = a(1)·W(2) + b(2) → p = softmax of
 * each row → J_sum = −Σ_i Σ_j 1(y_i = j) ln p(y_i = j), the seed's J as written, and J = J_sum/m,
 * the mean its gradients are of (the catalogue's loss).
 */
public final class TestNetBatchNetwork {
  /** The random seed of the {@code testnet-batch} example's data and weights. */
  public static final long DEFAULT_SEED = 2;
  /** The batch size of the {@code testnet-batch} example. */
  public static final int DEFAULT_SAMPLES = 6;

  private final Graph graph = new Graph();
  private final Tensor a0;
  private final Tensor y;
  private final Node w1;
  private final Node b1;
  private final Node w2;
  private final Node b2;
  private final Node z1;
  private final Node a1;
  private final Node z2;
  private final Node jSum;
  private final Node j;

  /**
   * Builds TestNet on the inputs a(0) (m, n0), the indicator matrix 1(y) (m, C) and parameters
   * W(1) (n0, n1), b(1) (1, n1), W(2) (n1, C), b(2) (1, C).
   */
  public TestNetBatchNetwork(Tensor a0, Tensor y, Tensor w1, Tensor b1, Tensor w2, Tensor b2) {
    this.a0 = a0;
    this.y = y;
    Node a = graph.input("a(0)", a0);
    Node ind = graph.input("1(y)", y);
    this.w1 = graph.parameter("W(1)", w1);
    this.b1 = graph.parameter("b(1)", b1);
    this.w2 = graph.parameter("W(2)", w2);
    this.b2 = graph.parameter("b(2)", b2);
    z1 = a.matmul(this.w1).add(this.b1).named("z(1)");
    a1 = z1.relu().named("a(1)");
    z2 = a1.matmul(this.w2).add(this.b2).named("z(2)");
    Node p = z2.softmax(1).named("p");
    jSum = ind.mul(p.log()).sum().neg().named("J_sum");
    j = jSum.div(a0.shape().dim(0)).named("J");
  }

  /** TestNet 3-4-2 with m random samples and parameters from {@code seed} (biases × 0.1). */
  public static TestNetBatchNetwork seeded(long seed, int m) {
    Random rng = new Random(seed);
    Tensor w1 = RandomTensors.normal(rng, 1, 3, 4);
    Tensor b1 = RandomTensors.normal(rng, 0.1, 1, 4);
    Tensor w2 = RandomTensors.normal(rng, 1, 4, 2);
    Tensor b2 = RandomTensors.normal(rng, 0.1, 1, 2);
    return new TestNetBatchNetwork(RandomTensors.normal(rng, 1, m, 3),
        RandomTensors.oneHot(rng, 2, m, 1), w1, b1, w2, b2);
  }

  /**
   * The same network with sample 1's input set to 0 and b(1)_1 to 0, so that z(1)_{1,1} is exactly
   * 0: the one point where ReLU has no derivative and the mask convention matters (seed 002:612).
   */
  public TestNetBatchNetwork withKink() {
    Tensor a = a0.copy();
    Tensor b = b1.storedValue().copy();
    for (int k = 0; k < a.shape().dim(1); k++) {
      a.buffer()[k] = 0;
    }
    b.buffer()[0] = 0;
    return new TestNetBatchNetwork(a, y, w1.storedValue(), b, w2.storedValue(),
        b2.storedValue());
  }

  /** Returns the seed's formulas for this network's parameters. */
  public TestNetBatchManual manual() {
    return new TestNetBatchManual(w1.storedValue(), b1.storedValue(), w2.storedValue(),
        b2.storedValue());
  }

  /** Returns autograd's ∂J/∂W(1) … ∂J/∂b(2) of the mean J and the adjoints ∂J/∂z(2), ∂J/∂a(1). */
  public Map<String, Tensor> autograd() {
    return gradients(j);
  }

  /** Returns autograd's gradients of the seed's J as written, the sum J_sum. */
  public Map<String, Tensor> autogradOfSum() {
    return gradients(jSum);
  }

  /** Returns autograd's gradients of J + (λ/2)(‖W(1)‖² + ‖W(2)‖²), the cost λW belongs to. */
  public Map<String, Tensor> autogradRegularised(double lambda) {
    Node penalty = w1.square().sum().add(w2.square().sum()).mul(lambda / 2);
    return gradients(j.add(penalty).named("J + λ/2·Σ‖W‖²"));
  }

  private Map<String, Tensor> gradients(Node loss) {
    Map<String, Node> params = new LinkedHashMap<>();
    params.put("∂J/∂W(1)", w1);
    params.put("∂J/∂b(1)", b1);
    params.put("∂J/∂W(2)", w2);
    params.put("∂J/∂b(2)", b2);
    Map<String, Node> forward = new LinkedHashMap<>();
    forward.put("∂J/∂z(2)", z2);
    forward.put("∂J/∂a(1)", a1);
    forward.put("∂J/∂z(1)", z1);
    return Adjoints.of(loss, params, forward);
  }

  /** Returns the inputs a(0), one row per sample. */
  public Tensor input() {
    return a0;
  }

  /** Returns the indicator matrix 1(y), one row per sample. */
  public Tensor target() {
    return y;
  }

  /** Returns the parameter W(l) for l = 1 or 2. */
  public Tensor weight(int l) {
    return (l == 1 ? w1 : w2).storedValue();
  }

  /** Returns the network as the catalogue entry {@code testnet-batch} (loss: the mean J). */
  public SeedNetwork asSeedNetwork() {
    return new SeedNetwork("testnet-batch", graph, j, List.of(w1, b1, w2, b2), Feeds.none());
  }
}
