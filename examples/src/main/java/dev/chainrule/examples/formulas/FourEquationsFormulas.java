package dev.chainrule.examples.formulas;

import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Seed 000's four equations as written (column layout, 2-3-2-1, sigmoid units, binary
 * cross-entropy averaged over the m columns): eq. 1 and eq. 2 as formulas (per-sample errors),
 * eq. 2's matrix form with the untransposed layer-l matrix, eq. 3's matrix form with a[l] for
 * a[l−1], the batch table's dw = (1/m)·dZ·Aᵀ (right), its db = (1/m)·meanOfEachRow(dZ) and the
 * corrected db = meanOfEachRow(dZ), and its dZ[L] = ∇_A C ⊙ σ′, right on its own, wrong fed into
 * that dw, right with dw = dZ·Aᵀ. Needs nodes named A[0], Y, W[1], W[2], W[3], Z[1], Z[2], Z[3],
 * A[1], A[2], A[3], b[3].
 */
final class FourEquationsFormulas {
  private FourEquationsFormulas() {}

  private static Tensor t(Tensor x) {
    return x.transpose(1, 0);
  }

  private static Tensor slope(Map<String, Tensor> v, int l) {
    return v.get("A[" + l + "]").map(a -> a * (1 - a));
  }

  /** eq. 1 with ∇_a L = (a − y)/(a(1 − a)) for binary cross-entropy, per sample. */
  private static Tensor delta3(Map<String, Tensor> v) {
    Tensor a = v.get("A[3]");
    Tensor gradA = a.sub(v.get("Y")).div(a.map(x -> x * (1 - x)));
    return gradA.mul(slope(v, 3));
  }

  private static Tensor delta2(Map<String, Tensor> v) {
    return t(v.get("W[3]")).matmul(delta3(v)).mul(slope(v, 2));
  }

  /** The batch table's dZ[3] = ∇_A C ⊙ σ′(Z[3]) with ∇_A C = (1/m)(A − Y)/(A(1 − A)). */
  private static Tensor meanCostError(Map<String, Tensor> v, double m) {
    Tensor a = v.get("A[3]");
    return a.sub(v.get("Y")).div(a.map(x -> x * (1 - x))).mul(1 / m).mul(slope(v, 3));
  }

  static List<SeedFormula> of(NetworkNodes n) {
    double m = n.get("A[0]").shape().dim(1);
    String perSample = m == 1 ? "" : "seed 000:185 and 000:205 define δ per sample, "
        + "δ⁽ⁱ⁾ = ∂L⁽ⁱ⁾/∂z, and 000:340 stacks them as dZ; C (000:330) is their mean";
    int samples = m == 1 ? 0 : (int) m;
    return List.of(
        new SeedFormula("Z[3]", SeedNotation.tensors("eq. 1: δ[L] = ∇_a L ⊙ σ′(z[L])",
            FourEquationsFormulas::delta3), perSample, samples),
        new SeedFormula("Z[2]", SeedNotation.tensors("eq. 2: δ[l] = (w[l+1])ᵀ·δ[l+1] ⊙ σ′(z[l])",
            FourEquationsFormulas::delta2), perSample, samples),
        new SeedFormula("Z[2]", SeedNotation.tensors("eq. 2, matrix form as printed, l = 2: "
            + "w[2]·δ[3] ⊙ σ′(z[2])", v -> v.get("W[2]").matmul(delta3(v)).mul(slope(v, 2))),
            "seed 000:209 prints the layer-l matrix, untransposed; 000:205 and the summary "
            + "(000:316) have (w[l+1])ᵀ"),
        new SeedFormula("Z[1]", SeedNotation.tensors("eq. 2, matrix form as printed, l = 1: "
            + "w[1]·δ[2] ⊙ σ′(z[1])", v -> v.get("W[1]").matmul(delta2(v)).mul(slope(v, 1))),
            "seed 000:209 at l = 1: it conforms only because n0 = n2 = 2, and is wrong"),
        new SeedFormula("W[3]", SeedNotation.tensors("eq. 3, matrix form as printed: "
            + "∂L/∂w[3] = δ[3]·(a[3])ᵀ", v -> delta3(v).matmul(t(v.get("A[3]")))),
            "seed 000:241 multiplies by a[l]ᵀ; the summary (000:317) has a[l−1]ᵀ"),
        new SeedFormula("W[3]", SeedNotation.tensors("batch table: dw[3] = (1/m)·dZ[3]·A[2]ᵀ",
            v -> delta3(v).matmul(t(v.get("A[2]"))).mul(1 / m)), ""),
        new SeedFormula("W[2]", SeedNotation.tensors("batch table: dw[2] = (1/m)·dZ[2]·A[1]ᵀ",
            v -> delta2(v).matmul(t(v.get("A[1]"))).mul(1 / m)), ""),
        new SeedFormula("b[3]", SeedNotation.tensors("batch table: db[3] = (1/m)·"
            + "meanOfEachRow(dZ[3])", v -> delta3(v).sumKeepDims(1).mul(1 / (m * m))),
            m == 1 ? "" : "seed 000:353 (and 000:346): meanOfEachRow already divides by m, "
            + "so the extra 1/m divides twice"),
        new SeedFormula("b[3]", SeedNotation.tensors("corrected: db[3] = meanOfEachRow(dZ[3])",
            v -> delta3(v).sumKeepDims(1).mul(1 / m)), "seed 000:353 without its extra 1/m"),
        new SeedFormula("Z[3]", SeedNotation.tensors("batch table: dZ[3] = ∇_A C ⊙ σ′(Z[3])",
            v -> meanCostError(v, m)), m == 1 ? "" : "seed 000:351 is right on its own: C is the "
            + "mean cost, so ∇_A C carries the 1/m, and this is ∂C/∂Z[3]"),
        new SeedFormula("W[3]", SeedNotation.tensors("batch table: dZ[3] = ∇_A C ⊙ σ′(Z[3]) "
            + "in dw[3] = (1/m)·dZ[3]·A[2]ᵀ", v -> meanCostError(v, m)
            .matmul(t(v.get("A[2]"))).mul(1 / m)), m == 1 ? "" : "seed 000:351 with 000:353: "
            + "∇_A C of the mean C already holds the 1/m, and dw divides by m again"),
        new SeedFormula("W[3]", SeedNotation.tensors("corrected: dZ[3] = ∇_A C ⊙ σ′(Z[3]) in "
            + "dw[3] = dZ[3]·A[2]ᵀ", v -> meanCostError(v, m).matmul(t(v.get("A[2]")))),
            "seed 000:351 with dw = dZ·Aᵀ: the 1/m once, in dZ (or per-sample dZ and the 1/m "
            + "in dw, as above)"));
  }
}
