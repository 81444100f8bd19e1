package dev.chainrule.examples.seeds;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.manual.Activation;
import dev.chainrule.nn.manual.FourEquations;
import dev.chainrule.nn.manual.Loss;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seed 000's network as plain chainrule graph code in the column layout: a[0] → z[l] = w[l]·a[l−1]
 * + b[l] → a[l] = σ(z[l]) for every layer, then the loss L of one sample (summed over the output
 * neurons) or, for m samples, the cost C = (1/m) Σ_i L⁽ⁱ⁾ with capital Z[l], A[l]. The seed's own
 * network, {@code bp4}, is 2-3-2-1: input 2, hidden 3 and 2, one output neuron (its diagram has a
 * single δ₁^[3]), sigmoid everywhere, binary cross-entropy.
 */
public final class FourEquationsNetwork {
  /** The layer sizes of the seed's network: 2 inputs, hidden layers of 3 and 2, one output. */
  public static final int[] BP4_SIZES = {2, 3, 2, 1};
  /** The random seed of the {@code bp4} example's data and weights. */
  public static final long DEFAULT_SEED = 0;
  /**
   * The number of samples of the {@code bp4} catalogue network and of the {@code bp4} command's
   * batch: more than one, so that the batch table's factors of m show.
   */
  public static final int BP4_SAMPLES = 7;

  private final Graph graph = new Graph();
  private final List<Node> weights = new ArrayList<>();
  private final List<Node> biases = new ArrayList<>();
  private final List<Node> zs = new ArrayList<>();
  private final List<Activation> sigma;
  private final Loss lossKind;
  private final Tensor x;
  private final Tensor y;
  private final boolean batch;
  private final Node loss;

  /**
   * Builds the network with weights w[1..L] (n_l, n_{l−1}), biases b[1..L] (n_l, 1), activations
   * σ[1..L], the loss, the input a[0] (one column per sample) and the targets.
   */
  public FourEquationsNetwork(List<Tensor> w, List<Tensor> b, List<Activation> sigma, Loss loss,
      Tensor x, Tensor y) {
    this.sigma = List.copyOf(sigma);
    this.lossKind = loss;
    this.x = x;
    this.y = y;
    this.batch = x.shape().dim(1) > 1;
    Node a = graph.input(batch ? "A[0]" : "a[0]", x);
    for (int l = 1; l <= w.size(); l++) {
      Node wl = graph.parameter("w[" + l + "]", w.get(l - 1));
      Node bl = graph.parameter("b[" + l + "]", b.get(l - 1));
      weights.add(wl);
      biases.add(bl);
      Node z = wl.matmul(a).add(bl).named((batch ? "Z[" : "z[") + l + "]");
      zs.add(z);
      a = activate(sigma.get(l - 1), z).named((batch ? "A[" : "a[") + l + "]");
    }
    Node t = graph.input(batch ? "Y" : "y", y);
    Node perSample = switch (loss) {
      case L1 -> t.sub(a).abs().sum();
      case L2 -> t.sub(a).square().sum();
      case BINARY_CROSS_ENTROPY -> t.mul(a.log()).add(t.rsub(1).mul(a.rsub(1).log())).sum().neg();
      case CROSS_ENTROPY -> t.mul(a.log()).sum().neg();
    };
    this.loss = batch ? perSample.div(x.shape().dim(1)).named("C") : perSample.named("L");
  }

  private static Node activate(Activation s, Node z) {
    return switch (s) {
      case SIGMOID -> z.sigmoid();
      case TANH -> z.tanh();
      case RELU -> z.relu();
      case IDENTITY -> z;
      case SOFTMAX -> z.softmax(0);
    };
  }

