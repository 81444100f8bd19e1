package dev.chainrule.nn.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.model.Architecture;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * @param bufferNames the names of the model's state tensors (running statistics), in block order
 * @param bufferShapes their shapes
 * @param dtype the number type of every value block: float64, or float32 from version 3 on
 */
record ModelHeader(Architecture architecture, List<String> names, List<Shape> shapes,
    StateHeader state, List<String> bufferNames, List<Shape> bufferShapes, DType dtype) {
  static final String FORMAT = "chainrule-model";
  /** The first format version that records the dtype; earlier files are float64. */
  static final int DTYPE_VERSION = 3;

  /** A float64 header without state tensors. */
  ModelHeader(Architecture architecture, List<String> names, List<Shape> shapes,
      StateHeader state) {
    this(architecture, names, shapes, state, List.of(), List.of(), DType.FLOAT64);
  }

  /**
   * Returns the shape of every value block in file order: the parameters, the model's state
   * tensors, then (in a checkpoint) each optimizer buffer for every parameter.
   */
  List<Shape> blockShapes() {
    List<Shape> blocks = new ArrayList<>(shapes);
    blocks.addAll(bufferShapes);
    for (int s = 0; state != null && s < state.slots().size(); s++) {
      blocks.addAll(shapes);
    }
    return blocks;
  }

  /** Returns the number of values, of {@link #dtype}, in all blocks. */
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
    root.addProperty("dtype", dtype.toString());
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
    root.add("parameters", blocks(names, shapes));
    if (!bufferNames.isEmpty()) {
      root.add("buffers", blocks(bufferNames, bufferShapes));
    }
    if (state != null) {
      state.addTo(root);
    }
    return root.toString();
  }

  private static JsonArray blocks(List<String> names, List<Shape> shapes) {
    JsonArray list = new JsonArray();
    for (int i = 0; i < names.size(); i++) {
      JsonObject p = new JsonObject();
      p.addProperty("name", names.get(i));
      JsonArray dims = new JsonArray();
      for (int d : shapes.get(i).dims()) {
        dims.add(d);
      }
      p.add("shape", dims);
      list.add(p);
    }
    return list;
  }

  /**
   * Parses a header of format version {@code version} (a training state is read from version 2
   * on, the dtype from version 3 on; earlier files are float64), throwing a {@link
   * ModelFileException} naming {@code file} and the first field that is missing or not what the
   * format says. Shapes are checked against the size of one array before
   * any is made, so that a header declaring absurd sizes is refused, not allocated.
   */
  static ModelHeader parse(String json, int version, Path file) throws ModelFileException {
    JsonFields f = new JsonFields(file);
    JsonElement parsed;
    try {
      parsed = JsonParser.parseString(json);
    } catch (JsonParseException e) {
      throw f.malformed("it is not valid JSON");
    }
    JsonObject root = f.object(parsed, "the header");
    String format = f.string(root, "format", "format");
    if (!FORMAT.equals(format)) {
      throw f.malformed("format must be '" + FORMAT + "', got '" + format + "'");
    }
    JsonObject model = f.optionalObject(root, "model", "model");
    Architecture architecture = model == null ? null : architecture(model, f, file);
    List<String> names = new ArrayList<>();
    List<Shape> shapes = new ArrayList<>();
    readBlocks(f.array(root, "parameters", "parameters"), "parameters", names, shapes, f);
    List<String> bufferNames = new ArrayList<>();
    List<Shape> bufferShapes = new ArrayList<>();
    if (root.has("buffers")) {
      readBlocks(f.array(root, "buffers", "buffers"), "buffers", bufferNames, bufferShapes, f);
    }
    StateHeader state = version >= 2 ? StateHeader.parse(root, f) : null;
    DType dtype = version >= DTYPE_VERSION ? dtype(f.string(root, "dtype", "dtype"), file)
        : DType.FLOAT64;
    return new ModelHeader(architecture, names, shapes, state, bufferNames, bufferShapes, dtype);
  }

  /** Returns the dtype the header names, refusing any other than float64 and float32. */
  private static DType dtype(String name, Path file) throws ModelFileException {
    try {
      return DType.of(name);
    } catch (IllegalArgumentException e) {
      throw new ModelFileException(file, "corrupt or unknown dtype '" + name + "' in the header; "
          + "this version of chainrule reads float64 and float32 values");
    }
  }

  private static void readBlocks(JsonArray list, String key, List<String> names,
      List<Shape> shapes, JsonFields f) throws ModelFileException {
    for (int i = 0; i < list.size(); i++) {
      String at = key + "[" + i + "]";
      JsonObject p = f.object(list.get(i), at);
      names.add(f.string(p, "name", at + ".name"));
      shapes.add(shape(f.array(p, "shape", at + ".shape"), at, names.get(names.size() - 1), f));
    }
  }

  /** Returns a parameter's shape, refusing one of more values than an array holds. */
  private static Shape shape(JsonArray dims, String at, String name, JsonFields f)
      throws ModelFileException {
    int[] d = new int[dims.size()];
    BigInteger values = BigInteger.ONE;
    for (int k = 0; k < d.length; k++) {
      d[k] = (int) f.count(dims.get(k), at + ".shape[" + k + "]", Integer.MAX_VALUE);
      values = values.multiply(BigInteger.valueOf(d[k]));
    }
    if (values.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
      throw f.malformed("parameter " + name + " has shape " + Arrays.toString(d)
          .replace('[', '(').replace(']', ')') + ", " + values + " values, more than one array "
          + "holds (" + Integer.MAX_VALUE + ")");
    }
    return Shape.of(d);
  }

  private static Architecture architecture(JsonObject m, JsonFields f, Path file)
      throws ModelFileException {
    String kind = f.string(m, "kind", "model.kind");
    if (!"sequential".equals(kind)) {
      throw new ModelFileException(file, "model kind '" + kind + "' is not supported; this "
          + "version reads 'sequential'");
    }
    List<Architecture.LayerSpec> layers = new ArrayList<>();
    JsonArray list = f.array(m, "layers", "model.layers");
    try {
      for (int i = 0; i < list.size(); i++) {
        String at = "model.layers[" + i + "]";
        JsonObject o = f.object(list.get(i), at);
        layers.add(new Architecture.LayerSpec((int) f.count(f.field(o, "units", at + ".units"),
            at + ".units", Integer.MAX_VALUE), Activation.parse(f.string(o, "activation",
            at + ".activation"))));
      }
      return new Architecture(Layout.parse(f.string(m, "layout", "model.layout")),
          (int) f.count(f.field(m, "inputs", "model.inputs"), "model.inputs", Integer.MAX_VALUE),
          layers);
    } catch (IllegalArgumentException e) {
      throw f.malformed("model: " + e.getMessage());
    }
  }

  /**
   * Returns true when the parameters are those the architecture, if any, implies: W[l] and b[l]
   * of each layer, shaped by the layout. A header whose own parts disagree was not written so.
   */
  boolean isConsistent() {
    if (architecture == null) {
      return true;
    }
    List<Architecture.LayerSpec> layers = architecture.layers();
    if (names.size() != 2 * layers.size()) {
      return false;
    }
    int inputs = architecture.inputs();
    Layout layout = architecture.layout();
    for (int l = 1; l <= layers.size(); l++) {
      int units = layers.get(l - 1).units();
      if (!names.get(2 * l - 2).equals("W[" + l + "]") || !names.get(2 * l - 1).equals("b[" + l
          + "]") || !shapes.get(2 * l - 2).equals(layout.weightShape(inputs, units))
          || !shapes.get(2 * l - 1).equals(layout.biasShape(units))) {
        return false;
      }
      inputs = units;
    }
    return true;
  }
}
