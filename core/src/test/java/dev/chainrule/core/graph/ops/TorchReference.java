package dev.chainrule.core.graph.ops;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.chainrule.core.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a PyTorch reference committed under {@code src/test/resources/torch-reference/}: a JSON
 * file written by the script next to it, holding tensors as {@code {"dims": [...], "values":
 * [...]}}. The tests never need torch; the scripts say how to re-run them.
 */
final class TorchReference {
  private TorchReference() {}

  /** Returns the cases of {@code torch-reference/<name>.json}. */
  static List<JsonObject> cases(String name) throws IOException {
    try (InputStream in = TorchReference.class.getResourceAsStream("/torch-reference/" + name
        + ".json")) {
      if (in == null) {
        throw new IOException("missing test resource torch-reference/" + name + ".json");
      }
      JsonObject root = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .getAsJsonObject();
      List<JsonObject> out = new ArrayList<>();
      root.getAsJsonArray("cases").forEach(c -> out.add(c.getAsJsonObject()));
      return out;
    }
  }

  /** Returns the tensor stored as {@code {"dims", "values"}}. */
  static Tensor tensor(JsonObject o) {
    JsonArray d = o.getAsJsonArray("dims");
    int[] dims = new int[d.size()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = d.get(i).getAsInt();
    }
    JsonArray v = o.getAsJsonArray("values");
    double[] values = new double[v.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = v.get(i).getAsDouble();
    }
    return Tensor.of(values, dims);
  }

  /** Returns the tensors of a JSON array of them. */
  static List<Tensor> tensors(JsonArray a) {
    List<Tensor> out = new ArrayList<>();
    a.forEach(e -> out.add(tensor(e.getAsJsonObject())));
    return out;
  }
}
