package dev.chainrule.core.rewrite;

import static dev.chainrule.core.rewrite.RuleHarness.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ops.MatMul;
import dev.chainrule.core.print.FormulaPrinter;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Every algebraic rule on random inputs: same values as the unrewritten graph, simpler form. */
class AlgebraicRulesTest {
  @Test
  void neutralElementsOfAdditionAndSubtraction() {
    check("x + 0 → x", "X", in -> in.input("X", 2, 3).add(0.0).named("out"));
    check("0 + x → x", "X", in -> in.graph.scalar(0).add(in.input("X", 2, 3)).named("out"));
    check("x − 0 → x", "X", in -> in.input("X", 2, 3).sub(0.0).named("out"));
    check("0 − x → −x", "−X", in -> in.input("X", 2, 3).rsub(0.0).named("out"));
  }

  @Test
  void neutralElementsOfProductsAndQuotients() {
    check("x·1 → x", "X", in -> in.input("X", 2, 3).mul(1.0).named("out"));
    check("1·x → x", "X", in -> in.graph.scalar(1).mul(in.input("X", 2, 3)).named("out"));
    check("x·(−1) → −x", "−X", in -> in.input("X", 2, 3).mul(-1.0).named("out"));
    check("x/1 → x", "X", in -> in.input("X", 2, 3).div(1.0).named("out"));
  }

  @Test
  void aNeutralElementThatWouldChangeTheShapeStays() {
    RuleHarness.Inputs in = new RuleHarness.Inputs(1);
    Node out = in.input("X", 3).add(in.graph.constant("zeros", Tensor.zeros(2, 3))).named("out");
    Rewritten r = Rewriter.standard().rewrite(out);
    assertEquals(Shape.of(2, 3), r.targets().get(0).shape());
    assertEquals("X + zeros", FormulaPrinter.unicode().expression(r.targets().get(0)));
    RuleHarness.assertSameValues(java.util.List.of(out), dev.chainrule.core.exec.Feeds.none(), r);
  }

  @Test
  void doubleNegationAndDoubleTransposeCancel() {
    check("−(−x) → x", "X", in -> in.input("X", 2, 3).neg().neg().named("out"));
    check("(Aᵀ)ᵀ → A", "A", in -> in.input("A", 2, 3).T().T().named("out"));
    check("(Aᵀ)ᵀ → A", "transpose(A, [1, 2, 0])",
        in -> in.input("A", 2, 3, 4).transpose(2, 0, 1).transpose(2, 0, 1).named("out"));
  }

  @Test
  void reshapesBroadcastsAndIdentitiesThatDoNothingGo() {
    check("reshape to its own shape dropped", "X",
        in -> in.input("X", 2, 3).reshape(2, 3).named("out"));
    check("reshape of a reshape merged", "X",
        in -> in.input("X", 2, 3).reshape(6).reshape(3, 2).named("out"));
    check("broadcast to its own shape dropped", "X",
        in -> in.input("X", 2, 3).broadcastTo(Shape.of(2, 3)).named("out"));
  }

  @Test
  void constantsAreFolded() {
    check("constant folding", "6·X",
        in -> in.graph.scalar(2).mul(in.graph.scalar(3)).mul(in.input("X", 2, 2)).named("out"));
    check("constant folding", "X + [[1, 2], [3, 4]]", in -> in.input("X", 2, 2).add(
        in.graph.constant("C", Tensor.matrix(new double[] {0, 1}, new double[] {2, 3})).add(1.0))
        .named("out"));
  }

  @Test
  void signsMoveOutwards() {
    check("x + (−y) → x − y", "X − Y",
        in -> in.input("X", 2, 3).add(in.input("Y", 2, 3).neg()).named("out"));
    check("(−x) + y → y − x", "Y − X",
        in -> in.input("X", 2, 3).neg().add(in.input("Y", 2, 3)).named("out"));
    check("x − (−y) → x + y", "X + Y",
        in -> in.input("X", 2, 3).sub(in.input("Y", 2, 3).neg()).named("out"));
    check("(−x) − y → −(x + y)", "−(X + Y)",
        in -> in.input("X", 2, 3).neg().sub(in.input("Y", 2, 3)).named("out"));
    check("sign taken out of a matrix product", "−A·B",
        in -> in.input("A", 2, 3).neg().matmul(in.input("B", 3, 2)).named("out"));
    check("sign taken out of a quotient", "−X/Y",
        in -> in.input("X", 2, 3).div(in.positive("Y", 2, 3).neg()).named("out"));
    check("sign taken out of a product", "X ∘ Y",
        in -> in.input("X", 2, 3).neg().mul(in.input("Y", 2, 3).neg()).named("out"));
    check("sign taken out of sum", "−Σ X", in -> in.input("X", 2, 3).neg().sum().named("out"));
  }

