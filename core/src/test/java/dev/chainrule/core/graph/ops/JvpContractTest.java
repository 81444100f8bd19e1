package dev.chainrule.core.graph.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ops.OpCatalogue.Entry;
import dev.chainrule.core.tensor.Naive;
import dev.chainrule.core.tensor.Samples;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.testing.Close;
import dev.chainrule.core.testing.FiniteDifferences;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The forward-mode half of the contract, checked on every {@link OpCatalogue} entry: each input's
 * Jacobian-vector product has the output's shape and builds nothing its result does not use; it is
 * the transpose of the vjp (⟨u, J·v⟩ = ⟨Jᵀ·u, v⟩ for random u, v); forward mode's tangent matches
 * central differences of the forward pass; and to second order, the tangent differentiated forward
 * again matches central differences of the tangent, and forward-over-reverse Hessian-vector
 * products match central differences of the gradient.
 */
class JvpContractTest {
  /** The tolerance scheme of {@link OpContractTest}: relative 1e-6 plus a floor scaled by size. */
  private static final double RELATIVE = 1e-6;
  private static final double FLOOR = 1e-10;

  static Stream<Entry> entries() {
    return OpCatalogue.entries().stream();
  }

  /** A catalogue entry built into a fresh graph with a random direction for each moving input. */
  private static final class Built {
    final Graph graph = new Graph();
    final List<Node> params = new ArrayList<>();
    final Node output;
    final List<Node> moving = new ArrayList<>();
    final List<Tensor> directions = new ArrayList<>();

    Built(Entry e, Random r) {
      for (int i = 0; i < e.inputs().size(); i++) {
        params.add(graph.parameter("x" + i, e.inputs().get(i).copy()));
      }
      output = graph.apply(e.op(), params.toArray(new Node[0]));
      for (int i = 0; i < params.size(); i++) {
        if (!e.noGradient()[i] && e.perturbable()[i]) {
          moving.add(params.get(i));
          directions.add(Samples.uniform(r, -1, 1, e.inputs().get(i).shape().dims()));
        }
      }
    }

    List<Node> tangentNodes(String prefix) {
      List<Node> t = new ArrayList<>();
      for (int i = 0; i < moving.size(); i++) {
        t.add(graph.constant(prefix + i, directions.get(i)));
      }
      return t;
    }

    List<Tensor> movingValues() {
      return moving.stream().map(Node::storedValue).collect(Collectors.toList());
    }
  }

  private static Random randomFor(Entry e) {
    return new Random(e.name().hashCode() * 31L + 7);
  }

