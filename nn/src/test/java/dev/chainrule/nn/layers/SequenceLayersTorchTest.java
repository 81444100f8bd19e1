package dev.chainrule.nn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.exec.train.Sgd;
import dev.chainrule.core.exec.train.TrainingStep;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RNN, LSTM and GRU (PyTorch's gate order, weights copied), LayerNorm and Embedding (repeated
 * ids) against PyTorch 1.13 (torch-reference/layers.py), in both layouts: the output and the
 * gradients of Σ out ∘ R for every parameter and the input, to 1e-10; and one SGD step with
 * gradients clipped by global norm against torch's clip_grad_norm_ and SGD.
 */
class SequenceLayersTorchTest {
  static Stream<Arguments> cases() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (JsonObject c : TorchCases.all()) {
      for (Layout layout : Layout.values()) {
        out.add(Arguments.of(c.get("kind").getAsString() + " " + c.get("steps") + " steps "
            + TorchCases.tensor(c, c.has("x") ? "x" : "ids").shape(), layout, c));
      }
    }
    return out.stream();
  }

  /** Returns t in {@code layout}: itself in columns, transposed in rows. */
  private static Tensor in(Layout layout, Tensor t) {
    return layout == Layout.COLUMN ? t : t.transpose();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void outputAndGradientsMatchPyTorch(String name, Layout layout, JsonObject c) {
    String kind = c.get("kind").getAsString();
    List<Tensor> params = new ArrayList<>();
    for (Tensor p : TorchCases.tensors(c, "params")) {
      params.add(in(layout, p));
    }
    int steps = c.get("steps").getAsInt();
    Layer layer = layer(kind, layout, steps, c, params);
    Graph g = new Graph();
    boolean embedding = kind.equals("embedding");
    Node x = embedding ? g.input("ids", in(layout, TorchCases.tensor(c, "ids")))
        : g.parameter("x", in(layout, TorchCases.tensor(c, "x")));
    Node out = layer.apply(x).a();
    Node loss = out.mul(g.constant("R", in(layout, TorchCases.tensor(c, "R")))).sum();
    if (kind.equals("clipped_lstm_sgd")) {
      checkClippedStep(c, layout, layer, g, loss, out);
      return;
    }
    List<Node> wrt = new ArrayList<>();
    for (dev.chainrule.nn.layers.Parameter p : layer.parameters()) {
      wrt.add(g.node(p.name()));
    }
    if (!embedding) {
      wrt.add(x);
    }
    List<Node> grads = Autodiff.grad(loss, wrt.toArray(new Node[0]));
    List<Node> targets = new ArrayList<>(grads);
    targets.add(out);
    Results r = Plan.compile(targets).run(Feeds.none());
    close(name + " output", in(layout, TorchCases.tensor(c, "output")), r.get(out));
    List<Tensor> expected = TorchCases.tensors(c, "grads");
    for (int i = 0; i < expected.size(); i++) {
      close(name + " d" + wrt.get(i).name(), in(layout, expected.get(i)), r.get(grads.get(i)));
    }
    if (!embedding) {
      close(name + " dx", in(layout, TorchCases.tensor(c, "dx")), r.get(grads.get(wrt.size()
          - 1)));
    }
  }

  private static Layer layer(String kind, Layout layout, int steps, JsonObject c,
      List<Tensor> p) {
    switch (kind) {
      case "embedding":
        return new Embedding("embed", layout, steps, p.get(0));
      case "layernorm":
        return new LayerNorm("norm", layout, steps, p.get(0), p.get(1), 1e-5);
      default:
        Cell cell = Cell.valueOf(kind.replace("clipped_", "").replace("_sgd", "")
            .toUpperCase(Locale.ROOT));
        return new Recurrent(cell.id(), cell, layout, steps, c.get("everyStep").getAsBoolean(),
            p.get(0), p.get(1), p.get(2), p.get(3));
    }
  }

  private static void checkClippedStep(JsonObject c, Layout layout, Layer layer, Graph g,
      Node loss, Node out) {
    List<Node> params = new ArrayList<>();
    for (dev.chainrule.nn.layers.Parameter p : layer.parameters()) {
      params.add(g.node(p.name()));
    }
    TrainingStep step = TrainingStep.builder(loss).parameters(params)
        .optimizer(new Sgd(c.get("lr").getAsDouble()).clippedByGlobalNorm(
            c.get("maxNorm").getAsDouble())).build();
    assertEquals(c.get("loss").getAsDouble(), step.run(Feeds.none()).scalar(loss), 1e-10);
    List<Tensor> after = TorchCases.tensors(c, "after");
    for (int i = 0; i < after.size(); i++) {
      close("clipped step " + params.get(i).name(), in(layout, after.get(i)),
          layer.parameters().get(i).value());
    }
  }

  private static void close(String what, Tensor expected, Tensor actual) {
    assertEquals(expected.shape(), actual.shape(), what + " shape");
    double scale = 1 + expected.map(Math::abs).max().item();
    assertTrue(expected.maxAbsDifference(actual) <= 1e-10 * scale,
        () -> what + ": expected " + expected + " but got " + actual);
  }
}
