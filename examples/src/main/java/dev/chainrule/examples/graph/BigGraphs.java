package dev.chainrule.examples.graph;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.autodiff.Gradients;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.export.ExportOptions;
import dev.chainrule.core.export.ExportOptions.View;
import dev.chainrule.core.export.GraphExport;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.examples.cli.Picture;
import dev.chainrule.explorer.GraphExplorer;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Forward;
import dev.chainrule.nn.model.Network;
import dev.chainrule.nn.model.Sequential;
import dev.chainrule.nn.layers.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Big graphs to draw, beside the seeds' small networks: a loop {@code y ← y·x + 0.1} unrolled
 * {@code size} times (default 2 000) with its gradient, the Fashion-MNIST MLP 784-256-256-256-10
 * on a batch of 64 with its gradients, a graph of {@code size} random scalar operations
 * (default 100 000), and a convolutional network (the {@code cnn} example's, with a batch norm)
 * in training mode on a batch of 64 with its gradients. Pictures of them are summarised to the node
 * budget ({@code --max-nodes}).
 */
public final class BigGraphs {
  /** The names of the big graphs, as the command line takes them. */
  public static final List<String> NAMES = List.of("chain", "fashion-mlp", "random", "cnn");

  private final String name;
  private final List<Node> targets;
  private final Node loss;
  private final Gradients gradients;
  private final Feeds feeds;

  private BigGraphs(String name, List<Node> targets, Node loss, Gradients gradients,
      Feeds feeds) {
    this.name = name;
    this.targets = targets;
    this.loss = loss;
    this.gradients = gradients;
    this.feeds = feeds;
  }

  /**
   * Builds the named graph; {@code size} is the chain's steps or the random graph's nodes (0 for
   * the default).
   *
   * @throws IllegalArgumentException when the name is not one of {@link #NAMES} or the size is
   *     negative
   */
  public static BigGraphs of(String name, int size) {
    if (size < 0) {
      throw new IllegalArgumentException("--size must be positive, got " + size);
    }
    switch (name) {
      case "chain":
        return chain(size == 0 ? 2000 : size);
      case "fashion-mlp":
        return mlp();
      case "random":
        return random(size == 0 ? 100_000 : size);
      case "cnn":
        return cnn();
      default:
        throw new IllegalArgumentException("unknown big graph '" + name + "'; use one of "
            + String.join(", ", NAMES));
    }
  }

  private static BigGraphs chain(int steps) {
    Graph g = new Graph();
    Node x = g.parameter("x", Tensor.scalar(0.5));
    Node y = g.input("y", Tensor.scalar(1.0));
    for (int i = 0; i < steps; i++) {
      y = y.mul(x).add(0.1);
    }
    Gradients grads = Autodiff.gradients(y, List.of(x));
    List<Node> targets = new ArrayList<>(grads.list());
    targets.add(y);
    return new BigGraphs("chain", targets, y, grads, null);
  }

  private static BigGraphs mlp() {
    Sequential net = Sequential.builder(Layout.ROW, 784).dense(256, Activation.relu())
        .dense(256, Activation.relu()).dense(256, Activation.relu())
        .dense(10, Activation.softmax()).seed(1).build();
    Graph g = new Graph();
    Node x = g.input("X", 64, 784);
    return trained("fashion-mlp", g, net.forward(x), x);
  }

  private static BigGraphs cnn() {
    Network net = Network.builder(1, 28, 28)
        .conv2d(16, 5, 2, Activation.relu()).batchNorm().maxPool2d(2)
        .conv2d(32, 5, 2, Activation.relu()).maxPool2d(2)
        .flatten().dense(10, Activation.softmax()).seed(1).build();
    Graph g = new Graph();
    Node x = g.input("X", 64, 784);
    return trained("cnn", g, net.forward(x, Mode.TRAINING), x);
  }

  /**
   * Returns the graph of {@code f}'s softmax cross-entropy and its parameters' gradients, with a
   * random batch for the explorer.
   */
  private static BigGraphs trained(String name, Graph g, Forward f, Node x) {
    Node y = g.input("Y", 64, 10);
    Node loss = Loss.softmaxCrossEntropy().build(f, y).named("J");
    List<Node> parameters = new ArrayList<>();
    for (Node n : g.nodes()) {
      if (n.kind() == NodeKind.PARAMETER) {
        parameters.add(n);
      }
    }
    Gradients grads = Autodiff.gradients(loss, parameters);
    List<Node> targets = new ArrayList<>(grads.list());
    targets.add(loss);
    return new BigGraphs(name, targets, loss, grads, randomBatch(x, y));
  }

  /**
   * Returns a batch for the explorer to show values with: pixels uniform in [0, 1) and one
   * random class per sample, drawn from a fixed seed.
   */
  private static Feeds randomBatch(Node x, Node y) {
    Random random = new Random(1);
    double[] pixels = new double[64 * 784];
    double[] classes = new double[64 * 10];
    for (int i = 0; i < 64; i++) {
      for (int j = 0; j < 784; j++) {
        pixels[i * 784 + j] = random.nextDouble();
      }
      classes[i * 10 + random.nextInt(10)] = 1;
    }
    return Feeds.of(x, Tensor.of(pixels, 64, 784), y, Tensor.of(classes, 64, 10));
  }

  private static BigGraphs random(int size) {
    Graph g = new Graph();
    Random random = new Random(1);
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < Math.min(size, 20); i++) {
      nodes.add(g.input("in" + i, Tensor.scalar(i)));
    }
    while (nodes.size() < size) {
      Node u = nodes.get(nodes.size() - 1 - random.nextInt(Math.min(nodes.size(), 50)));
      Node v = nodes.get(random.nextInt(nodes.size()));
      int op = random.nextInt(3);
      nodes.add(op == 0 ? u.add(v) : op == 1 ? u.mul(v) : u.tanh());
    }
    Node out = nodes.get(nodes.size() - 1).named("out");
    return new BigGraphs("random", List.of(out), null, null, null);
  }

  /**
   * Returns the explorer of the graph: every view in one page, opening with one box per layer
   * (the MLP's values on a random batch); the random graph, which has no reverse pass, shows its
   * forward view only.
   */
  public GraphExplorer explorer() {
    GraphExplorer e = GraphExplorer.of(targets).collapsedLayers(true).title(name
        + (gradients == null ? ": forward pass" : ": forward and backward pass"));
    e = feeds == null ? e : e.feeds(feeds);
    return gradients == null ? e : e.gradients(gradients);
  }

  /**
   * Returns the picture of one view (forward, backward, both or layers; the others are skipped,
   * with a note); {@code base} supplies every setting but the view, scope collapsing and title.
   */
  public Picture picture(PictureKind kind, ExportOptions base) {
    String file = name + "-" + kind.fileSuffix();
    if (kind.ordinal() > PictureKind.LAYERS.ordinal()) {
      return Picture.skipped(file, file + ": the " + kind.word() + " view is drawn for the seeds'"
          + " networks only");
    }
    if (gradients == null && (kind == PictureKind.BACKWARD)) {
      return Picture.skipped(file, file + ": the random graph has no backward pass");
    }
    View view = kind == PictureKind.BACKWARD ? View.BACKWARD : kind == PictureKind.FORWARD
        || kind == PictureKind.LAYERS ? View.FORWARD : View.BOTH;
    GraphExport export = GraphExport.of(targets);
    if (loss != null) {
      export = gradients == null ? export.loss(loss) : export.gradients(gradients);
    }
    return Picture.of(file, export.options(base.withView(view)
        .withCollapsedScopes(kind == PictureKind.LAYERS)
        .withTitle(name + ": " + kind.word())).picture());
  }
}
