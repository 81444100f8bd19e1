package dev.chainrule.core.graph.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ops.OpCatalogue.Entry;
import dev.chainrule.core.tensor.Samples;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.testing.Close;
import dev.chainrule.core.testing.FiniteDifferences;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The matrix form of the forward-mode contract, on every {@link OpCatalogue} entry whose op writes
 * one: {@code jmp(output, M, i)} is J·M, checked column by column against central differences of
 * the forward pass along each column of M (reshaped to the input), for a random M and for the
 * identity diag(1), where it is the whole Jacobian. The ops that the extraction of a Hessian from
 * a Hessian-vector product relies on must write it.
 */
class JmpContractTest {
  private static final double RELATIVE = 1e-6;
  private static final double FLOOR = 1e-9;
  /** The ops a tangent graph combines tangents with: each must give J·M for some entry. */
  private static final Set<String> REQUIRED = Set.of("add", "sub", "mul", "div", "neg",
      "matmul", "transpose", "reshape", "broadcast", "sum", "mean", "where", "identity");

  static Stream<Entry> entries() {
    return OpCatalogue.entries().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void jacobianTimesAMatrixMatchesCentralDifferences(Entry e) {
    Random r = new Random(e.name().hashCode() * 17L + 3);
    for (int i = 0; i < e.inputs().size(); i++) {
      if (e.noGradient()[i] || !e.perturbable()[i]) {
        continue;
      }
      int size = e.inputs().get(i).size();
      check(e, i, Samples.uniform(r, -1, 1, size, 3), false);
      check(e, i, null, true);
    }
  }

  /** Checks J·M for {@code columns}, or for the identity when {@code identity}. */
  private static void check(Entry e, int input, Tensor columns, boolean identity) {
    Graph g = new Graph();
    List<Node> params = new ArrayList<>();
    for (int k = 0; k < e.inputs().size(); k++) {
      params.add(g.parameter("x" + k, e.inputs().get(k).copy()));
    }
    Node output = g.apply(e.op(), params.toArray(new Node[0]));
    Shape in = e.inputs().get(input).shape();
    Tensor m = identity ? identityMatrix(in.size()) : columns;
    Node matrix = identity ? Diag.identity(g, in.size()) : g.constant("M", m);
    Node product = e.op().jmp(output, matrix, input);
    if (product == null) {
      return;
    }
    int n = m.shape().dim(1);
    assertEquals(Shape.of(output.shape().size(), n), product.shape(), e.name() + ": J·M's shape");
    Tensor exact = Plan.compile(product).run(Feeds.none()).get(product).copy();
    Plan forward = Plan.compile(output);
    double[] numeric = new double[output.shape().size() * n];
    for (int j = 0; j < n; j++) {
      double[] column = new double[in.size()];
      for (int k = 0; k < column.length; k++) {
        column[k] = m.get(k, j);
      }
      Tensor d = FiniteDifferences.directional(forward, List.of(output),
          List.of(params.get(input).storedValue()), List.of(Tensor.of(column, in.dims())),
          Feeds.none(), FiniteDifferences.STEP).get(0);
      for (int k = 0; k < d.size(); k++) {
        numeric[k * n + j] = d.buffer()[k];
      }
    }
    Close.assertClose(e.name() + ": J·" + (identity ? "I" : "M") + " for input " + input, exact,
        Tensor.of(numeric, output.shape().size(), n), RELATIVE, FLOOR);
  }

  private static Tensor identityMatrix(int n) {
    double[][] rows = new double[n][n];
    for (int i = 0; i < n; i++) {
      rows[i][i] = 1;
    }
    return Tensor.matrix(rows);
  }

  @Test
  void theOpsTangentGraphsCombineTangentsWithWriteIt() {
    Set<String> writing = new TreeSet<>();
    for (Entry e : OpCatalogue.entries()) {
      for (int i = 0; i < e.inputs().size(); i++) {
        Graph g = new Graph();
        List<Node> params = new ArrayList<>();
        for (Tensor t : e.inputs()) {
          params.add(g.parameter("x" + params.size(), t.copy()));
        }
        Node output = g.apply(e.op(), params.toArray(new Node[0]));
        int size = e.inputs().get(i).size();
        if (e.op().jmp(output, g.constant("M", Tensor.ones(size, 2)), i) != null) {
          writing.add(e.op().name());
        }
      }
    }
    assertTrue(writing.containsAll(REQUIRED), "without J·M: " + new TreeSet<>(REQUIRED)
        .stream().filter(op -> !writing.contains(op)).toList());
  }
}
