package dev.chainrule.examples.seeds;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.autodiff.Gradients;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 001's 2-2-2 network (Mazur's worked example) written neuron by neuron with scalar chainrule
 * operations, so that its graph, names and gradients read exactly like the seed: inputs i1 = 0.05,
 * i2 = 0.10, targets 0.01 and 0.99, weights w1…w8, biases b1 = 0.35 and b2 = 0.60 held fixed,
 * sigmoid units and E_total = Σ ½(target − out)². Gradient descent uses the seed's rate η = 0.5.
 */
public final class MazurNetwork {
  /** The seed's learning rate η. */
  public static final double LEARNING_RATE = 0.5;
  private static final double[] INITIAL_WEIGHTS =
      {0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55};

  private final Graph graph = new Graph();
  private final List<Node> weights = new ArrayList<>();
  private final Node netH1;
  private final Node outH1;
  private final Node outH2;
  private final Node netO1;
  private final Node outO1;
  private final Node outO2;
  private final Node errorO1;
  private final Node errorO2;
  private final Node error;
  private final List<Node> gradients;
  private final Plan step;
  private final Node netO2;
  private Plan outputLayerStep;
  private Plan staleDeltaStep;
  private List<Node> staleDeltaGradients;
  private Node staleDeltaO1;
  private Node staleDeltaO2;
  private Node deltaO1;
  private Node deltaO2;

  /** Builds the network with the seed's initial weights. */
  public MazurNetwork() {
    for (int k = 0; k < INITIAL_WEIGHTS.length; k++) {
      weights.add(graph.parameter("w" + (k + 1), Tensor.scalar(INITIAL_WEIGHTS[k])));
    }
    Node i1 = graph.input("i1", Tensor.scalar(0.05));
    Node i2 = graph.input("i2", Tensor.scalar(0.10));
    Node target1 = graph.input("target_o1", Tensor.scalar(0.01));
    Node target2 = graph.input("target_o2", Tensor.scalar(0.99));
    Node b1 = graph.constant("b1", Tensor.scalar(0.35));
    Node b2 = graph.constant("b2", Tensor.scalar(0.60));
    try (Graph.Scope hidden = graph.scope("hidden")) {
      netH1 = net("h1", w(1), i1, w(2), i2, b1);
      outH1 = netH1.sigmoid().named("out_h1");
      outH2 = net("h2", w(3), i1, w(4), i2, b1).sigmoid().named("out_h2");
    }
    try (Graph.Scope output = graph.scope("output")) {
      netO1 = net("o1", w(5), outH1, w(6), outH2, b2);
      outO1 = netO1.sigmoid().named("out_o1");
      netO2 = net("o2", w(7), outH1, w(8), outH2, b2);
      outO2 = netO2.sigmoid().named("out_o2");
    }
    try (Graph.Scope loss = graph.scope("error")) {
      errorO1 = target1.sub(outO1).square().mul(0.5).named("E_o1");
      errorO2 = target2.sub(outO2).square().mul(0.5).named("E_o2");
      error = errorO1.add(errorO2).named("E_total");
    }
    gradients = Autodiff.grad(error, weights.toArray(new Node[0]));
    List<Node> targets = new ArrayList<>(gradients);
    targets.add(error);
    step = Plan.compile(targets);
  }

  private Node w(int k) {
    return weights.get(k - 1);
  }

  private static Node net(String unit, Node wa, Node a, Node wb, Node b, Node bias) {
    return wa.mul(a).add(wb.mul(b)).add(bias).named("net_" + unit);
  }

