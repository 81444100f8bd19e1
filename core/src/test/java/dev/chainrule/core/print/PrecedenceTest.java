package dev.chainrule.core.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import org.junit.jupiter.api.Test;

/** Parentheses where precedence needs them and nowhere else, in Unicode and in LaTeX. */
class PrecedenceTest {
  private final Graph g = new Graph();
  private final Node a = g.input("a", 2, 2);
  private final Node b = g.input("b", 2, 2);
  private final Node c = g.input("c", 2, 2);
  private final FormulaPrinter text = FormulaPrinter.unicode();
  private final FormulaPrinter latex = FormulaPrinter.latex();

  private String t(Node n) {
    return text.expression(n);
  }

  @Test
  void additiveOperators() {
    assertEquals("a + b + c", t(a.add(b).add(c)));
    assertEquals("a + b − c", t(a.add(b.sub(c))));
    assertEquals("a − (b + c)", t(a.sub(b.add(c))));
    assertEquals("a − (b − c)", t(a.sub(b.sub(c))));
    assertEquals("a + (−b)", t(a.add(b.neg())));
    assertEquals("−(a + b)", t(a.add(b).neg()));
    assertEquals("−a + b", t(a.neg().add(b)));
  }

  @Test
  void productsOfBothKinds() {
    assertEquals("(a + b) ∘ c", t(a.add(b).mul(c)));
    assertEquals("a ∘ b ∘ c", t(a.mul(b.mul(c))));
    assertEquals("(a·b) ∘ c", t(a.matmul(b).mul(c)));
    assertEquals("c ∘ (a·b)", t(c.mul(a.matmul(b))));
    assertEquals("a·b·c", t(a.matmul(b.matmul(c))));
    assertEquals("(a ∘ b)·c", t(a.mul(b).matmul(c)));
    assertEquals("aᵀ·bᵀ", t(a.matmul(true, b, true)));
    assertEquals("a ∘ (−b)", t(a.mul(b.neg())));
  }

  @Test
  void scalarFactorsStandInFront() {
    assertEquals("(1/3)·a", t(g.scalar(1.0 / 3).mul(a)));
    assertEquals("2·a", t(a.mul(2.0)));
    assertEquals("0.5·(a + b)", t(a.add(b).mul(0.5)));
    assertEquals("−(1/m)·Σ a", text.withSymbol("m", 4).expression(a.sum().mul(-1.0 / 4)));
    assertEquals("Σ a/m", text.withSymbol("m", 4).expression(a.sum().div(4)));
    assertEquals("-\\frac{1}{m} \\sum a", latex.withSymbol("m", 4).expression(a.sum()
        .mul(-1.0 / 4)));
  }

  @Test
  void quotientsPowersAndPostfixMarks() {
    assertEquals("a/(b + c)", t(a.div(b.add(c))));
    assertEquals("(a + b)/c", t(a.add(b).div(c)));
    assertEquals("a/(b ∘ c)", t(a.div(b.mul(c))));
    assertEquals("(a − b)ᵀ", t(a.sub(b).T()));
    assertEquals("(a + b)²", t(a.add(b).square()));
    assertEquals("a³", t(a.pow(3)));
    assertEquals("a^0.5", t(a.pow(0.5)));
    assertEquals("√(a + b)", t(a.add(b).sqrt()));
    assertEquals("|a|", t(a.abs()));
    assertEquals("\\frac{a + b}{c}", latex.expression(a.add(b).div(c)));
    assertEquals("\\left(a - b\\right)^{T}", latex.expression(a.sub(b).T()));
  }

  @Test
  void functionsReductionsAndIndicators() {
    assertEquals("σ(a + b)", t(a.add(b).sigmoid()));
    assertEquals("exp(a) + log(b)", t(a.exp().add(b.log())));
    assertEquals("Σ a", t(a.sum()));
    assertEquals("Σ(a ∘ b)", t(a.mul(b).sum()));
    assertEquals("Σ[axis=1, keepdims] a", text.withAxes().expression(a.sumKeepDims(1)));
    assertEquals("mean(a, axis=0)", text.withAxes().expression(a.mean(0)));
    assertEquals("a ∘ 1(b > 0)", t(a.mul(b.gt(0.0))));
    assertEquals("\\sum_{\\text{axis=1, keepdims}} a", latex.withAxes().expression(
        a.sumKeepDims(1)));
  }

  @Test
  void namesInLatex() {
    Graph h = new Graph();
    Node net = h.input("net_h1", 1, 1);
    Node w5 = h.input("w5", 1, 1);
    Node delta = h.input("δ_o1", 1, 1);
    assertEquals("net_{h1} \\odot w_{5} \\odot \\delta_{o1}",
        latex.expression(net.mul(w5).mul(delta)));
    assertEquals("dW^{[2]} = A^{[1]T}", latex.equation(h.input("A[1]", 2, 3).T().named("dW[2]")));
  }
}