  private static double scaleOf(Tensor... values) {
    double s = 1;
    for (Tensor v : values) {
      s += Naive.unary(v, Math::abs).sum().item();
    }
    return s;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void jvpGivesATangentOfTheOutputsShapeOrNone(Entry e) {
    Built b = new Built(e, randomFor(e));
    for (int i = 0; i < e.inputs().size(); i++) {
      Node tangent = b.graph.constant("t" + i, Tensor.ones(e.inputs().get(i).shape().dims()));
      int before = b.graph.size();
      Node part = e.noGradient()[i] ? null : e.op().jvp(b.output, tangent, i);
      if (e.noGradient()[i]) {
        assertNull(part, "input " + i + " carries no derivative");
        continue;
      }
      assertNotNull(part, "jvp of input " + i);
      assertEquals(b.output.shape(), part.shape(), "tangent of the output for input " + i);
      Set<Node> used = ancestors(part);
      for (Node n : b.graph.nodes().subList(before, b.graph.size())) {
        assertTrue(used.contains(n), "the jvp of input " + i + " built " + n.name()
            + ", which its result does not use");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void jvpIsTheTransposeOfTheVjp(Entry e) {
    Random r = randomFor(e);
    Built b = new Built(e, r);
    Tensor u = Samples.uniform(r, -1, 1, b.output.shape().dims());
    Node upstream = b.graph.constant("u", u);
    for (int i = 0; i < e.inputs().size(); i++) {
      if (e.noGradient()[i]) {
        continue;
      }
      Tensor v = Samples.uniform(r, -1, 1, e.inputs().get(i).shape().dims());
      Node jv = e.op().jvp(b.output, b.graph.constant("v" + i, v), i);
      Node ju = e.op().vjp(b.output, upstream, i);
      Results got = Plan.compile(List.of(jv, ju)).run(Feeds.none());
      double left = got.get(jv).mul(u).sum().item();
      double right = got.get(ju).mul(v).sum().item();
      double scale = scaleOf(got.get(jv).mul(u), got.get(ju).mul(v));
      assertEquals(right, left, RELATIVE * Math.max(Math.abs(left), Math.abs(right))
          + FLOOR * scale, e.name() + ": ⟨u, J·v⟩ = ⟨Jᵀ·u, v⟩ for input " + i);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void forwardModeMatchesCentralDifferences(Entry e) {
    Built b = new Built(e, randomFor(e));
    if (b.moving.isEmpty()) {
      return;
    }
    Node tangent = Autodiff.jvp(List.of(b.output), b.moving, b.tangentNodes("v")).get(0);
    Tensor exact = Plan.compile(tangent).run(Feeds.none()).get(tangent).copy();
    Plan forward = Plan.compile(b.output);
    Tensor numeric = FiniteDifferences.directional(forward, List.of(b.output), b.movingValues(),
        b.directions, Feeds.none(), FiniteDifferences.STEP).get(0);
    double scale = scaleOf(forward.run(Feeds.none()).get(b.output));
    Close.assertClose(e.name() + ": J·v", exact, numeric, RELATIVE, FLOOR * scale);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void tangentDifferentiatedForwardAgainMatchesCentralDifferences(Entry e) {
    Random r = randomFor(e);
    Built b = new Built(e, r);
    if (b.moving.isEmpty()) {
      return;
    }
    Node first = Autodiff.jvp(List.of(b.output), b.moving, b.tangentNodes("v")).get(0);
    List<Tensor> second = new ArrayList<>();
    List<Node> secondNodes = new ArrayList<>();
    for (int i = 0; i < b.moving.size(); i++) {
      Tensor w = Samples.uniform(r, -1, 1, b.directions.get(i).shape().dims());
      second.add(w);
      secondNodes.add(b.graph.constant("w" + i, w));
    }
    Node twice = Autodiff.jvp(List.of(first), b.moving, secondNodes).get(0);
    Tensor exact = Plan.compile(twice).run(Feeds.none()).get(twice).copy();
    Plan tangentPlan = Plan.compile(first);
    Tensor numeric = FiniteDifferences.directional(tangentPlan, List.of(first), b.movingValues(),
        second, Feeds.none(), FiniteDifferences.STEP).get(0);
    double scale = scaleOf(tangentPlan.run(Feeds.none()).get(first));
    Close.assertClose(e.name() + ": d(J·v)·w", exact, numeric, RELATIVE, FLOOR * scale);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void forwardOverReverseHessianVectorProductMatchesCentralDifferences(Entry e) {
    Random r = randomFor(e);
    Built b = new Built(e, r);
    if (b.moving.isEmpty()) {
      return;
    }
    Tensor projection = Samples.uniform(r, -1, 1, b.output.shape().dims());
    Node loss = b.output.mul(b.graph.constant("R", projection)).sum();
    List<Node> grads = Autodiff.grad(loss, b.moving.toArray(new Node[0]));
    List<Node> hv = Autodiff.jvp(grads, b.moving, b.tangentNodes("v"));
    Results exact = Plan.compile(hv).run(Feeds.none());
    Plan gradientPlan = Plan.compile(grads);
    Results g0 = gradientPlan.run(Feeds.none());
    double scale = scaleOf(grads.stream().map(g0::get).toArray(Tensor[]::new));
    List<Tensor> numeric = FiniteDifferences.directional(gradientPlan, grads, b.movingValues(),
        b.directions, Feeds.none(), FiniteDifferences.STEP);
    for (int i = 0; i < grads.size(); i++) {
      Close.assertClose(e.name() + ": H·v for " + b.moving.get(i).name(),
          exact.get(hv.get(i)).copy(), numeric.get(i), RELATIVE, FLOOR * scale);
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
}
