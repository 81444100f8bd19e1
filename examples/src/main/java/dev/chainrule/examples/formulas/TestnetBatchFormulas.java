package dev.chainrule.examples.formulas;

import dev.chainrule.core.check.ManualFormula;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Seed 002's formulas as written (row layout, m samples, 3-4-2, ReLU hidden, softmax P, J the mean
 * cross-entropy): δ = P − 1(y) and the hidden δ (per-sample, m times the gradient of the mean),
 * ∇W = (1/m)·aᵀ·δ and ∇b = (1/m)·Σᵢ δᵢ (right), the explicit 4×2 matrix laid out from the
 * transpose, the spurious Σᵢ around the whole product, and ∇W + λW. Needs nodes named A[0], Y,
 * Z[1], A[1], W[2], Z[2], P, W[1], b[1], b[2].
 */
final class TestnetBatchFormulas {
  private static final String PER_SAMPLE = "seed 002:357–375 derives the δ's per sample, "
      + "∂L⁽ⁱ⁾/∂z; the 1/m of ∇W (002:384) belongs to the mean J";

  private TestnetBatchFormulas() {}

  private static Tensor t(Tensor x) {
    return x.transpose(1, 0);
  }

  private static Tensor delta2(Map<String, Tensor> v) {
    return v.get("P").sub(v.get("Y"));
  }

  private static Tensor delta1(Map<String, Tensor> v) {
    return delta2(v).matmul(t(v.get("W[2]"))).mul(v.get("Z[1]").map(z -> z >= 0 ? 1 : 0));
  }

  private static Tensor dw2(Map<String, Tensor> v, double m) {
    return t(v.get("A[1]")).matmul(delta2(v)).mul(1 / m);
  }

  static List<SeedFormula> of(NetworkNodes n) {
    double m = n.get("A[0]").shape().dim(0);
    return List.of(
        new SeedFormula("Z[2]", SeedNotation.tensors("δ[2] = ∂J/∂z[2] = P − 1(y)",
            TestnetBatchFormulas::delta2), PER_SAMPLE, (int) m),
        new SeedFormula("Z[1]", SeedNotation.tensors("δ[1] = (δ[2]·W[2]ᵀ) ∗ 1(z[1] ≥ 0)",
            TestnetBatchFormulas::delta1), PER_SAMPLE + "; its 1(z ≥ 0) (002:612) takes the "
            + "right derivative at z = 0, which random data never hits", (int) m),
        new SeedFormula("W[2]", SeedNotation.tensors("∇W[2] = (1/m)·(a[1])ᵀ·δ[2]",
            v -> dw2(v, m)), ""),
        new SeedFormula("b[2]", SeedNotation.tensors("∇b[2] = (1/m)·Σᵢ δ[2]ᵢ",
            v -> delta2(v).sumKeepDims(0).mul(1 / m)), ""),
        new SeedFormula("W[1]", SeedNotation.tensors("∇W[1] = (1/m)·(a[0])ᵀ·δ[1]",
            v -> t(v.get("A[0]")).matmul(delta1(v)).mul(1 / m)), ""),
        new SeedFormula("b[1]", SeedNotation.tensors("∇b[1] = (1/m)·Σᵢ δ[1]ᵢ",
            v -> delta1(v).sumKeepDims(0).mul(1 / m)), ""),
        new SeedFormula("W[2]", SeedNotation.tensors("the explicit 4×2 matrix "
            + "[[S(1,1), S(1,2)], [S(1,3), S(1,4)], [S(2,1), S(2,2)], [S(2,3), S(2,4)]]",
            v -> t(dw2(v, m)).reshape(4, 2)), "seed 002:441–444 lays the entries out row by "
            + "row from the 2×4 transpose; entry (k, j) must be S(j, k)"),
        new SeedFormula("W[2]", SeedNotation.tensors("∇W[2] = (1/m)·Σᵢ (a[1])ᵀ·δ[2], the Σᵢ "
            + "around the whole product", v -> dw2(v, m).mul(m)), "seed 002:461: the Σᵢ "
            + "sums a product that already sums over the samples"),
        new SeedFormula("W[2]", SeedNotation.tensors("the update's ∇W[2] + λW[2], λ = 0.1",
            v -> dw2(v, m).add(v.get("W[2]").mul(0.1))), "seed 002:852 adds λW, but J "
            + "(002:197) has no ½λ‖W‖² term, so λW is not part of its gradient"));
  }
}
