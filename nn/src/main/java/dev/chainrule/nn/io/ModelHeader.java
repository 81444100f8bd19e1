package dev.chainrule.nn.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.model.Architecture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON header of a model file (see docs/model-format.md): the architecture, when the model
 * has one, the name and shape of every parameter block that follows, and, in a checkpoint, the
 * training state whose buffers follow the parameters.
 *
 * @param architecture the model description, or null for a custom model
 * @param names the parameter names, in block order
 * @param shapes the parameter shapes, in block order
 * @param state the optimizer and trainer state of a checkpoint, or null for a model file
 */
record ModelHeader(Architecture architecture, List<String> names, List<Shape> shapes,
    StateHeader state) {
  static final String FORMAT = "chainrule-model";

  /**
   * Returns the shape of every value block in file order: the parameters, then (in a checkpoint)
   * each optimizer buffer for every parameter.
   */
  List<Shape> blockShapes() {
    List<Shape> blocks = new ArrayList<>(shapes);
    for (int s = 0; state != null && s < state.slots().size(); s++) {
      blocks.addAll(shapes);
    }
    return blocks;
  }

  /** Returns the number of float64 values in all blocks. */
  long valueCount() {
    long n = 0;
    for (Shape s : blockShapes()) {
      n += s.size();
    }
    return n;
  }

  /** Returns the header as compact JSON. */
  String toJson() {
    JsonObject root = new JsonObject();
    root.addProperty("format", FORMAT);
    if (architecture != null) {
      JsonObject m = new JsonObject();
      m.addProperty("kind", "sequential");
      m.addProperty("layout", architecture.layout().id());
      m.addProperty("inputs", architecture.inputs());
      JsonArray layers = new JsonArray();
      for (Architecture.LayerSpec l : architecture.layers()) {
        JsonObject o = new JsonObject();
        o.addProperty("kind", "dense");
        o.addProperty("units", l.units());
        o.addProperty("activation", l.activation().id());
        layers.add(o);
      }
      m.add("layers", layers);
      root.add("model", m);
    }
    JsonArray params = new JsonArray();
    for (int i = 0; i < names.size(); i++) {
      JsonObject p = new JsonObject();
      p.addProperty("name", names.get(i));
      JsonArray dims = new JsonArray();
      for (int d : shapes.get(i).dims()) {
        dims.add(d);
      }
      p.add("shape", dims);
      params.add(p);
    }
    root.add("parameters", params);
    if (state != null) {
      state.addTo(root);
    }
    return root.toString();
  }

  /**
   * Parses a header of format version {@code version} (a training state is read from version 2
   * on), throwing a {@link ModelFileException} naming {@code file} when invalid.
   */
  static ModelHeader parse(String json, int version, Path file) throws ModelFileException {
    try {
      JsonObject root = JsonParser.parseString(json).getAsJsonObject();
      String format = root.get("format").getAsString();
      if (!FORMAT.equals(format)) {
        throw new ModelFileException(file, "header format is '" + format + "', expected '" + FORMAT
            + "'");
      }
      Architecture architecture = null;
      JsonElement model = root.get("model");
      if (model != null && !model.isJsonNull()) {
        architecture = architecture(model.getAsJsonObject(), file);
      }
      List<String> names = new ArrayList<>();
      List<Shape> shapes = new ArrayList<>();
      for (JsonElement e : root.getAsJsonArray("parameters")) {
        JsonObject p = e.getAsJsonObject();
        names.add(p.get("name").getAsString());
        JsonArray dims = p.getAsJsonArray("shape");
        int[] d = new int[dims.size()];
        for (int k = 0; k < d.length; k++) {
          d[k] = dims.get(k).getAsInt();
          if (d[k] < 0) {
            throw new ModelFileException(file, "parameter " + names.get(names.size() - 1)
                + " has a negative dimension " + d[k]);
          }
        }
        shapes.add(Shape.of(d));
      }
      StateHeader state = version >= 2 ? StateHeader.parse(root, file) : null;
      return new ModelHeader(architecture, names, shapes, state);
    } catch (JsonParseException | IllegalStateException | NullPointerException
        | NumberFormatException | UnsupportedOperationException | ClassCastException e) {
      throw new ModelFileException(file, "the JSON header is malformed or lacks a field ("
          + e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "")
          + "); the file is corrupt or was not written by chainrule");
    }
  }

  private static Architecture architecture(JsonObject m, Path file) throws ModelFileException {
    String kind = m.get("kind").getAsString();
    if (!"sequential".equals(kind)) {
      throw new ModelFileException(file, "model kind '" + kind + "' is not supported; this "
          + "version reads 'sequential'");
    }
    try {
      List<Architecture.LayerSpec> layers = new ArrayList<>();
      for (JsonElement e : m.getAsJsonArray("layers")) {
        JsonObject o = e.getAsJsonObject();
        layers.add(new Architecture.LayerSpec(o.get("units").getAsInt(),
            Activation.parse(o.get("activation").getAsString())));
      }
      return new Architecture(Layout.parse(m.get("layout").getAsString()),
          m.get("inputs").getAsInt(), layers);
    } catch (IllegalArgumentException e) {
      throw new ModelFileException(file, "invalid model description: " + e.getMessage());
    }
  }
}
