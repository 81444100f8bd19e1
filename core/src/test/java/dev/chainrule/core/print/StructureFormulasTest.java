package dev.chainrule.core.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Range;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ops of issue 14's ops-structure part print readably, and so do their derivatives: softplus'
 * is g ∘ σ(x), logsumexp's the softmax g ∘ exp(x − lse), a slice's a pad at the same positions
 * and a pad's a slice. Each derivative is taken for a named upstream gradient G.
 */
class StructureFormulasTest {
  private final Graph g = new Graph();
  private final Node x = g.parameter("X", Tensor.zeros(2, 3));
  private final Node y = g.parameter("Y", Tensor.zeros(2, 3));
  private final FormulaPrinter p = FormulaPrinter.unicode();

  /** Returns the formula of {@code out} and of its derivative towards its first input. */
  private List<String> printed(Node out) {
    Node upstream = g.parameter("G", Tensor.zeros(out.shape()));
    Node d = Autodiff.gradients(out, upstream, List.of(out.inputs().get(0))).list().get(0);
    return List.of(p.expression(out), p.expression(d));
  }

  @Test
  void elementwiseOpsAndTheirDerivatives() {
    assertEquals(List.of("softplus(X)", "G ∘ σ(X)"), printed(x.softplus()));
    assertEquals(List.of("clamp(X, −1, 1)", "where(1(X ≥ −1) ∘ 1(X ≤ 1), G, 0)"),
        printed(x.clamp(-1, 1)));
    assertEquals(List.of("clamp(X, −∞, 1)", "G ∘ 1(X ≤ 1)"),
        printed(x.clamp(Double.NEGATIVE_INFINITY, 1)));
    assertEquals(List.of("max(X, Y)", "where(1(X > Y), G, 0.5·G ∘ 1(X = Y))"),
        printed(x.maximum(y)));
    assertEquals(List.of("min(X, Y)", "where(1(X < Y), G, 0.5·G ∘ 1(X = Y))"),
        printed(x.minimum(y)));
  }

  @Test
  void geluPrintsItsTanhFormDerivative() {
    String u = "tanh(0.797884561·(X + 0.044715·X³))";
    assertEquals(List.of("gelu(X)", "G ∘ (0.5·(" + u + " + 1) + 0.5·X ∘ (1 − " + u + "²) ∘ "
        + "(0.797884561·(0.134145·X² + 1)))"), printed(x.gelu()));
  }

  @Test
  void logSumExpsDerivativeIsTheSoftmax() {
    assertEquals(List.of("logsumexp(X, axis=1, keepdims)",
        "G ∘ exp(X − logsumexp(X, axis=1, keepdims))"),
        printed(x.logSumExpKeepDims(1)));
  }

  @Test
  void sliceAndPadAreEachOthersDerivative() {
    assertEquals(List.of("slice(X, 0:1, 2::-2)", "pad(G, (2, 3) at [0, 2] step [1, -2])"),
        printed(x.slice(Range.of(0, 1), Range.every(-2))));
    assertEquals(List.of("pad(X, (4, 5) at [1, 0] with 1.5)", "slice(G, 1:3, 0:3)"),
        printed(x.pad(new int[][] {{1, 1}, {0, 2}}, 1.5)));
  }

  @Test
  void batchedProductsPrintAsMatrixProducts() {
    Node a = g.parameter("A", Tensor.zeros(4, 2, 3));
    Node b = g.parameter("B", Tensor.zeros(4, 3, 5));
    assertEquals(List.of("A·B", "G·Bᵀ"), printed(a.matmul(b)));
    Node w = g.parameter("W", Tensor.zeros(3, 5));
    Node out = a.matmul(w);
    Node upstream = g.parameter("G", Tensor.zeros(out.shape()));
    Node dw = Autodiff.gradients(out, upstream, List.of(w)).list().get(0);
    assertEquals("Σ(Aᵀ·G)", p.expression(dw), "a shared matrix sums its batch's gradients");
  }
}
