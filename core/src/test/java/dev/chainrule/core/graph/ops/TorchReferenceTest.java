package dev.chainrule.core.graph.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import dev.chainrule.core.graph.Range;
import dev.chainrule.core.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the ops of issue 14's ops-structure part against PyTorch 1.13 in float64: forward values
 * and the gradients of sum(out ∘ U) for a random U, on random shapes, broadcasting, negative axes
 * and positions, steps, padding and the far tails. The values come from
 * {@code torch-reference/ops_structure.py}, run outside the build; its JSON is committed.
 */
class TorchReferenceTest {
  private static final double TOLERANCE = 1e-10;

  /** One case of the JSON file: an op with its arguments, inputs, upstream and expectations. */
  record Case(String op, JsonObject args, List<Tensor> inputs, Tensor upstream, Tensor output,
      List<Tensor> grads) {
    @Override
    public String toString() {
      return op + " " + args + " of " + inputs.stream().map(t -> t.shape().toString()).toList();
    }
  }

  static List<Case> cases() throws IOException {
    try (InputStream in = TorchReferenceTest.class.getResourceAsStream(
        "/torch-reference/ops_structure.json")) {
      JsonObject root = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .getAsJsonObject();
      List<Case> cases = new ArrayList<>();
      for (JsonElement e : root.getAsJsonArray("cases")) {
        JsonObject c = e.getAsJsonObject();
        cases.add(new Case(c.get("op").getAsString(), c.getAsJsonObject("args"),
            tensors(c.getAsJsonArray("inputs")), tensor(c.getAsJsonObject("upstream")),
            tensor(c.getAsJsonObject("output")), tensors(c.getAsJsonArray("grads"))));
      }
      return cases;
    }
  }

  private static List<Tensor> tensors(JsonArray array) {
    return StreamSupport.stream(array.spliterator(), false)
        .map(e -> tensor(e.getAsJsonObject())).toList();
  }

  private static Tensor tensor(JsonObject t) {
    return Tensor.of(doubles(t.getAsJsonArray("data")), ints(t.getAsJsonArray("shape")));
  }

  private static double[] doubles(JsonArray a) {
    return StreamSupport.stream(a.spliterator(), false).mapToDouble(JsonElement::getAsDouble)
        .toArray();
  }

  private static int[] ints(JsonArray a) {
    return StreamSupport.stream(a.spliterator(), false).mapToInt(JsonElement::getAsInt).toArray();
  }

  private static int[] ints(JsonObject args, String key) {
    return ints(args.getAsJsonArray(key));
  }

  private static double bound(JsonObject args, String key, double none) {
    return args.get(key).isJsonNull() ? none : args.get(key).getAsDouble();
  }

  /** Builds the case's op on its inputs by the fluent method a user would call. */
  private static Node build(Case c, List<Node> x) {
    JsonObject a = c.args();
    switch (c.op()) {
      case "softplus": return x.get(0).softplus();
      case "gelu": return x.get(0).gelu();
      case "clamp": return x.get(0).clamp(bound(a, "lo", Double.NEGATIVE_INFINITY),
          bound(a, "hi", Double.POSITIVE_INFINITY));
      case "maximum": return x.get(0).maximum(x.get(1));
      case "minimum": return x.get(0).minimum(x.get(1));
      case "logsumexp": return a.get("keepDims").getAsBoolean()
          ? x.get(0).logSumExpKeepDims(ints(a, "axes")) : x.get(0).logSumExp(ints(a, "axes"));
      case "slice": return x.get(0).slice(ranges(a.getAsJsonArray("ranges")));
      case "pad": return x.get(0).pad(widths(a.getAsJsonArray("widths")),
          a.get("value").getAsDouble());
      case "permute": return x.get(0).permute(ints(a, "perm"));
      case "squeeze": return x.get(0).squeeze(ints(a, "axes"));
      case "unsqueeze": return x.get(0).unsqueeze(a.get("axis").getAsInt());
      case "matmul": return x.get(0).matmul(x.get(1));
      default: throw new AssertionError("no builder for op " + c.op());
    }
  }

  private static Range[] ranges(JsonArray list) {
    Range[] ranges = new Range[list.size()];
    for (int d = 0; d < ranges.length; d++) {
      JsonArray r = list.get(d).getAsJsonArray();
      ranges[d] = new Range(optional(r.get(0)), optional(r.get(1)),
          r.get(2).isJsonNull() ? 1 : r.get(2).getAsInt());
    }
    return ranges;
  }

  private static Integer optional(JsonElement e) {
    return e.isJsonNull() ? null : e.getAsInt();
  }

  private static int[][] widths(JsonArray list) {
    int[][] widths = new int[list.size()][];
    for (int d = 0; d < widths.length; d++) {
      widths[d] = ints(list.get(d).getAsJsonArray());
    }
    return widths;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void forwardAndGradientsMatchPyTorch(Case c) {
    Graph g = new Graph();
    List<Node> x = new ArrayList<>();
    for (int i = 0; i < c.inputs().size(); i++) {
      x.add(g.parameter("x" + i, c.inputs().get(i)));
    }
    Node out = build(c, x);
    Node loss = out.mul(g.constant("U", c.upstream())).sum();
    List<Node> targets = new ArrayList<>(List.of(out));
    targets.addAll(Autodiff.grad(loss, x.toArray(Node[]::new)));
    Results r = Plan.compile(targets).run(Feeds.none());
    close("output", c.output(), r.get(out));
    for (int i = 0; i < x.size(); i++) {
      close("gradient of input " + i, c.grads().get(i), r.get(targets.get(i + 1)));
    }
  }

  private static void close(String what, Tensor expected, Tensor actual) {
    assertEquals(expected.shape(), actual.shape(), what + ": shape");
    double[] e = expected.toArray();
    double[] a = actual.toArray();
    for (int i = 0; i < e.length; i++) {
      if (Double.isInfinite(e[i]) || Double.isNaN(e[i])) {
        assertArrayEquals(new double[] {e[i]}, new double[] {a[i]}, what + " element " + i);
      } else {
        assertTrue(Math.abs(e[i] - a[i]) <= TOLERANCE * Math.max(1, Math.abs(e[i])),
            what + " element " + i + ": expected " + e[i] + ", got " + a[i]);
      }
    }
  }
}
