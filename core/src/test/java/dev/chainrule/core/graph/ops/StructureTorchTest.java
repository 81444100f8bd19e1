package dev.chainrule.core.graph.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ShapeException;
import dev.chainrule.core.tensor.Tensor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Gather (with repeated indices), concat, stack and split against PyTorch 1.13
 * (torch-reference/structure.py): forward values, the gradients of Σ y³ ∘ R and a Hessian-vector
 * product, to 1e-10 relative; and their errors in the user's words.
 */
class StructureTorchTest {
  static Stream<JsonObject> cases() throws IOException {
    return TorchReference.cases("structure").stream();
  }

  private static Node build(JsonObject c, List<Node> xs, Graph g) {
    String op = c.get("op").getAsString();
    int axis = c.get("axis").getAsInt();
    Node first = xs.get(0);
    Node[] rest = xs.subList(1, xs.size()).toArray(new Node[0]);
    switch (op) {
      case "gather":
        return first.gather(g.constant("idx", TorchReference.tensor(c.getAsJsonObject("indices"))),
            axis);
      case "concat":
        return first.concat(axis, rest);
      case "stack":
        return first.stack(axis, rest);
      default:
        int[] sizes = new int[c.getAsJsonArray("sizes").size()];
        for (int i = 0; i < sizes.length; i++) {
          sizes[i] = c.getAsJsonArray("sizes").get(i).getAsInt();
        }
        return first.split(axis, sizes).get(c.get("part").getAsInt());
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void forwardGradientAndSecondOrderMatchPyTorch(JsonObject c) {
    Graph g = new Graph();
    List<Tensor> inputs = TorchReference.tensors(c.getAsJsonArray("inputs"));
    List<Node> xs = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      xs.add(g.parameter("x" + i, inputs.get(i)));
    }
    Node y = build(c, xs, g);
    Node loss = y.pow(3).mul(g.constant("R", TorchReference.tensor(c.getAsJsonObject("R"))))
        .sum();
    List<Node> grads = Autodiff.grad(loss, xs.toArray(new Node[0]));
    List<Tensor> v = TorchReference.tensors(c.getAsJsonArray("V"));
    Node s = null;
    for (int i = 0; i < xs.size(); i++) {
      Node term = grads.get(i).mul(g.constant("V" + i, v.get(i))).sum();
      s = s == null ? term : s.add(term);
    }
    List<Node> hv = Autodiff.grad(s, xs.toArray(new Node[0]));
    List<Node> all = new ArrayList<>(List.of(y));
    all.addAll(grads);
    all.addAll(hv);
    Results r = Plan.compile(all).run(Feeds.none());
    String what = c.get("op").getAsString() + " axis " + c.get("axis");
    close(what + " forward", TorchReference.tensor(c.getAsJsonObject("output")), r.get(y));
    List<Tensor> dx = TorchReference.tensors(c.getAsJsonArray("grads"));
    List<Tensor> hvx = TorchReference.tensors(c.getAsJsonArray("hv"));
    for (int i = 0; i < xs.size(); i++) {
      close(what + " d/dx" + i, dx.get(i), r.get(grads.get(i)));
      close(what + " H·v for x" + i, hvx.get(i), r.get(hv.get(i)));
    }
  }

  private static void close(String what, Tensor expected, Tensor actual) {
    assertEquals(expected.shape(), actual.shape(), what + " shape");
    double scale = 1 + expected.map(Math::abs).max().item();
    assertTrue(expected.maxAbsDifference(actual) <= 1e-10 * scale,
        () -> what + ": expected " + expected + " but got " + actual);
  }

  @Test
  void anIndexOutOfRangeNamesTheIndexTheSizeAndTheUsersLine() {
    Graph g = new Graph();
    Node table = g.parameter("E", Tensor.zeros(5, 3));
    Node ids = g.input("ids", 2, 2);
    Node rows = table.gather(ids, 0);
    Plan p = Plan.compile(rows);
    IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
        () -> p.run(Feeds.of(ids, Tensor.of(new double[] {0, 4, 7, 1}, 2, 2))));
    assertTrue(e.getMessage().startsWith("index 7 at position [1, 0] of the indices (2, 2) is out "
        + "of range for an axis of size 5 (valid indices are 0 to 4); in gather of E (5, 3) by "
        + "ids (2, 2) (at StructureTorchTest.java:"), e.getMessage());
    IndexOutOfBoundsException half = assertThrows(IndexOutOfBoundsException.class,
        () -> p.run(Feeds.of(ids, Tensor.of(new double[] {0, 1.5, 2, 1}, 2, 2))));
    assertTrue(half.getMessage().startsWith("index 1.5 at position [0, 1] of the indices (2, 2) "
        + "is not a whole number"), half.getMessage());
  }

  @Test
  void shapeErrorsNameBothShapesAndTheUsersLine() {
    Graph g = new Graph();
    Node a = g.parameter("A", Tensor.zeros(2, 3));
    Node b = g.parameter("B", Tensor.zeros(3, 3));
    ShapeException e = assertThrows(ShapeException.class, () -> a.concat(1, b));
    assertTrue(e.getMessage().startsWith("concat of A (2, 3) and B (3, 3): concat along axis 1 "
        + "needs every other dimension to agree, but input 0 is (2, 3) and input 1 is (3, 3) (at "
        + "StructureTorchTest.java:"), e.getMessage());
    ShapeException s = assertThrows(ShapeException.class, () -> a.stack(0, b));
    assertTrue(s.getMessage().contains("stack needs inputs of one shape, but input 0 is (2, 3) "
        + "and input 1 is (3, 3)"), s.getMessage());
    ShapeException sp = assertThrows(ShapeException.class, () -> a.split(1, 2, 2));
    assertTrue(sp.getMessage().contains("the parts' sizes [2, 2] add up to 4, but axis 1 has 3 "
        + "positions"), sp.getMessage());
    ShapeException ax = assertThrows(ShapeException.class, () -> a.gather(b, 2));
    assertTrue(ax.getMessage().startsWith("gather of A (2, 3)"), ax.getMessage());
  }
}
