package dev.chainrule.examples.seeds;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.manual.Activation;
import dev.chainrule.nn.manual.ShallowManual;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seed 004's shallow network as plain chainrule graph code in the column layout: X = A[0]
 * (3, m) → Z[1] = W[1]·X + b[1] → A[1] = g(Z[1]), g = tanh or ReLU → Z[2] = W[2]·A[1] + b[2] →
 * A[2] = σ(Z[2]) → J = −(1/m) Σ_i [y log ŷ + (1 − y) log(1 − ŷ)]. The parameters are the given
 * tensors themselves, so a training loop can hand in its current weights.
 */
public final class ShallowNetwork {
  /** The random seed of the {@code shallow} comparison's data and weights. */
  public static final long DEFAULT_SEED = 4;
  /** The number of samples of the {@code shallow} comparison. */
  public static final int DEFAULT_SAMPLES = 8;

  private final Graph graph = new Graph();
  private final Tensor x;
  private final Tensor y;
  private final Activation g;
  private final Node w1;
  private final Node b1;
  private final Node w2;
  private final Node b2;
  private final Node z1;
  private final Node a1;
  private final Node z2;
  private final Node a2;
  private final Node j;

  /**
   * Builds the network on X (n0, m), Y (1, m), W[1] (n1, n0), b[1] (n1, 1), W[2] (1, n1), b[2]
   * (1, 1) with hidden activation {@code g} (tanh, ReLU, or any elementwise one).
   */
  public ShallowNetwork(Tensor x, Tensor y, Tensor w1, Tensor b1, Tensor w2, Tensor b2,
      Activation g) {
    if (g == Activation.SOFTMAX) {
      throw new IllegalArgumentException("seed 004's hidden activation is elementwise (tanh, "
          + "relu, sigmoid); softmax is not one");
    }
    this.x = x;
    this.y = y;
    this.g = g;
    Node a0 = graph.input("X", x);
    Node t = graph.input("Y", y);
    this.w1 = graph.parameter("W[1]", w1);
    this.b1 = graph.parameter("b[1]", b1);
    this.w2 = graph.parameter("W[2]", w2);
    this.b2 = graph.parameter("b[2]", b2);
    z1 = this.w1.matmul(a0).add(this.b1).named("Z[1]");
    Node hidden = switch (g) {
      case TANH -> z1.tanh();
      case RELU -> z1.relu();
      case SIGMOID -> z1.sigmoid();
      default -> z1;
    };
    a1 = hidden.named("A[1]");
    z2 = this.w2.matmul(a1).add(this.b2).named("Z[2]");
    a2 = z2.sigmoid().named("A[2]");
    j = t.mul(a2.log()).add(t.rsub(1).mul(a2.rsub(1).log())).mean().neg().named("J");
  }

  /**
   * The 3-4-1 network with m random samples and 0/1 labels, standard normal weights and biases
   * × 0.1 from {@code seed}: weights of the seed's W·0.01 scale would make every gradient tiny.
   */
  public static ShallowNetwork seeded(long seed, int m, Activation g) {
    Random rng = new Random(seed);
    Tensor w1 = RandomTensors.normal(rng, 1, 4, 3);
    Tensor b1 = RandomTensors.normal(rng, 0.1, 4, 1);
    Tensor w2 = RandomTensors.normal(rng, 1, 1, 4);
    Tensor b2 = RandomTensors.normal(rng, 0.1, 1, 1);
    return new ShallowNetwork(RandomTensors.normal(rng, 1, 3, m), RandomTensors.bits(rng, 1, m),
        w1, b1, w2, b2, g);
  }

  /** Returns the seed's formulas for this network's parameters and hidden activation. */
  public ShallowManual manual() {
    return new ShallowManual(w1.storedValue(), b1.storedValue(), w2.storedValue(),
        b2.storedValue(), g);
  }

  /**
   * Returns autograd's dW[1], db[1], dW[2], db[2] (gradients of J) and the true ∂J/∂A[2],
   * ∂J/∂Z[2], ∂J/∂A[1], ∂J/∂Z[1] under the seed's names dA[2], dZ[2], dA[1], dZ[1].
   */
  public Map<String, Tensor> autograd() {
    Map<String, Node> params = new LinkedHashMap<>();
    params.put("dW[1]", w1);
    params.put("db[1]", b1);
    params.put("dW[2]", w2);
    params.put("db[2]", b2);
    Map<String, Node> forward = new LinkedHashMap<>();
    forward.put("dA[2]", a2);
    forward.put("dZ[2]", z2);
    forward.put("dA[1]", a1);
    forward.put("dZ[1]", z1);
    return Adjoints.of(j, params, forward);
  }

  /** Returns the inputs X, one column per sample. */
  public Tensor input() {
    return x;
  }

  /** Returns the labels Y (1, m). */
  public Tensor target() {
    return y;
  }

  /** Returns the hidden activation g. */
  public Activation activation() {
    return g;
  }

  /** Returns the parameter b[1]. */
  public Tensor bias1() {
    return b1.storedValue();
  }

  /** Returns the network as the catalogue entry {@code shallow}. */
  public SeedNetwork asSeedNetwork() {
    return new SeedNetwork("shallow", graph, j, List.of(w1, b1, w2, b2), Feeds.none());
  }
}
