package dev.chainrule.core.graph.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.ops.OpCatalogue.Entry;
import dev.chainrule.core.tensor.Naive;
import dev.chainrule.core.tensor.Samples;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.testing.Close;
import dev.chainrule.core.testing.FiniteDifferences;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every operation keeps, checked on every {@link OpCatalogue} entry: shape rule,
 * forward against an independent reference, labels, a vjp for each input of that input's shape
 * that builds nothing its result does not use, first-order gradients against finite differences,
 * and second-order (Hessian-vector products) against finite differences of the gradient. A new op
 * class without a catalogue entry fails {@link #everyOpClassHasACatalogueEntry()}.
 */
class OpContractTest {
  /**
   * First and second order: |autograd − numeric| ≤ 1e-6·max(|a|, |n|) + floor. The numeric
   * derivative's rounding error is ≈ 3ε·S/h ≈ 7e-13·S for h = 1e-3, with S the magnitude of the
   * differentiated values; the floor 1e-10·S leaves two orders of margin and only matters for
   * elements whose true value is 0.
   */
  private static final double RELATIVE = 1e-6;
  private static final double FLOOR = 1e-10;

  static Stream<Entry> entries() {
    return OpCatalogue.entries().stream();
  }

  /** A catalogue entry built into a fresh graph: one parameter per input, then the op. */
  private static final class Built {
    final Graph graph = new Graph();
    final List<Node> params = new ArrayList<>();
    final Node output;

    Built(Entry e) {
      for (int i = 0; i < e.inputs().size(); i++) {
        params.add(graph.parameter("x" + i, e.inputs().get(i).copy()));
      }
      output = graph.apply(e.op(), params.toArray(new Node[0]));
    }
  }

  private static Random randomFor(Entry e) {
    return new Random(e.name().hashCode());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void shapeRuleAndForwardMatchTheReference(Entry e) {
    Built b = new Built(e);
    List<Shape> shapes = e.inputs().stream().map(Tensor::shape).collect(Collectors.toList());
    Tensor expected = e.reference().apply(e.inputs());
    assertEquals(expected.shape(), e.op().inferShape(shapes), "shape rule");
    assertEquals(expected.shape(), b.output.shape(), "node shape");

    Tensor[] in = e.inputs().stream().map(Tensor::copy).toArray(Tensor[]::new);
    Tensor out = Tensor.full(expected.shape(), Double.NaN);
    e.op().forward(in, out);
    assertTrue(Naive.maxScaledDifference(out, expected) <= 1e-13,
        () -> "forward " + out + " but reference " + expected);
    for (int i = 0; i < in.length; i++) {
      assertEquals(e.inputs().get(i), in[i], "forward must not modify input " + i);
    }
    Tensor planned = Plan.compile(b.output).run(Feeds.none()).get(b.output);
    assertEquals(expected.shape(), planned.shape(), "shape of the plan's result");
    assertTrue(Naive.maxScaledDifference(planned, expected) <= 1e-13);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void labelsAndNotationAreWritten(Entry e) {
    Op op = e.op();
    assertFalse(op.name().isBlank(), "name");
    assertFalse(op.label().isBlank(), "label");
    assertNotNull(op.notation().form(), "notation form");
    assertNotNull(op.notation().latex(), "notation latex");
    if (op instanceof Identity) {
      assertEquals("", op.notation().text(), "identity is written as its argument alone");
    } else {
      assertFalse(op.notation().text().isBlank(), "notation text");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void vjpGivesEachInputAGradientOfItsShapeOrNone(Entry e) {
    Built b = new Built(e);
    Node upstream = b.graph.constant("g", Tensor.ones(b.output.shape().dims()));
    for (int i = 0; i < e.inputs().size(); i++) {
      assertEquals(!e.noGradient()[i], e.op().differentiable(i), "differentiable(" + i + ")");
      int before = b.graph.size();
      Node local = e.op().vjp(b.output, upstream, i);
      if (e.noGradient()[i]) {
        assertNull(local, "input " + i + " must receive no gradient");
        assertEquals(before, b.graph.size(), "no nodes for an input without a gradient");
      } else {
        assertNotNull(local, "input " + i);
        assertEquals(e.inputs().get(i).shape(), local.shape(), "gradient of input " + i);
        Set<Node> used = ancestors(local);
        for (Node n : b.graph.nodes().subList(before, b.graph.size())) {
          assertTrue(used.contains(n), "the vjp of input " + i + " built " + n.name()
              + ", which its result does not use");
        }
      }
    }
  }

  /** Returns {@code n} and every node it is computed from, by an explicit walk. */
  private static Set<Node> ancestors(Node n) {
    Set<Node> seen = new HashSet<>(List.of(n));
    Deque<Node> todo = new ArrayDeque<>(List.of(n));
    while (!todo.isEmpty()) {
      for (Node in : todo.pop().inputs()) {
        if (seen.add(in)) {
          todo.push(in);
        }
      }
    }
    return seen;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void firstOrderGradientMatchesFiniteDifferences(Entry e) {
    Built b = new Built(e);
    Random r = randomFor(e);
    Tensor projection = Samples.uniform(r, -1, 1, b.output.shape().dims());
    Node loss = b.output.mul(b.graph.constant("R", projection)).sum();
    List<Node> grads = Autodiff.grad(loss, b.params.toArray(new Node[0]));
    Results analytic = Plan.compile(grads).run(Feeds.none());
    Plan forward = Plan.compile(loss);
    double scale = 1 + Plan.compile(b.output).run(Feeds.none()).get(b.output).mul(projection)
        .map(Math::abs).sum().item();
    for (int i = 0; i < grads.size(); i++) {
      Node d = grads.get(i);
      Tensor exact = analytic.get(d).copy();
      if (e.noGradient()[i]) {
        assertEquals(NodeKind.CONSTANT, d.kind(), "no gradient flows to input " + i);
        assertEquals(Tensor.zeros(e.inputs().get(i).shape()), exact, "zeros for input " + i);
      }
      if (e.perturbable()[i]) {
        Tensor numeric = FiniteDifferences.gradient(forward, loss,
            b.params.get(i).storedValue(), Feeds.none(), FiniteDifferences.STEP);
        Close.assertClose(e.name() + ": d/dx" + i, exact, numeric, RELATIVE, FLOOR * scale);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void hessianVectorProductMatchesFiniteDifferencesOfTheGradient(Entry e) {
    Built b = new Built(e);
    Random r = randomFor(e);
    Tensor projection = Samples.uniform(r, -1, 1, b.output.shape().dims());
    Node loss = b.output.mul(b.graph.constant("R", projection)).sum();
    List<Node> wrt = new ArrayList<>();
    List<Tensor> direction = new ArrayList<>();
    for (int i = 0; i < b.params.size(); i++) {
      if (!e.noGradient()[i] && e.perturbable()[i]) {
        wrt.add(b.params.get(i));
        direction.add(Samples.uniform(r, -1, 1, e.inputs().get(i).shape().dims()));
      }
    }
    if (wrt.isEmpty()) {
      return;
    }
    List<Node> grads = Autodiff.grad(loss, wrt.toArray(new Node[0]));
    Node s = null;
    for (int i = 0; i < wrt.size(); i++) {
      Node term = grads.get(i).mul(b.graph.constant("v" + i, direction.get(i))).sum();
      s = s == null ? term : s.add(term);
    }
    List<Node> hv = Autodiff.grad(s, wrt.toArray(new Node[0]));
    Results exact = Plan.compile(hv).run(Feeds.none());
    Plan gradientPlan = Plan.compile(grads);
    Results g0 = gradientPlan.run(Feeds.none());
    double scale = 1;
    for (Node g : grads) {
      scale += Naive.unary(g0.get(g), Math::abs).sum().item();
    }
    List<Tensor> moving = wrt.stream().map(Node::storedValue).collect(Collectors.toList());
    List<Tensor> numeric = FiniteDifferences.directional(gradientPlan, grads, moving, direction,
        Feeds.none(), FiniteDifferences.STEP);
    for (int i = 0; i < wrt.size(); i++) {
      Close.assertClose(e.name() + ": H·v for " + wrt.get(i).name(),
          exact.get(hv.get(i)).copy(), numeric.get(i), RELATIVE, FLOOR * scale);
    }
  }

  @Test
  void everyOpClassHasACatalogueEntry() {
    Set<String> ops = OpClasses.all();
    assertTrue(ops.contains(Add.class.getName()) && ops.contains(Where.class.getName()),
        "the scan must find the ops package: " + ops);
    Set<String> catalogued = OpCatalogue.entries().stream().map(x -> x.op().getClass().getName())
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> missing = new TreeSet<>(ops);
    missing.removeAll(catalogued);
    assertEquals(Set.of(), missing, "ops without an OpCatalogue entry; add one per op");
    assertTrue(ops.size() >= 27, () -> "found only " + ops);
  }

  @Test
  void catalogueCoversEveryConfigurationTheBriefNames() {
    List<Entry> all = OpCatalogue.entries();
    Set<String> flags = all.stream().filter(x -> x.op() instanceof MatMul)
        .map(x -> Arrays.toString(new boolean[] {((MatMul) x.op()).transposeA(),
            ((MatMul) x.op()).transposeB()})).collect(Collectors.toSet());
    assertEquals(4, flags.size(), "all four transpose flags of matmul");
    Set<Compare.Relation> relations = all.stream().filter(x -> x.op() instanceof Compare)
        .map(x -> ((Compare) x.op()).relation()).collect(Collectors.toSet());
    assertEquals(Set.of(Compare.Relation.values()), relations, "every relation");
    for (Class<?> reduction : List.of(Sum.class, Mean.class, Max.class)) {
      Set<Boolean> keeps = all.stream().filter(x -> reduction.isInstance(x.op()))
          .map(x -> x.name().contains(" keep")).collect(Collectors.toSet());
      assertEquals(Set.of(true, false), keeps, reduction.getSimpleName() + " keepDims both ways");
    }
  }
}
