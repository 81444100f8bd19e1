package dev.chainrule.spark;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.init.RandomSource;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.model.Forward;
import dev.chainrule.nn.model.Model;
import java.util.List;

/**
 * A custom model for the tests, with no architecture a model file could rebuild it from: 2 inputs,
 * a tanh hidden layer of 6 and a linear skip from the inputs to the 3 logits, in rows:
 * logits = tanh(X·W1 + b1)·W2 + X·V.
 */
final class ResidualModel implements Model {
  private final List<Parameter> parameters;

  /** Creates the model with weights drawn from a source seeded with {@code seed}. */
  ResidualModel(long seed) {
    RandomSource r = RandomSource.seeded(seed);
    parameters = List.of(new Parameter("W1", normal(r, 2, 6)),
        new Parameter("b1", Tensor.zeros(1, 6)), new Parameter("W2", normal(r, 6, 3)),
        new Parameter("V", normal(r, 2, 3)));
  }

  private static Tensor normal(RandomSource r, int rows, int columns) {
    double[] v = new double[rows * columns];
    for (int i = 0; i < v.length; i++) {
      v[i] = 0.5 * r.nextGaussian();
    }
    return Tensor.of(v, rows, columns);
  }

  @Override
  public Layout layout() {
    return Layout.ROW;
  }

  @Override
  public int inputSize() {
    return 2;
  }

  @Override
  public int outputSize() {
    return 3;
  }

  @Override
  public Forward forward(Node input) {
    Graph g = input.graph();
    Node hidden = input.matmul(g.parameter("W1", parameters.get(0).value()))
        .add(g.parameter("b1", parameters.get(1).value())).tanh();
    Node logits = hidden.matmul(g.parameter("W2", parameters.get(2).value()))
        .add(input.matmul(g.parameter("V", parameters.get(3).value())));
    return new Forward(input, logits, logits.softmax(1), Layout.ROW);
  }

  @Override
  public List<Parameter> parameters() {
    return parameters;
  }
}
