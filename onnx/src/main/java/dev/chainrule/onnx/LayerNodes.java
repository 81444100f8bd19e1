package dev.chainrule.onnx;

import dev.chainrule.nn.layers.BatchNorm;
import dev.chainrule.nn.layers.Conv2d;
import dev.chainrule.nn.layers.Dense;
import dev.chainrule.nn.layers.Dropout;
import dev.chainrule.nn.layers.Embedding;
import dev.chainrule.nn.layers.EveryStep;
import dev.chainrule.nn.layers.Flatten;
import dev.chainrule.nn.layers.Layer;
import dev.chainrule.nn.layers.LayerNorm;
import dev.chainrule.nn.layers.Pool2d;
import dev.chainrule.nn.layers.Recurrent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which nodes each kind of layer becomes: one writer per layer class of nn, looked up by the
 * layer's class. A layer of any other class (a user's own {@link Layer}) cannot be exported, and
 * {@link #requireSupported} says so before anything is written.
 */
final class LayerNodes {
  /** Appends one layer's nodes after a value and returns the name of the layer's output. */
  private interface Writer {
    /** Appends {@code layer}'s nodes after {@code input} to {@code graph}. */
    String append(OnnxGraph graph, Layer layer, String input);
  }

  private static final Map<Class<? extends Layer>, Writer> WRITERS = new LinkedHashMap<>();

  static {
    WRITERS.put(Dense.class, (g, l, x) -> DenseNodes.dense(g, (Dense) l, x));
    WRITERS.put(Conv2d.class, (g, l, x) -> ConvNodes.append(g, (Conv2d) l, x));
    WRITERS.put(Pool2d.class, (g, l, x) -> PoolNodes.append(g, (Pool2d) l, x));
    WRITERS.put(BatchNorm.class, (g, l, x) -> NormNodes.batchNorm(g, (BatchNorm) l, x));
    WRITERS.put(Dropout.class, (g, l, x) -> ShapeNodes.dropout(g, (Dropout) l, x));
    WRITERS.put(Flatten.class, (g, l, x) -> ShapeNodes.flatten(g, (Flatten) l, x));
    WRITERS.put(Embedding.class, (g, l, x) -> EmbeddingNodes.append(g, (Embedding) l, x));
    WRITERS.put(Recurrent.class, (g, l, x) -> RecurrentNodes.append(g, (Recurrent) l, x));
    WRITERS.put(EveryStep.class, (g, l, x) -> DenseNodes.everyStep(g, (EveryStep) l, x));
    WRITERS.put(LayerNorm.class, (g, l, x) -> NormNodes.layerNorm(g, (LayerNorm) l, x));
  }

  private LayerNodes() {}

  /** Appends {@code layer}'s nodes after {@code input} and returns its output's name. */
  static String append(OnnxGraph graph, Layer layer, String input) {
    return WRITERS.get(layer.getClass()).append(graph, layer, input);
  }

  /**
   * Throws an {@link IllegalArgumentException} naming the first layer of {@code layers} that has
   * no ONNX form and the layers that have one; {@code model} names the model in the message.
   */
  static void requireSupported(List<? extends Layer> layers, String model) {
    for (Layer l : layers) {
      if (!WRITERS.containsKey(l.getClass())) {
        throw new IllegalArgumentException("cannot export " + model + " to ONNX: its layer '"
            + l.name() + "' is a " + l.getClass().getName() + ", which the export cannot read; "
            + "it writes the layers " + supported());
      }
    }
  }

  /** Returns the simple names of the layer classes the export writes, comma-separated. */
  static String supported() {
    StringBuilder sb = new StringBuilder();
    for (Class<?> c : WRITERS.keySet()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(c.getSimpleName());
    }
    return sb.append(" (Recurrent with Cell.RNN, LSTM or GRU)").toString();
  }
}
