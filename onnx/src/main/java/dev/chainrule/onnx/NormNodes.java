package dev.chainrule.onnx;

import dev.chainrule.nn.layers.BatchNorm;
import dev.chainrule.nn.layers.LayerNorm;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.layers.Parameter;
import java.util.List;
import onnx.Onnx.AttributeProto;

/**
 * The ONNX nodes of the normalisation layers. Batch norm in evaluation mode is ONNX's
 * BatchNormalization over the channels (axis 1) with γ, β and the running mean as they are saved.
 * ONNX's epsilon is a float32 attribute (10⁻⁵ is not a float32 number; given so, ONNX Runtime's
 * outputs move by 2.7e−5 on a channel of variance 10⁻⁶), so the file folds chainrule's float64 ε
 * into the variance it stores, {@code running_var[l] + ε}, and sets epsilon to 0: the
 * denominator is then √(σ² + ε) as chainrule computes it. Layer norm is written out with
 * chainrule's own operations for the same reason (ONNX's LayerNormalization has a float32 epsilon
 * too): the mean, the centred values, the mean of their squares, + ε, √, ÷, ·γ, +β.
 */
final class NormNodes {
  private NormNodes() {}

  /** Appends batch norm layer {@code norm} in evaluation mode after {@code input}; returns A[l]. */
  static String batchNorm(OnnxGraph graph, BatchNorm norm, String input) {
    String scope = norm.name() + "/";
    int l = norm.index();
    List<Parameter> p = norm.parameters();
    List<Parameter> state = norm.buffers();
    int c = norm.outputShape().dim(0);
    String gamma = graph.initializer(p.get(0).name(), p.get(0).value().toArray(), c);
    String beta = graph.initializer(p.get(1).name(), p.get(1).value().toArray(), c);
    String mean = graph.initializer(state.get(0).name(), state.get(0).value().toArray(), c);
    double[] variance = state.get(1).value().toArray();
    for (int i = 0; i < c; i++) {
      variance[i] = variance[i] + BatchNorm.EPSILON;
    }
    String var = graph.initializer(state.get(1).name() + " + ε", variance, c);
    String a = "A[" + l + "]";
    return graph.node("BatchNormalization", scope + "BatchNormalization", a + " = " + gamma
        + " ∘ (" + input + " − " + mean + ") / √(" + var + ") + " + beta + ", ε = "
        + BatchNorm.EPSILON + " folded into the variance", List.of(input, gamma, beta, mean, var),
        a, OnnxGraph.floatAttribute("epsilon", 0f));
  }

  /**
   * Appends layer norm {@code norm} after the sequence {@code input} ((T·F, m) or (m, T·F)),
   * each step's F features normalised on their own, and returns its output.
   */
  static String layerNorm(OnnxGraph graph, LayerNorm norm, String input) {
    String n = norm.name();
    String scope = n + "/";
    boolean column = norm.layout() == Layout.COLUMN;
    int t = norm.steps();
    int f = norm.features();
    String x = column
        ? graph.reshape(scope, input, n + ".x", "the steps of " + input + ", (T, F, m)", t, f, -1)
        : graph.reshape(scope, input, n + ".x", "the steps of " + input + ", (m, T, F)", -1, t, f);
    AttributeProto axes = OnnxGraph.intsAttribute("axes", column ? 1 : 2);
    AttributeProto keep = OnnxGraph.intAttribute("keepdims", 1);
    String mu = graph.node("ReduceMean", scope + "ReduceMean", "μ, the mean of each step's "
        + f + " features", List.of(x), n + ".μ", axes, keep);
    String centred = graph.node("Sub", scope + "Sub", "x − μ", List.of(x, mu), n + ".x − μ");
    String squares = graph.node("Mul", scope + "Mul (x − μ)²", "(x − μ)²", List.of(centred,
        centred), n + ".(x − μ)²");
    String variance = graph.node("ReduceMean", scope + "ReduceMean (x − μ)²", "σ², the mean of "
        + "(x − μ)² over each step's features", List.of(squares), n + ".σ²", axes,
        keep);
    String eps = graph.initializer(scope + "ε", new double[] {norm.epsilon()});
    String shifted = graph.node("Add", scope + "Add ε", "σ² + ε, ε = " + norm.epsilon(),
        List.of(variance, eps), n + ".σ² + ε");
    String spread = graph.node("Sqrt", scope + "Sqrt", "√(σ² + ε)", List.of(shifted),
        n + ".√(σ² + ε)");
    String normalised = graph.node("Div", scope + "Div", "(x − μ) / √(σ² + ε)", List.of(centred,
        spread), n + ".x̂");
    List<Parameter> p = norm.parameters();
    String gamma = graph.initializer(p.get(0).name(), p.get(0).value());
    String beta = graph.initializer(p.get(1).name(), p.get(1).value());
    String scaled = graph.node("Mul", scope + "Mul γ", "x̂ ∘ γ", List.of(normalised, gamma),
        n + ".x̂ ∘ γ");
    String shiftedBack = graph.node("Add", scope + "Add β", "x̂ ∘ γ + β", List.of(scaled, beta),
        n + ".y");
    String out = n + ".out";
    return column
        ? graph.reshape(scope, shiftedBack, out, out + ", a sequence again (T·F, m)",
            (long) t * f, -1)
        : graph.reshape(scope, shiftedBack, out, out + ", a sequence again (m, T·F)", -1,
            (long) t * f);
  }
}
