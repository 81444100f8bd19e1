package dev.chainrule.core.rewrite;

import static dev.chainrule.core.rewrite.RuleHarness.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ops.Diag;
import dev.chainrule.core.graph.ops.MatMul;
import dev.chainrule.core.print.FormulaPrinter;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The identities that bring matrix-calculus gradients into textbook form, each on random inputs
 * (same values as the unrewritten graph to 1e-12, the identity fired, the form it reads): products
 * with the seed's 1 and with ones, transposes of products, and sums of products collected.
 */
class MatrixCalculusRulesTest {
  private static Node ones(RuleHarness.Inputs in, double value, int... dims) {
    return in.graph.constant("ones", Tensor.full(Shape.of(dims), value));
  }

  @Test
  void aProductWithAUniformFactorOfInnerSizeOneIsThatFactor() {
    check("A·1 → A", "x", in -> in.input("x", 3, 1).matmul(ones(in, 1, 1, 1)).named("out"));
    check("A·1 → A", "xᵀ",
        in -> ones(in, 1, 1, 1).matmul(false, in.input("x", 3, 1), true).named("out"));
    check("A·c → c·A", "2.5·xᵀ",
        in -> in.input("x", 1, 3).matmul(true, ones(in, 2.5, 1, 1), false).named("out"));
    Rewritten spread = check("A·1 → A", "x",
        in -> in.input("x", 3, 1).matmul(ones(in, 1, 1, 4)).named("out"));
    assertEquals(Shape.of(3, 4), spread.targets().get(0).shape());
  }

  @Test
  void onesAlongALongerInnerDimensionStayAProduct() {
    RuleHarness.Inputs in = new RuleHarness.Inputs(1);
    Node out = in.input("A", 2, 3).matmul(ones(in, 1, 3, 1)).named("out");
    Rewritten r = Rewriter.standard().rewrite(out);
    assertFalse(r.fired().containsKey("A·1 → A"), r.fired().toString());
    assertEquals(new MatMul(false, false), r.targets().get(0).op());
  }

  @Test
  void aProductWithIPlusOrMinusATermDistributesWhereItComputesNoMore() {
    check("A·(I − R) → A − A·R", "diag(a) − a·r", in -> in.input("a", 3, 1).diag()
        .matmul(Diag.identity(in.graph, 3).sub(in.input("r", 1, 3))).named("out"));
    check("A·(I − R) → A − A·R", "diag(a) − aᵀ·r", in -> in.input("a", 1, 3).diag()
        .matmul(Diag.identity(in.graph, 3).sub(in.input("r", 1, 3))).named("out"));
    check("A·(I − R) → A − A·R", "B − B·R", in -> in.input("B", 2, 3)
        .matmul(Diag.identity(in.graph, 3).sub(in.input("R", 3, 3))).named("out"));
    check("A·(I + R) → A + A·R", "B + B·R", in -> in.input("B", 2, 3)
        .matmul(in.input("R", 3, 3).add(Diag.identity(in.graph, 3))).named("out"));
    check("A·(I − R) → A − A·R", "B·R − B", in -> in.input("B", 2, 3)
        .matmul(in.input("R", 3, 3).sub(Diag.identity(in.graph, 3))).named("out"));
  }

  @Test
  void aRowTimesAMatrixThatIsNotDiagonalStaysUndistributed() {
    RuleHarness.Inputs in = new RuleHarness.Inputs(1);
    Node out = in.input("B", 2, 3).matmul(Diag.identity(in.graph, 3).sub(in.input("r", 1, 3)))
        .named("out");
    Rewritten r = Rewriter.standard().rewrite(out);
    assertFalse(r.fired().containsKey("A·(I − R) → A − A·R"), r.fired().toString());
    assertEquals("B·(I − r)", FormulaPrinter.unicode().expression(r.targets().get(0)),
        "B·1·r would need B's row sums: no cheaper, so the product stays");
  }

  @Test
  void theTransposeOfAProductIsTheProductOfTheTransposesReversed() {
    check("(A·B)ᵀ → Bᵀ·Aᵀ", "Bᵀ·Aᵀ",
        in -> in.input("A", 2, 3).matmul(in.input("B", 3, 4)).T().named("out"));
    check("(A·B)ᵀ → Bᵀ·Aᵀ", "B·Aᵀ",
        in -> in.input("A", 2, 3).matmul(false, in.input("B", 4, 3), true).T().named("out"));
    check("(A·B)ᵀ → Bᵀ·Aᵀ", "Bᵀ·Aᵀ·C", in -> in.input("A", 2, 3).matmul(in.input("B", 3, 4))
        .matmul(true, in.input("C", 2, 5), false).named("out"));
    check("(A·B)ᵀ → Bᵀ·Aᵀ", "C·B·Aᵀ", in -> in.input("C", 5, 4).matmul(false,
        in.input("A", 2, 3).matmul(false, in.input("B", 4, 3), true), true).named("out"));
    check("(A·B)ᵀ → Bᵀ·Aᵀ", "A·B",
        in -> in.input("A", 2, 3).matmul(in.input("B", 3, 4)).T().T().named("out"));
  }

