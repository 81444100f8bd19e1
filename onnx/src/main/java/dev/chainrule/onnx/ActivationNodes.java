package dev.chainrule.onnx;

import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.layers.Activation;
import java.util.List;

/**
 * The ONNX nodes of a dense layer's activation A[l] = g(Z[l]), each an operator ONNX Runtime runs
 * in float64: Sigmoid, Tanh, Relu and Softmax directly. ONNX's LeakyRelu takes its slope as a
 * float32 attribute (0.01 becomes 0.0099999998, outputs then differ from chainrule's by about
 * 1e-10), so Leaky ReLU is written as Relu(Z) − λ·Relu(−Z) with λ a float64 constant, which equals
 * λz for z &lt; 0 and z otherwise bit for bit (negation is exact).
 */
final class ActivationNodes {
  private ActivationNodes() {}

  /**
   * Appends the nodes of {@code activation} in {@code scope} (a layer's name and a slash) from the
   * value {@code z} to a value called {@code a}, a softmax over {@code featureAxis}, and returns
   * the name of the layer's output ({@code z} itself for the identity).
   */
  static String append(OnnxGraph graph, Activation activation, int featureAxis, String scope,
      String z, String a) {
    String formula = a + " = " + activation.id() + "(" + z + ")";
    switch (activation.kind()) {
      case IDENTITY:
        return z;
      case SIGMOID:
        return graph.node("Sigmoid", scope + "Sigmoid", formula, List.of(z), a);
      case TANH:
        return graph.node("Tanh", scope + "Tanh", formula, List.of(z), a);
      case RELU:
        return graph.node("Relu", scope + "Relu", formula, List.of(z), a);
      case SOFTMAX:
        return graph.node("Softmax", scope + "Softmax", formula + " over axis " + featureAxis
            + ", the units of each sample", List.of(z), a,
            OnnxGraph.intAttribute("axis", featureAxis));
      case LEAKY_RELU:
        return leakyRelu(graph, activation.slope(), scope, z, a);
      default:
        throw new IllegalArgumentException("activation " + activation.id() + " of layer " + scope
            + " has no ONNX form");
    }
  }

  private static String leakyRelu(OnnxGraph graph, double slope, String scope, String z,
      String a) {
    String lambda = graph.initializer(scope + "λ", Tensor.scalar(slope));
    String positive = graph.node("Relu", scope + "Relu", "max(0, " + z + ")", List.of(z),
        scope + "relu(Z)");
    String negated = graph.node("Neg", scope + "Neg", "−" + z, List.of(z), scope + "−Z");
    String negative = graph.node("Relu", scope + "Relu of −Z", "max(0, −" + z + ")",
        List.of(negated), scope + "relu(−Z)");
    String scaled = graph.node("Mul", scope + "Mul", "λ·max(0, −" + z + "), λ = " + slope,
        List.of(negative, lambda), scope + "λ·relu(−Z)");
    return graph.node("Sub", scope + "Sub", a + " = leaky_relu(" + z + ") = max(0, " + z
        + ") − λ·max(0, −" + z + ")", List.of(positive, scaled), a);
  }
}