  @Test
  void scalarFactorsGatherInFront() {
    check("x·c → c·x", "2·X", in -> in.input("X", 2, 3).mul(2.0).named("out"));
    check("c·(d·x) → (cd)·x", "6·X", in -> in.input("X", 2, 3).mul(2.0).mul(3.0).named("out"));
    check("x/c → (1/c)·x", "0.25·X", in -> in.input("X", 2, 3).div(4.0).named("out"));
    check("−(c·x) → (−c)·x", "−2·X", in -> in.input("X", 2, 3).mul(2.0).neg().named("out"));
    check("factor taken out of a matrix product", "(1/8)·A·Bᵀ",
        in -> in.input("A", 2, 3).matmul(in.input("B", 2, 3).T().div(8.0)).named("out"));
    check("factor taken out of sum", "(1/8)·Σ X",
        in -> in.input("X", 2, 3).mul(0.125).sum().named("out"));
    check("factor taken out of a product", "3·X ∘ Y",
        in -> in.input("X", 2, 3).mul(in.input("Y", 2, 3).mul(3.0)).named("out"));
    check("factor taken out of a quotient", "3·X/Y",
        in -> in.input("X", 2, 3).mul(3.0).div(in.positive("Y", 2, 3)).named("out"));
    check("factor taken out of a gather", "2·gather(E, I)",
        in -> in.input("E", 4, 3).mul(2.0).gather(in.graph.constant("I",
            Tensor.of(new double[] {3, 0, 3}, 3)), 0).named("out"));
    check("x + (−c)·y → x − c·y", "X − 2·Y",
        in -> in.input("X", 2, 3).add(in.input("Y", 2, 3).mul(-2.0)).named("out"));
  }

  @Test
  void sumsOfBroadcastsAndTrivialReductions() {
    check("Σ of a broadcast → n·x", "4·b",
        in -> in.input("b", 3, 1).broadcastTo(Shape.of(3, 4)).sumKeepDims(1).named("out"));
    check("mean of a broadcast → its source", "b",
        in -> in.input("b", 3, 1).broadcastTo(Shape.of(3, 4)).meanKeepDims(1).named("out"));
    check("sum over axes of size 1 dropped", "X",
        in -> in.input("X", 3, 1).sumKeepDims(1).named("out"));
  }

  @Test
  void explicitBroadcastsBecomeImplicit() {
    check("implicit broadcasting", "X + b",
        in -> in.input("X", 3, 4).add(in.input("b", 3, 1).broadcastTo(Shape.of(3, 4)))
            .named("out"));
    check("implicit broadcasting", "0.5·X", in -> in.input("X", 3, 4).mul(
        in.graph.constant("halves", Tensor.full(Shape.of(3, 4), 0.5))).named("out"));
  }

  @Test
  void transposesAreReadByTheMatrixProduct() {
    Rewritten r = check("transpose read by the matrix product", "Aᵀ·Bᵀ",
        in -> in.input("A", 3, 2).T().matmul(in.input("B", 4, 3).T()).named("out"));
    Node product = r.targets().get(0);
    assertEquals(new MatMul(true, true), product.op());
  }

  @Test
  void aNamedNodeIsOpaqueToTheAlgebra() {
    Rewritten r = check("x·c → c·x", "2·N", in -> in.input("X", 2, 3).mul(3.0).named("N")
        .mul(2.0).named("out"));
    assertTrue(r.graph().nodes().stream().anyMatch(n -> n.name().equals("N")));
  }

  @Test
  void commonSubexpressionsAreShared() {
    Rewritten r = check("common subexpression", "2·tanh(X)",
        in -> in.input("X", 2, 3).tanh().add(in.graph.nodes().get(0).tanh()).named("out"));
    long tanhs = r.graph().nodes().stream().filter(n -> n.op() != null
        && n.op().name().equals("tanh")).count();
    assertEquals(1, tanhs);
  }

  @Test
  void deadNodesAreLeftOut() {
    RuleHarness.Inputs in = new RuleHarness.Inputs(1);
    Node x = in.input("X", 2, 3);
    x.exp().log().sum();
    Node out = x.mul(1.0).add(0.0).named("out");
    Rewritten r = Rewriter.standard().rewrite(out);
    assertEquals(2, r.graph().size(), "X and the alias naming it out: " + r.graph().nodes());
    assertFalse(r.graph().nodes().stream().anyMatch(n -> n.op() != null
        && n.op().name().equals("exp")));
  }
}