  @Test
  void aSymmetricSumIsItsOwnTranspose() {
    check("(A + Aᵀ)ᵀ → A + Aᵀ", "A + Aᵀ", in -> {
      Node a = in.input("A", 3, 3);
      return a.add(a.T()).T().named("out");
    });
    check("(A + Aᵀ)ᵀ → A + Aᵀ", "(A + Aᵀ)·x", in -> {
      Node a = in.input("A", 3, 3);
      return a.add(a.T()).matmul(true, in.input("x", 3, 1), false).named("out");
    });
    RuleHarness.Inputs in = new RuleHarness.Inputs(5);
    Node out = in.input("A", 3, 3).add(in.input("B", 3, 3).T()).T().named("out");
    Rewritten r = Rewriter.standard().rewrite(out);
    assertEquals("(A + Bᵀ)ᵀ", FormulaPrinter.unicode().expression(r.targets().get(0)));
  }

  @Test
  void aNamedProductKeepsItsTranspose() {
    RuleHarness.Inputs in = new RuleHarness.Inputs(2);
    Node out = in.input("A", 2, 3).matmul(in.input("B", 3, 4)).named("P").T().named("out");
    Rewritten r = Rewriter.standard().rewrite(out);
    assertEquals("Pᵀ", FormulaPrinter.unicode().expression(r.targets().get(0)));
  }

  @Test
  void aTermAddedToItselfIsDoubled() {
    check("x + x → 2·x", "2·X", in -> {
      Node x = in.input("X", 2, 3);
      return x.add(x).named("out");
    });
  }

  @Test
  void aMatrixGoesBeforeItsTranspose() {
    check("Aᵀ + A → A + Aᵀ", "A + Aᵀ", in -> {
      Node a = in.input("A", 3, 3);
      return a.T().add(a).named("out");
    });
  }

  @Test
  void aSharedOperandComesOutOfASumOfMatrixProducts() {
    String rule = "common operand taken out of a sum of products";
    check(rule, "(A + B)·x", sum(in -> in.input("A", 3, 4), in -> in.input("B", 3, 4),
        (in, m) -> m.matmul(in.graph.node("x"))));
    check(rule, "W·(A − B)", in -> {
      Node w = in.input("W", 2, 3);
      return w.matmul(in.input("A", 3, 4)).sub(w.matmul(in.input("B", 3, 4))).named("out");
    });
    check(rule, "(A + Aᵀ)·x", in -> {
      Node a = in.input("A", 3, 3);
      Node x = in.input("x", 3, 1);
      return a.matmul(x).add(a.matmul(true, x, false)).named("out");
    });
    check(rule, "(A + Aᵀ)·x", in -> {
      Node a = in.input("A", 3, 3);
      Node x = in.input("x", 3, 1);
      return a.matmul(true, x, false).add(a.matmul(x)).named("out");
    });
    check(rule, "(A + B)ᵀ·x", in -> {
      Node x = in.input("x", 3, 1);
      return in.input("A", 3, 2).matmul(true, x, false)
          .add(in.input("B", 3, 2).matmul(true, x, false)).named("out");
    });
    check(rule, "x·(A + B)ᵀ", in -> {
      Node x = in.input("x", 1, 3);
      return x.matmul(false, in.input("A", 2, 3), true)
          .add(x.matmul(false, in.input("B", 2, 3), true)).named("out");
    });
  }

  @Test
  void aSharedOperandComesOutOfASumOfBatchedProducts() {
    check("common operand taken out of a sum of products", "(P + Q)·X", in -> {
      Node x = in.input("X", 2, 3, 4);
      return in.input("P", 2, 5, 3).matmul(x).add(in.input("Q", 2, 5, 3).matmul(x)).named("out");
    });
  }

  @Test
  void elementwiseProductsAndNamedProductsAreNotCollected() {
    RuleHarness.Inputs in = new RuleHarness.Inputs(3);
    Node x = in.input("X", 2, 3);
    Node hadamard = x.mul(in.input("a", 2, 3)).add(x.mul(in.input("b", 2, 3))).named("h");
    Node v = in.input("v", 3, 1);
    Node named = x.matmul(v).named("u").add(in.input("Y", 2, 3).matmul(v)).named("n");
    Rewritten r = Rewriter.standard().rewrite(List.of(hadamard, named));
    FormulaPrinter p = FormulaPrinter.unicode();
    assertEquals("X ∘ a + X ∘ b", p.expression(r.targets().get(0)));
    assertEquals("u + Y·v", p.expression(r.targets().get(1)));
    RuleHarness.assertSameValues(List.of(hadamard, named), Feeds.none(), r);
  }

  private interface Product {
    Node of(RuleHarness.Inputs in, Node m);
  }

  /** Builds x first, then product(a) + product(b). */
  private static Function<RuleHarness.Inputs, Node> sum(Function<RuleHarness.Inputs, Node> a,
      Function<RuleHarness.Inputs, Node> b, Product product) {
    return in -> {
      in.input("x", 4, 1);
      return product.of(in, a.apply(in)).add(product.of(in, b.apply(in))).named("out");
    };
  }
}