  /**
   * Returns the partial derivatives the seed's walkthrough prints, each computed by reverse mode
   * on this graph (for example ∂E_o2/∂out_h1, one of the two routes into out_h1), by label.
   */
  public Map<String, Double> walkthrough() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("net_h1", netH1.value().item());
    m.put("net_o1", netO1.value().item());
    m.put("E_o1", errorO1.value().item());
    m.put("E_o2", errorO2.value().item());
    m.put("∂E_total/∂out_o1", derivative(error, outO1));
    m.put("∂out_o1/∂net_o1", derivative(outO1, netO1));
    m.put("∂net_o1/∂w5", derivative(netO1, w(5)));
    m.put("∂E_o1/∂net_o1", derivative(errorO1, netO1));
    m.put("∂net_o1/∂out_h1", derivative(netO1, outH1));
    m.put("∂E_o1/∂out_h1", derivative(errorO1, outH1));
    m.put("∂E_o2/∂net_o2", derivative(errorO2, netO2));
    m.put("∂net_o2/∂out_h1", derivative(netO2, outH1));
    m.put("∂E_o2/∂out_h1", derivative(errorO2, outH1));
    m.put("∂E_total/∂out_h1", derivative(error, outH1));
    m.put("∂out_h1/∂net_h1", derivative(outH1, netH1));
    m.put("∂net_h1/∂w1", derivative(netH1, w(1)));
    return m;
  }

  private static double derivative(Node of, Node wrt) {
    return Autodiff.grad(of, wrt).get(0).value().item();
  }

  /** Returns the network as a catalogue entry for the graph, formula and trace subcommands. */
  public SeedNetwork asSeedNetwork() {
    return new SeedNetwork("mazur", graph, error, List.copyOf(weights), Feeds.none());
  }

  /** Returns the total error E_total at the current weights. */
  public double error() {
    return error.value().item();
  }

  /** Returns the outputs [out_o1, out_o2] at the current weights. */
  public double[] outputs() {
    return new double[] {outO1.value().item(), outO2.value().item()};
  }

  /** Returns the hidden outputs [out_h1, out_h2] at the current weights. */
  public double[] hiddenOutputs() {
    return new double[] {outH1.value().item(), outH2.value().item()};
  }

  /** Returns ∂E_total/∂w1 … ∂E_total/∂w8 at the current weights. */
  public double[] gradients() {
    Results r = step.run(Feeds.none());
    double[] g = new double[gradients.size()];
    for (int k = 0; k < g.length; k++) {
      g[k] = r.scalar(gradients.get(k));
    }
    return g;
  }

  /** Returns the current weights w1 … w8. */
  public double[] weights() {
    return weights.stream().mapToDouble(w -> w.storedValue().item()).toArray();
  }

  /**
   * Takes one step of the variant that reproduces the seed's later numbers: w5…w8 are updated
   * first, and the hidden layer's gradients are then computed with the already-updated weights.
   */
  public void trainStepOutputLayerFirst() {
    if (outputLayerStep == null) {
      buildOutputLayerFirst();
    }
    Results out = outputLayerStep.run(Feeds.none());
    Feeds stale = Feeds.of(staleDeltaO1, out.get(deltaO1).copy(), staleDeltaO2,
        out.get(deltaO2).copy());
    for (int k = 4; k < 8; k++) {
      weights.get(k).storedValue().addScaledInPlace(-LEARNING_RATE, out.get(gradients.get(k)));
    }
    Results hidden = staleDeltaStep.run(stale);
    for (int k = 0; k < 4; k++) {
      weights.get(k).storedValue().addScaledInPlace(-LEARNING_RATE,
          hidden.get(staleDeltaGradients.get(k)));
    }
  }

  /**
   * Builds the variant's two plans: the output layer's deltas δ_o = ∂E/∂net_o and gradients at the
   * current weights, then the hidden layer's gradients as the vector-Jacobian product of net_o1 and
   * net_o2 with those now stale deltas, evaluated after w5…w8 have moved.
   */
  private void buildOutputLayerFirst() {
    Gradients pass = Autodiff.gradients(error, weights);
    deltaO1 = pass.adjoint(netO1);
    deltaO2 = pass.adjoint(netO2);
    List<Node> first = new ArrayList<>(gradients.subList(4, 8));
    first.add(deltaO1);
    first.add(deltaO2);
    outputLayerStep = Plan.compile(first);
    staleDeltaO1 = graph.input("stale δ_o1", new int[0]);
    staleDeltaO2 = graph.input("stale δ_o2", new int[0]);
    List<Node> hidden = weights.subList(0, 4);
    List<Node> viaO1 = Autodiff.gradients(netO1, staleDeltaO1, hidden).list();
    List<Node> viaO2 = Autodiff.gradients(netO2, staleDeltaO2, hidden).list();
    staleDeltaGradients = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      staleDeltaGradients.add(viaO1.get(k).add(viaO2.get(k)));
    }
    staleDeltaStep = Plan.compile(staleDeltaGradients);
  }

  /**
   * Takes one gradient-descent step, w ← w − η·∂E/∂w, all weights from the same gradients, and
   * returns the error before the step.
   */
  public double trainStep() {
    Results r = step.run(Feeds.none());
    for (int k = 0; k < weights.size(); k++) {
      weights.get(k).storedValue().addScaledInPlace(-LEARNING_RATE, r.get(gradients.get(k)));
    }
    return r.scalar(error);
  }
}
