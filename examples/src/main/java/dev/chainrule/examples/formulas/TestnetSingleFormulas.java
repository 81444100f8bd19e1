package dev.chainrule.examples.formulas;

import dev.chainrule.core.check.ManualFormula;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Seed 003's formulas as written (column layout, one sample, 2-3-2, sigmoid hidden, softmax P,
 * J = CE + ½λ(‖W[1]‖² + ‖W[2]‖²)): its chain-rule products, which do not conform; its
 * "dimension-compatible" ∂J/∂W[1] and ∂J/∂b[1], which conform but collapse g∘(1 − g) to the
 * scalar gᵀ(1 − g); its summary's index-shifted ∇W; and the forms that are right. Needs nodes named
 * A[0], Y, W[1], A[1], W[2], Z[2], P, b[1], b[2]; λ is the value of a node named λ, else 0.
 */
final class TestnetSingleFormulas {
  private TestnetSingleFormulas() {}

  private static Tensor t(Tensor x) {
    return x.transpose(1, 0);
  }

  private static Tensor delta(Map<String, Tensor> v) {
    return v.get("P").sub(v.get("Y"));
  }

  private static Tensor slope(Map<String, Tensor> v) {
    return v.get("A[1]").map(g -> g * (1 - g));
  }

  static List<SeedFormula> of(NetworkNodes n) {
    double lambda = n.has("λ") ? n.get("λ").value().item() : 0;
    return List.of(
        new SeedFormula("Z[2]", SeedNotation.tensors("δ = ∂J/∂z[2] = p − 1(y)",
            TestnetSingleFormulas::delta), ""),
        new SeedFormula("b[2]", SeedNotation.tensors("∂J/∂b[2] = ∂J/∂a[2]·∂b[2]/∂W[2] = δ",
            TestnetSingleFormulas::delta), "seed 003:446 writes the middle factor "
            + "∂b[2]/∂W[2] where ∂a[2]/∂b[2] is meant; the result δ is right"),
        new SeedFormula("W[2]", SeedNotation.tensors("chain rule: ∂J/∂W[2] = [p − 1(y)]·a[1]",
            v -> delta(v).matmul(v.get("A[1]"))), "seed 003:434–439: read as a matrix "
            + "product it does not conform; meant δ·a[1]ᵀ"),
        new SeedFormula("A[1]", SeedNotation.tensors("chain rule: ∂J/∂a[1] = [p − 1(y)]·W[2]",
            v -> delta(v).matmul(v.get("W[2]"))), "seed 003:456–461: meant W[2]ᵀ·δ"),
        new SeedFormula("W[1]", SeedNotation.tensors(
            "chain rule: ∂J/∂W[1] = [p − 1(y)]·W[2]·g(1 − g)·a[0]",
            v -> delta(v).matmul(v.get("W[2]")).matmul(slope(v)).matmul(v.get("A[0]"))),
            "seed 003:467–478: does not conform"),
        new SeedFormula("W[1]", SeedNotation.tensors("dimension-compatible: ∂J/∂W[1] = "
            + "(W[2])ᵀ·[p − 1(y)]·(g(z[1]))ᵀ·(1 − g(z[1]))·(a[0])ᵀ + λW[1]",
            v -> t(v.get("W[2]")).matmul(delta(v)).matmul(collapse(v))
                .matmul(t(v.get("A[0]"))).add(v.get("W[1]").mul(lambda))),
            "seed 003:547–555: the shapes conform, "
            + "(3,2)(2,1)(1,3)(3,1)(1,2) → (3,2), but g(z)ᵀ·(1 − g(z)) is the scalar Σ g(1 − g), "
            + "not the elementwise product the diagonal Jacobian asks for (003:509 calls it a dot "
            + "product)"),
        new SeedFormula("b[1]", SeedNotation.tensors("dimension-compatible: ∂J/∂b[1] = "
            + "(W[2])ᵀ·[p − 1(y)]·(g(z[1]))ᵀ·(1 − g(z[1]))",
            v -> t(v.get("W[2]")).matmul(delta(v)).matmul(collapse(v))),
            "seed 003:565–572: the same scalar collapse"),
        new SeedFormula("W[1]", SeedNotation.tensors("summary: ∇W[l] = δ[l+1]·(a[l])ᵀ at l = 1",
            v -> delta(v).matmul(t(v.get("A[1]")))), "seed 003:643: an index shift; "
            + "δ[2]·a[1]ᵀ is the gradient of W[2]"),
        new SeedFormula("W[2]", SeedNotation.tensors("batch: ∂J/∂W[2] = (1/m)·Σᵢ δ·a[1]ᵀ "
            + "+ λW[2], one sample", v -> delta(v).matmul(t(v.get("A[1]")))
            .add(v.get("W[2]").mul(lambda))), "seed 003:580–587: right for one "
            + "sample; with several, the summand must carry the sample index i"),
        new SeedFormula("W[1]", SeedNotation.tensors("right: ∂J/∂W[1] = ((W[2])ᵀ·δ ∘ g ∘ "
            + "(1 − g))·(a[0])ᵀ + λW[1]", v -> t(v.get("W[2]")).matmul(delta(v)).mul(slope(v))
            .matmul(t(v.get("A[0]"))).add(v.get("W[1]").mul(lambda))), ""),
        new SeedFormula("b[1]", SeedNotation.tensors("right: ∂J/∂b[1] = (W[2])ᵀ·δ ∘ g ∘ "
            + "(1 − g)", v -> t(v.get("W[2]")).matmul(delta(v)).mul(slope(v))), ""));
  }

  /** The seed's (g(z))ᵀ·(1 − g(z)): a 1×1 matrix, Σ g(1 − g). */
  private static Tensor collapse(Map<String, Tensor> v) {
    Tensor g = v.get("A[1]");
    return t(g).matmul(g.map(x -> 1 - x));
  }
}
