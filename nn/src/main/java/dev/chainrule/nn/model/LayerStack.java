package dev.chainrule.nn.model;

import dev.chainrule.core.graph.Node;
import dev.chainrule.nn.layers.Layer;
import dev.chainrule.nn.layers.LayerOutput;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.layers.Mode;
import dev.chainrule.nn.layers.Parameter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A model that applies any {@link Layer}s in order, each feeding the next: for instance an
 * embedding, a layer norm, an LSTM and a dense layer on every step. Its logits are the last
 * layer's Z and its output the last layer's A. Its parameters are the layers', in order, so model
 * files and checkpoints save and load it ({@code ModelFile.loadInto}); being custom code, it has
 * no {@link Architecture} to rebuild from a file. {@link #builder} builds the sequence models:
 *
 * <pre>{@code
 * LayerStack net = LayerStack.builder(Layout.COLUMN, 5, 1)   // 5 token ids per sample
 *     .embedding("embed", 10, 4).layerNorm("norm")
 *     .recurrent("lstm", Cell.LSTM, 8, false)               // the last hidden state
 *     .dense(3, Activation.softmax())
 *     .seed(1).build();
 * }</pre>
 */
public final class LayerStack extends LayeredModel {
  private final Layout layout;

  /**
   * Creates the model in {@code layout} over {@code layers}; throws when one layer's output width
   * is not the next one's input width, or two parameters share a name.
   */
  public LayerStack(Layout layout, List<Layer> layers) {
    super("layer stack", layers);
    Set<String> names = new HashSet<>();
    for (int i = 0; i < layers.size(); i++) {
      Layer l = layers.get(i);
      if (i > 0 && layers.get(i - 1).outputSize() != l.inputSize()) {
        throw new IllegalArgumentException("layer " + l.name() + " takes " + l.inputSize()
            + " features per sample, but the layer before it, " + layers.get(i - 1).name()
            + ", gives " + layers.get(i - 1).outputSize());
      }
      for (Parameter p : l.parameters()) {
        if (!names.add(p.name())) {
          throw new IllegalArgumentException("two parameters are named " + p.name() + "; give "
              + "every layer its own name");
        }
      }
    }
    this.layout = layout;
  }

  /**
   * Starts a sequence model in {@code layout} taking sequences of {@code steps} steps of {@code
   * features} features each (T·F features per sample, see {@link
   * dev.chainrule.nn.layers.Sequences}); token ids for an embedding are 1 feature per step.
   */
  public static LayerStackBuilder builder(Layout layout, int steps, int features) {
    return new LayerStackBuilder(layout, steps, features);
  }

  @Override
  public Layout layout() {
    return layout;
  }

  @Override
  public int inputSize() {
    return layers().get(0).inputSize();
  }

  /**
   * Adds the forward pass in {@code mode}: each layer applied in that mode, so that dropout drops
   * and batch norm uses the batch's statistics only when training.
   */
  @Override
  public Forward forward(Node input, Mode mode) {
    LayerOutput out = applyLayers(input, mode);
    return new Forward(input, out.z(), out.a(), layout);
  }

  @Override
  public String toString() {
    return withLayerLines("LayerStack (" + layout.id() + " layout, " + parameterCount()
        + " parameters)");
  }
}
