package dev.chainrule.core.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ops.MatMul;
import dev.chainrule.core.print.FormulaPrinter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * (A·B)ᵀ → Bᵀ·Aᵀ never makes a simplified graph compute more matrix products than the graph it
 * simplifies: where A·B stays needed by another node and the new form would add a product,
 * reading A·B transposed is free, so the transpose stays; where the new form costs no more (A·B
 * is read only transposed, or a later identity absorbs the new form, as in xᵀAx's gradient
 * (A + Aᵀ)·x), the rule still fires. Counted: the matrix products the targets need, before and
 * after; values equal to 1e-12.
 */
class SharedProductTransposeTest {
  private static final String RULE = "(A·B)ᵀ → Bᵀ·Aᵀ";

  private final RuleHarness.Inputs in = new RuleHarness.Inputs(7);
  private final Node a = in.input("A", 3, 4);
  private final Node b = in.input("B", 4, 5);
  private final Node d = in.input("D", 3, 2);
  private final Node product = a.matmul(b);

  /** Returns how many matrix products the targets are computed with. */
  private static int products(List<Node> targets) {
    Graph g = targets.get(0).graph();
    boolean[] needed = new boolean[g.size()];
    targets.forEach(t -> needed[t.id()] = true);
    int count = 0;
    for (int id = g.size() - 1; id >= 0; id--) {
      if (needed[id]) {
        Node n = g.node(id);
        count += n.op() instanceof MatMul ? 1 : 0;
        n.inputs().forEach(x -> needed[x.id()] = true);
      }
    }
    return count;
  }

  private Rewritten rewritten(List<Node> targets) {
    Rewritten r = Rewriter.standard().rewrite(targets);
    RuleHarness.assertSameValues(targets, Feeds.none(), r);
    return r;
  }

  private static List<String> printed(Rewritten r) {
    return r.targets().stream().map(FormulaPrinter.unicode()::expression).toList();
  }

  @Test
  void aProductAlsoNeededPlainlyStaysOneProduct() {
    List<Node> targets = List.of(product, product.T());
    Rewritten r = rewritten(targets);
    assertEquals(1, products(targets));
    assertEquals(1, products(r.targets()), "A·B and Bᵀ·Aᵀ would be two products");
    assertEquals(List.of("A·B", "(A·B)ᵀ"), printed(r));
    assertFalse(r.fired().containsKey(RULE), r.fired().toString());
  }

  @Test
  void aProductReadTransposedByAnotherProductIsNotComputedTwice() {
    List<Node> targets = List.of(product.sum(), product.T().matmul(d));
    Rewritten r = rewritten(targets);
    assertEquals(2, products(targets));
    assertEquals(2, products(r.targets()), "Σ(A·B) and Bᵀ·Aᵀ·D would be three products");
    assertEquals(List.of("Σ(A·B)", "(A·B)ᵀ·D"), printed(r));
  }

  @Test
  void aProductReadOnlyTransposedIsStillReversed() {
    List<Node> targets = List.of(product.T().matmul(d));
    Rewritten r = rewritten(targets);
    assertEquals(2, products(r.targets()));
    assertEquals(List.of("Bᵀ·Aᵀ·D"), printed(r));
    Node e = in.input("E", 3, 2);
    List<Node> both = List.of(product.T().matmul(d), product.T().matmul(e));
    Rewritten shared = rewritten(both);
    assertEquals(3, products(both));
    assertEquals(3, products(shared.targets()), "both read the one Bᵀ·Aᵀ");
    assertEquals(List.of("Bᵀ·Aᵀ·D", "Bᵀ·Aᵀ·E"), printed(shared));
  }

  @Test
  void aReversedProductThatALaterIdentityAbsorbsStillFires() {
    Node m = in.input("M", 3, 3);
    Node x = in.graph.parameter("x", in.input("x0", 3, 1).value());
    Node f = x.T().matmul(m).matmul(x).sum().named("f");
    RewrittenGradients r = Rewriter.standard().gradients(f, List.of(x), GradientForm.ADJOINTS);
    assertEquals("(M + Mᵀ)·x", FormulaPrinter.unicode().expression(r.gradients().get(0)));
    assertTrue(r.fired().containsKey(RULE), r.fired().toString());
    List<Node> before = new ArrayList<>(List.of(f));
    before.add(Autodiff.grad(f, x).get(0));
    assertTrue(products(List.of(r.loss(), r.gradients().get(0))) <= products(before),
        "the textbook form computes no more products than reverse mode");
  }

  @Test
  void aReversedProductThatEqualsAnotherTermCostsNothingAndStays() {
    Node bm = in.input("Bm", 3, 3);
    Node x = in.graph.parameter("x", in.input("x0", 3, 1).value());
    Node f = x.T().matmul(bm.T().matmul(bm)).matmul(x).sum().named("f");
    RewrittenGradients r = Rewriter.standard().gradients(f, List.of(x), GradientForm.ADJOINTS);
    assertEquals("2·Bmᵀ·Bm·x", FormulaPrinter.unicode().expression(r.gradients().get(0)),
        "(xᵀ·BmᵀBm)ᵀ, kept for f, is Bmᵀ·Bm·x, which the other term computes anyway");
  }
}
