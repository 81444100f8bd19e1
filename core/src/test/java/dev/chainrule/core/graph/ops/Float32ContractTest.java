package dev.chainrule.core.graph.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.ExecOptions;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.DTypeException;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ops.OpCatalogue.Entry;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Naive;
import dev.chainrule.core.tensor.Samples;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The op contract in float32: every {@link OpCatalogue} entry whose operation {@link
 * dev.chainrule.core.graph.Op#supports supports} float32 is built in a float32 graph and its
 * forward value, gradients (vjp) and forward-mode derivative (jvp) are compared with float64.
 * The inputs are the catalogue's samples rounded to float32, and the float64 side computes from
 * those same rounded numbers (the reference forward, and the gradients and tangents of a float64
 * graph), so what is measured is the float32 kernels' own rounding.
 *
 * <p>Tolerance: |float32 − float64| ≤ {@value #TOLERANCE}·max(1, |float64|). A float32 primitive is
 * correctly rounded (half an ulp, 6e-8 relative); the forms and derivative graphs of the
 * catalogue chain up to about a dozen primitives on well-conditioned domains, so their error stays
 * below 1e-6; 1e-5 leaves a margin of ten, and is still a hundred times tighter than a float32
 * value read as float64 by mistake at the first rounding would pass unnoticed by a float64 check.
 * The operations without a float32 kernel are refused by the plan with an exception naming them.
 */
class Float32ContractTest {
  static final double TOLERANCE = 1e-5;

  static Stream<Entry> float32() {
    return OpCatalogue.entries().stream().filter(e -> e.op().supports(DType.FLOAT32));
  }

  static Stream<Entry> float32Differentiable() {
    return float32().filter(e -> IntStream.range(0, e.inputs().size())
        .anyMatch(i -> e.op().differentiable(i)));
  }

  static Stream<Entry> float64Only() {
    return OpCatalogue.entries().stream().filter(e -> !e.op().supports(DType.FLOAT32));
  }

  private static List<Tensor> rounded(Entry e) {
    return e.inputs().stream().map(t -> t.to(DType.FLOAT32).to(DType.FLOAT64))
        .collect(Collectors.toList());
  }

  /** The entry's op applied to parameters holding {@code inputs} in a graph of {@code dtype}. */
  private static final class Built {
    final Graph graph;
    final List<Node> params = new ArrayList<>();
    final Node output;

    Built(Entry e, List<Tensor> inputs, DType dtype) {
      graph = new Graph(dtype);
      for (int i = 0; i < inputs.size(); i++) {
        params.add(graph.parameter("x" + i, inputs.get(i).to(dtype).copy()));
      }
      output = graph.apply(e.op(), params.toArray(new Node[0]));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("float32")
  void forwardMatchesTheFloat64Reference(Entry e) {
    List<Tensor> in = rounded(e);
    Tensor expected = e.reference().apply(in);
    Built b = new Built(e, in, DType.FLOAT32);
    List<Tensor> values = new ArrayList<>();
    for (ExecOptions o : List.of(ExecOptions.defaults(), ExecOptions.unoptimised())) {
      Tensor got = Plan.compile(List.of(b.output), o).run(Feeds.none()).get(b.output).copy();
      assertEquals(b.output.dtype(), got.dtype(), "the value has the node's dtype");
      double d = Naive.maxScaledDifference(got.to(DType.FLOAT64), expected);
      assertTrue(d <= TOLERANCE, () -> "float32 " + got + " but float64 " + expected
          + " (scaled difference " + d + ")");
      values.add(got);
    }
    assertEquals(values.get(1), values.get(0),
        "the optimised plan (prepared kernels, fused loops) gives forward's float32 bits");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("float32Differentiable")
  void gradientsMatchFloat64WhereTheirOperationsRunInFloat32(Entry e) {
    List<Tensor> in = rounded(e);
    Built b32 = new Built(e, in, DType.FLOAT32);
    Tensor u = Samples.uniform(new Random(e.name().hashCode()), -1, 1,
        b32.output.shape().dims()).to(DType.FLOAT32).to(DType.FLOAT64);
    List<Node> g32 = gradients(b32, u);
    if (!runsInFloat32(g32)) {
      DTypeException refused = assertThrows(DTypeException.class, () -> Plan.compile(g32));
      assertTrue(refused.getMessage().contains("no float32 kernel"), refused.getMessage());
      return;
    }
    Built b64 = new Built(e, in, DType.FLOAT64);
    List<Node> g64 = gradients(b64, u);
    Results r32 = Plan.compile(g32).run(Feeds.none());
    Results r64 = Plan.compile(g64).run(Feeds.none());
    for (int i = 0; i < g32.size(); i++) {
      Tensor got = r32.get(g32.get(i)).to(DType.FLOAT64);
      Tensor expected = r64.get(g64.get(i));
      double d = Naive.maxScaledDifference(got, expected);
      int input = i;
      assertTrue(d <= TOLERANCE, () -> "gradient of input " + input + ": float32 " + got
          + " but float64 " + expected + " (scaled difference " + d + ")");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("float32Differentiable")
  void tangentsMatchFloat64WhereTheirOperationsRunInFloat32(Entry e) {
    List<Tensor> in = rounded(e);
    Random r = new Random(e.name().hashCode() + 1);
    List<Tensor> tangents = new ArrayList<>();
    for (Tensor t : in) {
      tangents.add(Samples.uniform(r, -1, 1, t.shape().dims()).to(DType.FLOAT32)
          .to(DType.FLOAT64));
    }
    Built b32 = new Built(e, in, DType.FLOAT32);
    Node t32 = tangent(e, b32, tangents);
    if (!runsInFloat32(List.of(t32))) {
      DTypeException refused = assertThrows(DTypeException.class, () -> Plan.compile(t32));
      assertTrue(refused.getMessage().contains("no float32 kernel"), refused.getMessage());
      return;
    }
    Built b64 = new Built(e, in, DType.FLOAT64);
    Node t64 = tangent(e, b64, tangents);
    Tensor got = Plan.compile(t32).run(Feeds.none()).get(t32);
    Tensor expected = Plan.compile(t64).run(Feeds.none()).get(t64);
    assertEquals(b32.output.dtype(), got.dtype(), "the tangent has the output's dtype");
    double d = Naive.maxScaledDifference(got.to(DType.FLOAT64), expected);
    assertTrue(d <= TOLERANCE, () -> "jvp: float32 " + got + " but float64 " + expected
        + " (scaled difference " + d + ")");
  }

  /** The jvp of the entry's output along {@code tangents} of its differentiable inputs. */
  private static Node tangent(Entry e, Built b, List<Tensor> tangents) {
    List<Node> moving = new ArrayList<>();
    List<Node> directions = new ArrayList<>();
    for (int i = 0; i < b.params.size(); i++) {
      if (e.op().differentiable(i)) {
        moving.add(b.params.get(i));
        directions.add(b.graph.constant("t" + i, tangents.get(i).to(b.graph.dtype())));
      }
    }
    return Autodiff.jvp(List.of(b.output), moving, directions).get(0);
  }

  @Test
  void everyEntryWithoutBroadcastingHasItsGradientsChecked() {
    List<String> unchecked = float32Differentiable().filter(e -> e.inputs().stream()
        .allMatch(t -> t.shape().equals(outputShape(e))))
        .filter(e -> !runsInFloat32(gradients(new Built(e, rounded(e), DType.FLOAT32),
            Tensor.zeros(outputShape(e)))))
        .map(Entry::name).collect(Collectors.toList());
    assertEquals(List.of(), unchecked, "entries whose gradients cannot run in float32");
    assertTrue(float32Differentiable().count() >= 60, "the elementwise entries at least");
  }

  private static Shape outputShape(Entry e) {
    return e.op().inferShape(e.inputs().stream().map(Tensor::shape).collect(Collectors.toList()));
  }

  /**
   * Every catalogue op without a float32 kernel is refused by name when a float32 plan is
   * compiled. A loop rather than a parameterized test: once matrix products, convolutions and
   * pools all run in float32 there may be none left, which JUnit refuses as a source.
   */
  @Test
  void anOperationWithoutAFloat32KernelIsRefusedByName() {
    for (Entry e : float64Only().collect(Collectors.toList())) {
      Built b = new Built(e, rounded(e), DType.FLOAT32);
      DTypeException refused = assertThrows(DTypeException.class, () -> Plan.compile(b.output),
          e.name());
      String m = refused.getMessage();
      assertTrue(m.contains(e.op().name() + " has no float32 kernel yet"), m);
      assertTrue(m.contains(b.output.name()), m);
    }
  }

  private static List<Node> gradients(Built b, Tensor upstream) {
    List<Node> wrt = new ArrayList<>();
    for (int i = 0; i < b.params.size(); i++) {
      if (b.output.op().differentiable(i)) {
        wrt.add(b.params.get(i));
      }
    }
    Node u = b.graph.constant("u", upstream.to(b.output.dtype()));
    return Autodiff.gradients(b.output, u, wrt).list();
  }

  /** Returns true when every operation the nodes are computed from has a kernel in its dtype. */
  private static boolean runsInFloat32(List<Node> targets) {
    Graph g = targets.get(0).graph();
    for (Node n : g.nodes()) {
      if (n.op() != null && !n.op().supports(n.dtype())) {
        return false;
      }
    }
    return true;
  }
}
