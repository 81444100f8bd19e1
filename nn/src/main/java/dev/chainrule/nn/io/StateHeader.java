package dev.chainrule.nn.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
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
   * a missing or mistyped field raises the runtime exceptions {@link ModelHeader#parse} reports.
   */
  static StateHeader parse(JsonObject root, Path file) throws ModelFileException {
    JsonElement e = root.get("optimizer");
    if (e == null || e.isJsonNull()) {
      return null;
    }
    JsonObject o = e.getAsJsonObject();
    List<String> slots = new ArrayList<>();
    for (JsonElement s : o.getAsJsonArray("slots")) {
      slots.add(s.getAsString());
    }
    long steps = o.get("steps").getAsLong();
    int epochs = root.getAsJsonObject("training").get("epochs").getAsInt();
    if (steps < 0 || epochs < 0) {
      throw new ModelFileException(file, "the optimizer's step count " + steps + " and the "
          + "epoch count " + epochs + " must not be negative");
    }
    return new StateHeader(o.get("kind").getAsString(), numbers(o.getAsJsonObject("settings")),
        steps, numbers(o.getAsJsonObject("scalars")), slots, epochs);
  }

  private static Map<String, Double> numbers(JsonObject o) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> e : o.entrySet()) {
      values.put(e.getKey(), e.getValue().getAsDouble());
    }
    return values;
  }
}