  /**
   * The seed's 2-3-2-1 sigmoid network with binary cross-entropy, weights and biases standard
   * normal from {@code seed}, and {@code samples} random inputs with 0/1 targets (one sample: L;
   * several: C). The weights depend on the seed only, not on the number of samples.
   */
  public static FourEquationsNetwork bp4(long seed, int samples) {
    return random(seed, BP4_SIZES, List.of(Activation.SIGMOID, Activation.SIGMOID,
        Activation.SIGMOID), Loss.BINARY_CROSS_ENTROPY, samples);
  }

  /**
   * A network of the given layer sizes, activations and loss with standard normal weights, biases
   * and inputs from {@code seed}; targets fit the loss (0/1 for binary cross-entropy, one class
   * per sample for cross-entropy, normal values otherwise).
   */
  public static FourEquationsNetwork random(long seed, int[] sizes, List<Activation> sigma,
      Loss loss, int samples) {
    Random rng = new Random(seed);
    List<Tensor> w = new ArrayList<>();
    List<Tensor> b = new ArrayList<>();
    for (int l = 1; l < sizes.length; l++) {
      w.add(RandomTensors.normal(rng, 1, sizes[l], sizes[l - 1]));
      b.add(RandomTensors.normal(rng, 1, sizes[l], 1));
    }
    Random data = new Random(seed * 31 + samples);
    int out = sizes[sizes.length - 1];
    Tensor x = RandomTensors.normal(data, 1, sizes[0], samples);
    Tensor y = switch (loss) {
      case BINARY_CROSS_ENTROPY -> RandomTensors.bits(data, out, samples);
      case CROSS_ENTROPY -> RandomTensors.oneHot(data, out, samples, 0);
      default -> RandomTensors.normal(data, 1, out, samples);
    };
    return new FourEquationsNetwork(w, b, sigma, loss, x, y);
  }

  /** Returns the seed's equations for this network's weights, activations and loss. */
  public FourEquations manual() {
    return new FourEquations(weights.stream().map(Node::storedValue).toList(),
        biases.stream().map(Node::storedValue).toList(), sigma, lossKind);
  }

  /**
   * Returns autograd's gradients of L (or C) by the seed's names, ∂L/∂w[l] and ∂L/∂b[l] (or dw[l]
   * and db[l]), followed by the adjoints of every z[l] (Z[l]) named ∂L/∂z[l] (∂C/∂Z[l]).
   */
  public Map<String, Tensor> autograd() {
    Map<String, Node> params = new LinkedHashMap<>();
    Map<String, Node> forward = new LinkedHashMap<>();
    for (int l = 1; l <= weights.size(); l++) {
      params.put(FourEquations.weightName(l, batch), weights.get(l - 1));
      params.put(FourEquations.biasName(l, batch), biases.get(l - 1));
      forward.put(adjointName(l), zs.get(l - 1));
    }
    return Adjoints.of(loss, params, forward);
  }

  /** Returns the name {@link #autograd} gives the adjoint of z[l]: ∂L/∂z[l] or ∂C/∂Z[l]. */
  public String adjointName(int l) {
    return (batch ? "∂C/∂Z[" : "∂L/∂z[") + l + "]";
  }

  /** Returns the weight w[l] for 1 ≤ l ≤ L. */
  public Tensor weight(int l) {
    return weights.get(l - 1).storedValue();
  }

  /** Returns the input a[0] (A[0] for a batch), one column per sample. */
  public Tensor input() {
    return x;
  }

  /** Returns the targets y (Y for a batch). */
  public Tensor target() {
    return y;
  }

  /** Returns true when the network holds several samples and its loss is the mean cost C. */
  public boolean isBatch() {
    return batch;
  }

  /** Returns the network as a catalogue entry named {@code name}. */
  public SeedNetwork asSeedNetwork(String name) {
    List<Node> params = new ArrayList<>();
    for (int l = 0; l < weights.size(); l++) {
      params.add(weights.get(l));
      params.add(biases.get(l));
    }
    return new SeedNetwork(name, graph, loss, params, Feeds.none());
  }
}
