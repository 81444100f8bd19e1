package dev.chainrule.nn.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training-state part of a checkpoint's JSON header (format version 2, docs/model-format.md):
 * the optimizer's rule, settings, step count, scalar state and the names of its per-parameter
 * buffers, whose blocks follow the parameters' in the file, and the trainer's epoch count.
 *
 * @param kind the optimizer rule, e.g. {@code adam}
 * @param settings the hyper-parameters by name, in the optimizer's order
 * @param steps the optimizer's step count
 * @param scalars the optimizer's scalar state by name
 * @param slots the names of the per-parameter buffers, in block order
 * @param epochs the epochs the trainer had completed
 */
record StateHeader(String kind, Map<String, Double> settings, long steps,
    Map<String, Double> scalars, List<String> slots, int epochs) {

  /** Adds the {@code optimizer} and {@code training} objects to {@code root}. */
  void addTo(JsonObject root) {
    JsonObject o = new JsonObject();
    o.addProperty("kind", kind);
    o.add("settings", numbers(settings));
    o.addProperty("steps", steps);
    o.add("scalars", numbers(scalars));
    JsonArray names = new JsonArray();
    slots.forEach(names::add);
    o.add("slots", names);
    root.add("optimizer", o);
    JsonObject t = new JsonObject();
    t.addProperty("epochs", epochs);
    root.add("training", t);
  }

  private static JsonObject numbers(Map<String, Double> values) {
    JsonObject o = new JsonObject();
    values.forEach(o::addProperty);
    return o;
  }

  /**
   * Reads the state from {@code root}, or returns null when the header has none (a model file);
   * a missing or mistyped field is reported through {@code f}, naming it.
   */
  static StateHeader parse(JsonObject root, JsonFields f) throws ModelFileException {
    JsonObject o = f.optionalObject(root, "optimizer", "optimizer");
    if (o == null) {
      return null;
    }
    List<String> slots = new ArrayList<>();
    JsonArray names = f.array(o, "slots", "optimizer.slots");
    for (int i = 0; i < names.size(); i++) {
      slots.add(f.string(names.get(i), "optimizer.slots[" + i + "]"));
    }
    long steps = f.count(f.field(o, "steps", "optimizer.steps"), "optimizer.steps",
        Long.MAX_VALUE);
    JsonObject training = f.object(f.field(root, "training", "training"), "training");
    int epochs = (int) f.count(f.field(training, "epochs", "training.epochs"), "training.epochs",
        Integer.MAX_VALUE);
    return new StateHeader(f.string(o, "kind", "optimizer.kind"), numbers(f.object(f.field(o,
        "settings", "optimizer.settings"), "optimizer.settings"), "optimizer.settings", f), steps,
        numbers(f.object(f.field(o, "scalars", "optimizer.scalars"), "optimizer.scalars"),
            "optimizer.scalars", f), slots, epochs);
  }

  private static Map<String, Double> numbers(JsonObject o, String path, JsonFields f)
      throws ModelFileException {
    Map<String, Double> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> e : o.entrySet()) {
      values.put(e.getKey(), f.number(e.getValue(), path + "." + e.getKey()));
    }
    return values;
  }
}
