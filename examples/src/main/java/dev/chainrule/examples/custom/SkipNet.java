package dev.chainrule.examples.custom;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.init.RandomSource;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.model.Forward;
import dev.chainrule.nn.model.Model;
import java.util.List;

/**
 * A custom model, written as plain Java that builds nodes: one hidden layer with the user-written
 * {@link Mish} activation plus a linear skip connection from the input straight to the
 * output, which a {@link dev.chainrule.nn.model.Sequential} stack cannot express. In the column
 * layout: Z[2] = W[2]·mish(W[1]·X + b[1]) + V·X + b[2]; one output, a logit for a sigmoid.
 */
public final class SkipNet implements Model {
  private final int inputs;
  private final Tensor w1;
  private final Tensor b1;
  private final Tensor w2;
  private final Tensor v;
  private final Tensor b2;

  /** Creates the model with {@code hidden} mish units, weights drawn with {@code seed}. */
  public SkipNet(int inputs, int hidden, long seed) {
    RandomSource r = RandomSource.seeded(seed);
    this.inputs = inputs;
    this.w1 = Tensor.zeros(hidden, inputs);
    this.b1 = Tensor.zeros(hidden, 1);
    this.w2 = Tensor.zeros(1, hidden);
    this.v = Tensor.zeros(1, inputs);
    this.b2 = Tensor.zeros(1, 1);
    Initializers.xavierNormal().fillInPlace(w1, inputs, hidden, r);
    Initializers.xavierNormal().fillInPlace(w2, hidden, 1, r);
    Initializers.xavierNormal().fillInPlace(v, inputs, 1, r);
  }

  @Override
  public Layout layout() {
    return Layout.COLUMN;
  }

  @Override
  public int inputSize() {
    return inputs;
  }

  @Override
  public int outputSize() {
    return 1;
  }

  @Override
  public Forward forward(Node x) {
    Graph g = x.graph();
    Node a1;
    try (Graph.Scope s = g.scope("hidden")) {
      Node z1 = g.parameter("W[1]", w1).matmul(x).add(g.parameter("b[1]", b1)).named("Z[1]");
      a1 = Mish.of(z1).named("A[1]");
    }
    try (Graph.Scope s = g.scope("output")) {
      Node skip = g.parameter("V", v).matmul(x).named("skip");
      Node z2 = g.parameter("W[2]", w2).matmul(a1).add(skip).add(g.parameter("b[2]", b2))
          .named("Z[2]");
      return new Forward(x, z2, z2.sigmoid().named("A[2]"), Layout.COLUMN);
    }
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(new Parameter("W[1]", w1), new Parameter("b[1]", b1),
        new Parameter("W[2]", w2), new Parameter("V", v), new Parameter("b[2]", b2));
  }
}
