package dev.chainrule.core.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.autodiff.Gradients;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.CreationSite;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.print.FormulaPrinter;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.testing.SeedLike;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Backward passes re-derived from the fused forward graph and simplified: the same gradients as
 * reverse mode on the graph the user wrote, with the fusions visible in the adjoints, and the
 * original graph's names, scopes, passes, lines and parameter tensors kept.
 */
class GradientRewriteTest {
  private static final FormulaPrinter TEXT = FormulaPrinter.unicode();

  @Test
  void seedLikeNetworksKeepTheirGradientsInBothForms() {
    SeedLike.Net shallow = SeedLike.shallow(8, 1);
    SeedLike.Net batch = SeedLike.testnetBatch(6, 2);
    SeedLike.Net single = SeedLike.testnetSingle(3);
    SeedLike.Net four = SeedLike.fourEquations(4);
    for (GradientForm form : GradientForm.values()) {
      assertSameGradients(shallow, Rewriter.standard(), form);
      assertSameGradients(batch, Rewriter.standard(), form);
      assertSameGradients(batch, Rewriter.standard().assumingDistribution(batch.node("Y"), 1),
          form);
      assertSameGradients(single, Rewriter.standard().assumingDistribution(single.node("Y"), 0),
          form);
      assertSameGradients(four, Rewriter.standard(), form);
      assertSameGradients(four, Rewriter.with(Rules.algebraic()), form);
    }
  }

  private static void assertSameGradients(SeedLike.Net net, Rewriter rewriter, GradientForm form) {
    RewrittenGradients r = rewriter.gradients(net.loss(), net.parameters(), form);
    List<Node> raw = Autodiff.grad(net.loss(), net.parameters().toArray(new Node[0]));
    Results before = Plan.compile(raw).run(Feeds.none());
    Results after = Plan.compile(r.gradients()).run(Feeds.none());
    for (int k = 0; k < raw.size(); k++) {
      Tensor a = before.get(raw.get(k));
      Tensor b = after.get(r.gradients().get(k));
      assertEquals(a.shape(), b.shape());
      for (int i = 0; i < a.size(); i++) {
        assertEquals(a.buffer()[i], b.buffer()[i], 1e-12 * Math.max(1, Math.abs(a.buffer()[i])),
            form + " " + raw.get(k).name() + "[" + i + "]");
      }
    }
  }

  @Test
  void sigmoidCrossEntropyShowsAsAMinusYWithTheOneOverMWhereTheFormPutsIt() {
    SeedLike.Net net = SeedLike.shallow(8, 1);
    Node z2 = net.node("Z[2]");
    Tensor a2 = net.node("A[2]").value();
    Tensor y = net.node("Y").heldValue();
    RewrittenGradients perSample = Rewriter.standard().gradients(net.loss(), net.parameters(),
        GradientForm.PER_SAMPLE);
    RewrittenGradients adjoints = Rewriter.standard().gradients(net.loss(), net.parameters(),
        GradientForm.ADJOINTS);
    FormulaPrinter p = TEXT.withSymbol("m", 8);
    assertEquals("A[2] − Y", p.expression(perSample.adjoint(z2)));
    assertEquals("(1/m)·(A[2] − Y)", p.expression(adjoints.adjoint(z2)));
    assertEquals(8, perSample.batchSize());
    assertEquals(1.0 / 8, perSample.batchFactor());
    Tensor delta = perSample.adjoint(z2).value();
    Tensor scaled = adjoints.adjoint(z2).value();
    for (int i = 0; i < 8; i++) {
      double expected = a2.buffer()[i] - y.buffer()[i];
      assertEquals(expected, delta.buffer()[i], 1e-15);
      assertEquals(expected / 8, scaled.buffer()[i], 1e-15);
    }
  }

  @Test
  void softmaxCrossEntropyShowsAsPMinusYOnceTheTargetsAreDeclaredOneHot() {
    SeedLike.Net net = SeedLike.testnetBatch(6, 2);
    Node z2 = net.node("Z[2]");
    RewrittenGradients plain = Rewriter.standard().gradients(net.loss(), net.parameters(),
        GradientForm.PER_SAMPLE);
    RewrittenGradients oneHot = Rewriter.standard().assumingDistribution(net.node("Y"), 1)
        .gradients(net.loss(), net.parameters(), GradientForm.PER_SAMPLE);
    assertEquals("P ∘ (Σ Y) − Y", TEXT.expression(plain.adjoint(z2)));
    assertEquals("P − Y", TEXT.expression(oneHot.adjoint(z2)));
    assertTrue(oneHot.fired().containsKey("Σ Y = 1 (declared)"));
  }

  @Test
  void provenanceIsKeptAndParametersAreShared() {
    Graph g = new Graph();
    Node w = g.parameter("W", Tensor.matrix(new double[] {0.5, -1}, new double[] {2, 0.25}));
    Node x = g.input("x", 2, 1);
    Node h;
    try (Graph.Scope layer = g.scope("layer1")) {
      h = w.matmul(x).mul(1.0).tanh().named("h");
    }
    Node loss = h.square().sum().named("L");
    RewrittenGradients r = Rewriter.standard().gradients(loss, List.of(w), GradientForm.ADJOINTS);
    Node hNew = r.get(h);
    assertEquals("h", hNew.name());
    assertEquals("layer1", hNew.scope());
    assertEquals(h.site(), hNew.site());
    assertEquals(0, hNew.gradientPass());
    assertSame(w.storedValue(), r.get(w).storedValue());
    assertTrue(r.gradient(w).isGradient());
    assertEquals("dW", r.gradient(w).name());
    Tensor xv = Tensor.column(0.3, -0.7);
    Node raw = Autodiff.grad(loss, w).get(0);
    Tensor expected = Plan.compile(raw).run(Feeds.of(x, xv)).get(raw);
    Tensor actual = Plan.compile(r.gradient(w)).run(r.feeds(Feeds.of(x, xv))).get(r.gradient(w));
    assertTrue(expected.maxAbsDifference(actual) < 1e-15);
  }

  @Test
  void aMillionNodeChainIsRewrittenAndPrintedWithoutRecursion() {
    CreationSite.setEnabled(false);
    try {
      Graph g = new Graph();
      Node n = g.input("x", Tensor.scalar(0.5));
      for (int i = 0; i < 1_000_000; i++) {
        n = n.tanh();
      }
      Node last = n.named("y");
      Rewritten r = Rewriter.standard().rewrite(last);
      assertEquals(1_000_001, r.graph().size());
      assertEquals("y", r.targets().get(0).name());
      assertEquals("y = …", TEXT.equation(r.targets().get(0)));
      assertEquals("tanh(tanh(x))", TEXT.expression(r.graph().node(2)));
    } finally {
      CreationSite.setEnabled(true);
    }
  }

  @Test
  void gradientsOfAPassAreTheSameAsOfItsLossAndTargets() {
    SeedLike.Net net = SeedLike.shallow(4, 5);
    Gradients pass = Autodiff.gradients(net.loss(), net.parameters());
    RewrittenGradients a = Rewriter.standard().gradients(pass, GradientForm.PER_SAMPLE);
    List<String> names = new ArrayList<>();
    a.gradients().forEach(n -> names.add(n.name()));
    assertEquals(List.of("dW[1]", "db[1]", "dW[2]", "db[2]"), names);
  }
}
