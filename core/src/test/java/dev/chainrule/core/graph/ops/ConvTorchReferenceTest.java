package dev.chainrule.core.graph.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Naive;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.Window2d;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * conv2d, max_pool2d and avg_pool2d against PyTorch 1.13: forward values and the gradients of
 * Σ G ∘ output with respect to every input, on the cases of {@code torch-reference/conv.py}
 * (random shapes; stride, padding, dilation and groups, asymmetric ones included), whose output
 * {@code conv.json} is committed so that the test needs no torch.
 */
class ConvTorchReferenceTest {
  private static final double TOLERANCE = 1e-12;

  private static JsonObject reference() throws IOException {
    try (Reader r = new InputStreamReader(ConvTorchReferenceTest.class.getResourceAsStream(
        "/torch-reference/conv.json"), StandardCharsets.UTF_8)) {
      return JsonParser.parseReader(r).getAsJsonObject();
    }
  }

  static Stream<JsonObject> convCases() throws IOException {
    return cases("conv2d");
  }

  static Stream<JsonObject> poolCases() throws IOException {
    return cases("pool2d");
  }

  private static Stream<JsonObject> cases(String key) throws IOException {
    List<JsonObject> list = new ArrayList<>();
    for (JsonElement e : reference().getAsJsonArray(key)) {
      list.add(e.getAsJsonObject());
    }
    return list.stream();
  }

  private static Tensor tensor(JsonObject c, String key) {
    JsonObject t = c.getAsJsonObject(key);
    JsonArray shape = t.getAsJsonArray("shape");
    int[] dims = new int[shape.size()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = shape.get(i).getAsInt();
    }
    JsonArray values = t.getAsJsonArray("values");
    double[] v = new double[values.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = values.get(i).getAsDouble();
    }
    return Tensor.of(v, dims);
  }

  private static int[] pair(JsonObject c, String key) {
    JsonArray a = c.getAsJsonArray(key);
    return new int[] {a.get(0).getAsInt(), a.get(1).getAsInt()};
  }

  private static Window2d window(JsonObject c) {
    int[] s = pair(c, "stride");
    int[] p = pair(c, "padding");
    int[] d = pair(c, "dilation");
    return new Window2d(s[0], s[1], p[0], p[1], d[0], d[1]);
  }

  private static void assertClose(Tensor expected, Tensor actual, String what) {
    assertEquals(expected.shape(), actual.shape(), what + " shape");
    assertTrue(Naive.maxScaledDifference(actual, expected) <= TOLERANCE,
        () -> what + " differs from PyTorch by " + Naive.maxScaledDifference(actual, expected));
  }

  @ParameterizedTest
  @MethodSource("convCases")
  void conv2dMatchesPyTorch(JsonObject c) {
    Graph g = new Graph();
    Node x = g.parameter("X", tensor(c, "x"));
    Node w = g.parameter("W", tensor(c, "kernel"));
    Node z = x.conv2d(w, window(c), c.get("groups").getAsInt());
    Node loss = z.mul(g.constant("G", tensor(c, "upstream"))).sum();
    List<Node> grads = Autodiff.grad(loss, x, w);
    Results r = Plan.compile(z, grads.get(0), grads.get(1)).run(Feeds.none());
    assertClose(tensor(c, "z"), r.get(z), "Z");
    assertClose(tensor(c, "dx"), r.get(grads.get(0)), "dX");
    assertClose(tensor(c, "dkernel"), r.get(grads.get(1)), "dW");
  }

  @ParameterizedTest
  @MethodSource("poolCases")
  void poolingMatchesPyTorch(JsonObject c) {
    Graph g = new Graph();
    Node x = g.parameter("X", tensor(c, "x"));
    int[] k = pair(c, "kernel");
    Node z = "max".equals(c.get("kind").getAsString())
        ? x.maxPool2d(k[0], k[1], window(c)) : x.avgPool2d(k[0], k[1], window(c));
    Node loss = z.mul(g.constant("G", tensor(c, "upstream"))).sum();
    Node dx = Autodiff.grad(loss, x).get(0);
    Results r = Plan.compile(z, dx).run(Feeds.none());
    assertClose(tensor(c, "z"), r.get(z), "pooled");
    assertClose(tensor(c, "dx"), r.get(dx), "dX");
  }
}
