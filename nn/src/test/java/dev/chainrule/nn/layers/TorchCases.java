package dev.chainrule.nn.layers;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.chainrule.core.tensor.Tensor;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The cases of nn's PyTorch reference, {@code torch-reference/layers.json} (written by {@code
 * layers.py} next to it), each a JSON object whose tensors are {@code {"dims", "values"}}.
 */
final class TorchCases {
  private TorchCases() {}

  /** Returns every case of the committed reference. */
  static List<JsonObject> all() throws IOException {
    try (Reader r = new InputStreamReader(Objects.requireNonNull(TorchCases.class
        .getResourceAsStream("/torch-reference/layers.json"), "torch-reference/layers.json"),
        StandardCharsets.UTF_8)) {
      List<JsonObject> out = new ArrayList<>();
      for (JsonElement c : JsonParser.parseReader(r).getAsJsonObject().getAsJsonArray("cases")) {
        out.add(c.getAsJsonObject());
      }
      return out;
    }
  }

  /** Returns member {@code key} of {@code c} as a tensor. */
  static Tensor tensor(JsonObject c, String key) {
    return tensor(c.getAsJsonObject(key));
  }

  /** Returns the tensors of array member {@code key} of {@code c}. */
  static List<Tensor> tensors(JsonObject c, String key) {
    List<Tensor> out = new ArrayList<>();
    for (JsonElement e : c.getAsJsonArray(key)) {
      out.add(tensor(e.getAsJsonObject()));
    }
    return out;
  }

  private static Tensor tensor(JsonObject o) {
    JsonArray dims = o.getAsJsonArray("dims");
    JsonArray values = o.getAsJsonArray("values");
    int[] d = new int[dims.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = dims.get(i).getAsInt();
    }
    double[] v = new double[values.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = values.get(i).getAsDouble();
    }
    return Tensor.of(v, d);
  }
}
