package dev.chainrule.onnx;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.nn.layers.Layer;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.model.Architecture;
import dev.chainrule.nn.model.LayerStack;
import dev.chainrule.nn.model.Model;
import dev.chainrule.nn.model.Network;
import dev.chainrule.nn.model.Sequential;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the export reads from a model: its layers in order, the layout, the input and output
 * widths, the image shape a network views each input row as, and the words that describe it.
 *
 * @param title the model in a few words, e.g. "Sequential 784-256-10"
 * @param layout where samples lie in the input and the output
 * @param inputs the features per sample
 * @param outputs the outputs per sample
 * @param images the shape (c, h, w) each input row is viewed as, or null for rows of features
 * @param layers the layers, first to last
 * @param architecture the model's description kept in the file's metadata
 * @param dtype the number type of the model's parameters, that of the file's values
 */
record ExportedModel(String title, Layout layout, int inputs, int outputs, Shape images,
    List<Layer> layers, String architecture, DType dtype) {
  /**
   * Returns what the export reads from {@code model}.
   *
   * @throws IllegalArgumentException when the model is not a Sequential, a Network or a
   *     LayerStack, or holds a layer the export cannot write
   */
  static ExportedModel of(Model model) {
    ExportedModel m;
    if (model instanceof Sequential s) {
      Architecture a = s.architecture().orElseThrow();
      m = new ExportedModel("Sequential " + a.widths(), s.layout(), s.inputSize(),
          s.outputSize(), null, List.copyOf(s.layers()), a.widths(), model.dtype());
    } else if (model instanceof Network n) {
      Shape sample = n.sampleShape();
      m = new ExportedModel("Network " + sample + " → " + n.outputSize(), Layout.ROW,
          n.inputSize(), n.outputSize(), sample.rank() > 1 ? sample : null, n.layers(),
          n.toString(), model.dtype());
    } else if (model instanceof LayerStack ls) {
      m = new ExportedModel("LayerStack", ls.layout(), ls.inputSize(), ls.outputSize(), null,
          ls.layers(), ls.toString(), model.dtype());
    } else {
      throw new IllegalArgumentException("cannot export " + model.getClass().getName() + " to "
          + "ONNX: only a Sequential, a Network or a LayerStack describes its layers, and the "
          + "forward pass of any other Model is Java code the export cannot read; build the "
          + "model from those three");
    }
    LayerNodes.requireSupported(m.layers(), "the " + m.title() + " model");
    Set<String> names = new HashSet<>();
    for (Layer l : m.layers()) {
      if (!names.add(l.name())) {
        throw new IllegalArgumentException("cannot export the " + m.title() + " model to ONNX: "
            + "two of its layers are named '" + l.name() + "', and the file names its nodes and "
            + "values after the layers; give every layer its own name");
      }
    }
    return m;
  }

  /** Returns the file's description of the model: its title, the input's shape, float64. */
  String description() {
    boolean row = layout == Layout.ROW;
    return title + " exported by chainrule, " + layout.id() + " layout: " + OnnxExport.INPUT
        + " is " + (row ? "(m, " + inputs + "), one sample a row" : "(" + inputs + ", m), one "
        + "sample a column") + (images == null ? "" : ", viewed as images " + images)
        + "; float64";
  }
}
