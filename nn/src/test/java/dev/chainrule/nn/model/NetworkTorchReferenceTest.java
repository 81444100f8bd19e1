package dev.chainrule.nn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Mode;
import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.layers.StateUpdate;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A network of every image layer (conv, ReLU, batch norm over channels, max pool, flatten, dense,
 * batch norm over features, dense) against PyTorch 1.13 ({@code torch-reference/image_layers.py}
 * and its committed {@code image_layers.json}): training-mode output and parameter gradients, the
 * running statistics after the step, and the evaluation-mode output that uses them.
 */
class NetworkTorchReferenceTest {
  private static final double TOLERANCE = 1e-10;

  private static JsonObject reference() throws IOException {
    try (Reader r = new InputStreamReader(NetworkTorchReferenceTest.class.getResourceAsStream(
        "/torch-reference/image_layers.json"), StandardCharsets.UTF_8)) {
      return JsonParser.parseReader(r).getAsJsonObject();
    }
  }

  private static double[] values(JsonArray a) {
    double[] v = new double[a.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = a.get(i).getAsDouble();
    }
    return v;
  }

  private static void assertValues(double[] expected, Tensor actual, String what) {
    double[] a = actual.toArray();
    assertEquals(expected.length, a.length, what + " size");
    for (int i = 0; i < a.length; i++) {
      double scale = Math.max(1, Math.abs(expected[i]));
      assertEquals(expected[i], a[i], TOLERANCE * scale, what + " element " + i);
    }
  }

  static Network network() {
    return Network.builder(2, 6, 6)
        .conv2d(3, 3, 1, Activation.relu()).batchNorm().maxPool2d(2)
        .flatten().dense(5, Activation.identity()).batchNorm().dense(4, Activation.identity())
        .build();
  }

  @Test
  void trainingAndEvaluationMatchPyTorch() throws IOException {
    JsonObject ref = reference();
    Network net = network();
    JsonObject initial = ref.getAsJsonObject("parameters");
    for (Parameter p : net.parameters()) {
      double[] v = values(initial.getAsJsonArray(p.name()));
      System.arraycopy(v, 0, p.value().buffer(), 0, v.length);
    }
    Tensor x = Tensor.of(values(ref.getAsJsonArray("x")), 4, 72);

    Graph g = new Graph();
    Node input = g.input("X", 4, 72);
    Node out = net.forward(input, Mode.TRAINING).output();
    Node loss = out.mul(g.constant("G", Tensor.of(values(ref.getAsJsonArray("upstream")),
        4, 4))).sum();
    List<Node> params = new ArrayList<>();
    for (Parameter p : net.parameters()) {
      params.add(g.nodes().stream().filter(n -> n.kind() == NodeKind.PARAMETER
          && n.name().equals(p.name())).findFirst().orElseThrow());
    }
    List<Node> grads = Autodiff.grad(loss, params.toArray(new Node[0]));
    List<StateUpdate> updates = net.stateUpdates(g);
    assertEquals(4, updates.size(), "two batch norms, mean and variance each");
    List<Node> targets = new ArrayList<>(grads);
    targets.add(out);
    updates.forEach(u -> targets.add(u.observed()));
    Results r = Plan.compile(targets).run(Feeds.of(input, x));
    assertValues(values(ref.getAsJsonArray("train_output")), r.get(out), "training output");
    JsonObject expectedGrads = ref.getAsJsonObject("gradients");
    for (int i = 0; i < params.size(); i++) {
      String name = params.get(i).name();
      assertValues(values(expectedGrads.getAsJsonArray(name)), r.get(grads.get(i)), "d" + name);
    }
    updates.forEach(u -> u.apply().accept(r.get(u.observed())));
    JsonObject running = ref.getAsJsonObject("running");
    for (Parameter b : net.buffers()) {
      assertValues(values(running.getAsJsonArray(b.name())), b.value(), b.name());
    }

    Graph e = new Graph();
    Node evalInput = e.input("X", 4, 72);
    Node evalOut = net.forward(evalInput).output();
    assertEquals(List.of(), net.stateUpdates(e), "evaluation asks for no state updates");
    assertValues(values(ref.getAsJsonArray("eval_output")),
        Plan.compile(evalOut).run(Feeds.of(evalInput, x)).get(evalOut), "evaluation output");
  }
}
