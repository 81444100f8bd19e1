package dev.chainrule.examples.formulas;

import dev.chainrule.core.check.ManualFormula;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ops.Relu;
import dev.chainrule.core.graph.ops.Sigmoid;
import dev.chainrule.core.graph.ops.Tanh;
import java.util.List;

/**
 * Seed 004's backward pass as the seed writes it (column layout, 3-4-1, sigmoid output, mean
 * binary cross-entropy J): dA[2] = (A[2] − Y)/(A[2](1 − A[2])), dZ[2] = A[2] − Y, dW[2] =
 * (1/m)·dZ[2]·A[1]ᵀ, db[2] = (1/m)·np.sum(dZ[2], axis=1), dA[1] = W[2]ᵀ·dZ[2], dZ[1] = dA[1] ∗
 * g′(Z[1]), dW[1] = (1/m)·dZ[1]·Xᵀ, db[1] = (1/m)·np.sum(dZ[1], axis=1). The seed calls each of
 * them ∂J/∂·; compared with the gradients of J. Needs nodes named X, Y, W[2], Z[1], A[1], Z[2],
 * A[2] (and b[1], b[2], W[1]); the hidden activation g is read from A[1].
 */
final class ShallowFormulas {
  private static final String PER_SAMPLE = "seed 004:166–204 calls dA and dZ ∂J/∂·, but they "
      + "are the per-sample ∂L⁽ⁱ⁾/∂·, stacked; the 1/m of J (004:160) enters once, in dW and db "
      + "(004:188, 004:210), which agree";
  private static final String KEEPDIMS = "seed 004:194 and 004:214: without keepdims=True "
      + "np.sum gives shape (n,), which b (n, 1) − η·db would broadcast silently to (n, n)";

  private ShallowFormulas() {}

  static List<SeedFormula> of(NetworkNodes n) {
    Node x = n.get("X");
    Node y = n.get("Y");
    Node a1 = n.get("A[1]");
    Node a2 = n.get("A[2]");
    Node w2 = n.get("W[2]");
    double m = a2.shape().dim(1);
    Node dz2 = a2.sub(y);
    Node dz1 = w2.matmul(true, dz2, false).mul(slope(a1, n.get("Z[1]")));
    return List.of(
        new SeedFormula("A[2]", ManualFormula.graph("dA[2] = (A[2] − Y)/(A[2](1 − A[2]))",
            () -> a2.sub(y).div(a2.mul(a2.rsub(1)))), PER_SAMPLE, (int) m),
        new SeedFormula("Z[2]", ManualFormula.graph("dZ[2] = A[2] − Y", () -> dz2), PER_SAMPLE,
            (int) m),
        new SeedFormula("W[2]", ManualFormula.graph("dW[2] = (1/m)·dZ[2]·A[1]ᵀ",
            () -> dz2.matmul(false, a1, true).div(m)), ""),
        new SeedFormula("b[2]", ManualFormula.graph("db[2] = (1/m)·np.sum(dZ[2], axis=1)",
            () -> dz2.sum(1).div(m)), KEEPDIMS),
        new SeedFormula("A[1]", ManualFormula.graph("dA[1] = W[2]ᵀ·dZ[2]",
            () -> w2.matmul(true, dz2, false)), PER_SAMPLE, (int) m),
        new SeedFormula("Z[1]", ManualFormula.graph("dZ[1] = W[2]ᵀ·dZ[2] ∗ g′(Z[1])",
            () -> dz1), PER_SAMPLE, (int) m),
        new SeedFormula("W[1]", ManualFormula.graph("dW[1] = (1/m)·dZ[1]·A[0]ᵀ",
            () -> dz1.matmul(false, x, true).div(m)), ""),
        new SeedFormula("b[1]", ManualFormula.graph("db[1] = (1/m)·np.sum(dZ[1], axis=1)",
            () -> dz1.sum(1).div(m)), KEEPDIMS));
  }

  /** Returns g′(Z[1]) for the activation that computes A[1]: 1 − A², A(1 − A) or 1(Z > 0). */
  private static Node slope(Node a1, Node z1) {
    if (a1.op() instanceof Tanh) {
      return a1.square().rsub(1);
    }
    if (a1.op() instanceof Sigmoid) {
      return a1.mul(a1.rsub(1));
    }
    if (a1.op() instanceof Relu) {
      return z1.gt(0.0);
    }
    throw new IllegalArgumentException("seed 004's formulas know tanh, sigmoid and ReLU hidden "
        + "units, but A[1] is computed by " + a1.op().name());
  }
}
