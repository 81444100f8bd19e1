package dev.chainrule.nn.manual;

import dev.chainrule.core.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seed 003's hand-derived backpropagation for TestNet in the column layout: a^(0) (2, 1), W^(1)
 * (3, 2), b^(1) (3, 1), a^(1) = g(z^(1)) with g the sigmoid, W^(2) (2, 3), b^(2) (2, 1), a^(2) =
 * z^(2) (no output activation), p = softmax(a^(2)), J = −Σ_j 1(y=j) ln p(y=j) for one sample and
 * J = −(1/m) Σ_i Σ_j 1(y_i=j) ln p(y_i=j) + ½λ(‖W^(1)‖² + ‖W^(2)‖²) for m samples. Written with
 * tensor kernels and no autodiff. The seed's "维数相容" (dimension compatibility) section:
 *
 * <pre>
 *   ∂J/∂W^(2) = [p(y=1) − 1(y=1); p(y=2) − 1(y=2)] · (a^(1))ᵀ
 *   ∂J/∂a^(1) = (W^(2))ᵀ · [p − 1(y)]
 *   ∂J/∂W^(1) = (W^(2))ᵀ · [p − 1(y)] · (g(z^(1)))ᵀ · (1 − g(z^(1))) · (a^(0))ᵀ
 *   ∂J/∂b^(1) = (W^(2))ᵀ · [p − 1(y)] · (g(z^(1)))ᵀ · (1 − g(z^(1)))
 * </pre>
 *
 * with ∂J/∂b^(2) = p − 1(y) from the chain-rule section and "+ λW^(l)" on the weights from the
 * batch section ("批量样本求导"), which for m = 1 is exactly the one-sample formula. Labels are given as
 * the indicator columns 1(y) (C, m).
 */
public final class TestNetSingleManual {
  private final Tensor w1;
  private final Tensor b1;
  private final Tensor w2;
  private final Tensor b2;
  private final double lambda;

  /** Creates the formulas for W^(1) (n1, n0), b^(1) (n1, 1), W^(2) (C, n1), b^(2) (C, 1), λ. */
  public TestNetSingleManual(Tensor w1, Tensor b1, Tensor w2, Tensor b2, double lambda) {
    this.w1 = w1;
    this.b1 = b1;
    this.w2 = w2;
    this.b2 = b2;
    this.lambda = lambda;
  }

  private record Forward(Tensor a0, Tensor a1, Tensor delta) {}

  private Forward forward(Tensor a0, Tensor y) {
    Tensor a1 = Kernels.sigmoid(w1.matmul(a0).add(b1));
    Tensor a2 = w2.matmul(a1).add(b2);
    return new Forward(a0, a1, Kernels.softmax(a2, 0).sub(y));
  }

  /**
   * One sample as the "维数相容" section writes it, plus λW: the product (g(z^(1)))ᵀ·(1 − g(z^(1)))
   * conforms but is the scalar s = Σ_k g_k(1 − g_k), so ∂J/∂W^(1) and ∂J/∂b^(1) come out as
   * s·(W^(2))ᵀδ·(a^(0))ᵀ and s·(W^(2))ᵀδ (slips 3.7 and 3.8).
   */
  public ManualGradients singleSample(Tensor a0, Tensor y) {
    Forward f = forward(a0, y);
    Map<String, Tensor> grads = new LinkedHashMap<>(dimensionCompatible(f));
    grads.put("∂J/∂W(1)", grads.get("∂J/∂W(1)").add(w1.mul(lambda)));
    grads.put("∂J/∂W(2)", grads.get("∂J/∂W(2)").add(w2.mul(lambda)));
    return new ManualGradients(grads, intermediates(f));
  }

  /** The "维数相容" section's four formulas for one sample, without λ, evaluated as products. */
  private Map<String, Tensor> dimensionCompatible(Forward f) {
    Tensor g = f.a1();
    Tensor gt = g.transpose();
    Tensor oneMinusG = Kernels.oneMinus(g);
    Map<String, Tensor> grads = new LinkedHashMap<>();
    grads.put("∂J/∂W(1)", Products.chain("∂J/∂W(1) = (W(2))ᵀ·[p − 1(y)]·(g(z(1)))ᵀ·(1 − g(z(1)))·"
        + "(a(0))ᵀ", w2.transpose(), f.delta(), gt, oneMinusG, f.a0().transpose()));
    grads.put("∂J/∂b(1)", Products.chain("∂J/∂b(1) = (W(2))ᵀ·[p − 1(y)]·(g(z(1)))ᵀ·(1 − g(z(1)))",
        w2.transpose(), f.delta(), gt, oneMinusG));
    grads.put("∂J/∂W(2)", f.delta().matmul(gt));
    grads.put("∂J/∂b(2)", f.delta());
    return grads;
  }

  /** One sample, corrected: ∂J/∂z^(1) = ((W^(2))ᵀδ) ∘ g(z^(1)) ∘ (1 − g(z^(1))), elementwise. */
  public ManualGradients singleSampleCorrected(Tensor a0, Tensor y) {
    return batchCorrected(a0, y);
  }

  private Map<String, Tensor> intermediates(Forward f) {
    Map<String, Tensor> inter = new LinkedHashMap<>();
    inter.put("∂J/∂z(2)", f.delta());
    inter.put("∂J/∂a(1)", w2.transpose().matmul(f.delta()));
    return inter;
  }

  /**
   * m samples, corrected: ∂J/∂W^(l) = (1/m) Σ_i δ_i^(l) (a_i^(l−1))ᵀ + λW^(l) and ∂J/∂b^(l) = (1/m)
   * Σ_i δ_i^(l), with δ^(1) = ((W^(2))ᵀδ^(2)) ∘ g ∘ (1 − g).
   */
  public ManualGradients batchCorrected(Tensor a0, Tensor y) {
    ManualGradients sums = batchSums(a0, y);
    double m = a0.shape().dim(1);
    Map<String, Tensor> grads = new LinkedHashMap<>();
    grads.put("∂J/∂W(1)", sums.get("∇W(1)").mul(1 / m).add(w1.mul(lambda)));
    grads.put("∂J/∂b(1)", sums.get("∇b(1)").mul(1 / m));
    grads.put("∂J/∂W(2)", sums.get("∇W(2)").mul(1 / m).add(w2.mul(lambda)));
    grads.put("∂J/∂b(2)", sums.get("∇b(2)").mul(1 / m));
    return new ManualGradients(grads, sums.intermediates());
  }

  /**
   * The per-sample gradients of step 3 of the summary (∇W^(l) = δ^(l)(a^(l−1))ᵀ, ∇b^(l) = δ^(l),
   * index corrected) summed over the batch: ∇W(l) = Σ_i δ_i^(l)(a_i^(l−1))ᵀ and
   * ∇b(l) = Σ_i δ_i^(l), without λ.
   * These are what the update W − α[(1/m)∇W + λW] needs (slip 3.12).
   */
  public ManualGradients batchSums(Tensor a0, Tensor y) {
    Forward f = forward(a0, y);
    Tensor g = f.a1();
    Tensor delta1 = w2.transpose().matmul(f.delta()).mul(g).mul(Kernels.oneMinus(g));
    Map<String, Tensor> sums = new LinkedHashMap<>();
    sums.put("∇W(1)", delta1.matmul(a0.transpose()));
    sums.put("∇b(1)", delta1.sumKeepDims(1));
    sums.put("∇W(2)", f.delta().matmul(g.transpose()));
    sums.put("∇b(2)", f.delta().sumKeepDims(1));
    Map<String, Tensor> inter = intermediates(f);
    inter.put("∂J/∂z(1)", delta1);
    return new ManualGradients(sums, inter);
  }

  /**
   * m samples, the batch section read literally: "(1/m)·Σ_{i=1}^{m} [p(y=1) − 1(y=1); …]·(a^(1))ᵀ
   * + λW^(2)" and the same for W^(1) (with the scalar collapse of 3.7). The summand has no i, so
   * every term is the same sample's; here sample 1's (slip 3.9). The section gives no ∂J/∂b.
   */
  public ManualGradients batchAsWritten(Tensor a0, Tensor y) {
    int m = a0.shape().dim(1);
    Map<String, Tensor> first = dimensionCompatible(forward(column(a0, 0), column(y, 0)));
    Map<String, Tensor> grads = new LinkedHashMap<>();
    grads.put("∂J/∂W(1)", sumOverBatch(first.get("∂J/∂W(1)"), m).add(w1.mul(lambda)));
    grads.put("∂J/∂W(2)", sumOverBatch(first.get("∂J/∂W(2)"), m).add(w2.mul(lambda)));
    return new ManualGradients(grads, Map.of());
  }

  /** Returns (1/m)·Σ_{i=1}^{m} term, the sum written with a summand that does not depend on i. */
  private static Tensor sumOverBatch(Tensor term, int m) {
    Tensor sum = Tensor.zeros(term.shape());
    for (int i = 1; i <= m; i++) {
      sum.addScaledInPlace(1.0, term);
    }
    return sum.mul(1.0 / m);
  }

  /**
   * The direction of the seed's update W^(l) = W^(l) − α[(1/m)∇W^(l) + λW^(l)] for a given ∇W:
   * right when ∇W is the batch sum of {@link #batchSums}; with the already averaged and regularised
   * gradient of the batch section, 1/m and λ are applied twice (slip 3.12).
   */
  public Tensor updateDirectionAsWritten(Tensor gradW, Tensor w, int m) {
    return gradW.mul(1.0 / m).add(w.mul(lambda));
  }

  /** The chain-rule section's ∂J/∂W^(2) = [p − 1(y)]·a^(1): (2, 1)·(3, 1) does not conform. */
  public Tensor chainRuleWeight2AsWritten(Tensor a0, Tensor y) {
    Forward f = forward(a0, y);
    return Products.chain("∂J/∂W(2) = [p − 1(y)]·a(1)", f.delta(), f.a1());
  }

  /** The chain-rule section's ∂J/∂a^(1) = [p − 1(y)]·W^(2): (2, 1)·(2, 3) does not conform. */
  public Tensor chainRuleHiddenAsWritten(Tensor a0, Tensor y) {
    return Products.chain("∂J/∂a(1) = [p − 1(y)]·W(2)", forward(a0, y).delta(), w2);
  }

  /** The chain-rule section's ∂J/∂W^(1) = [p − 1(y)]·W^(2)·g(z^(1))(1 − g(z^(1)))·a^(0). */
  public Tensor chainRuleWeight1AsWritten(Tensor a0, Tensor y) {
    Forward f = forward(a0, y);
    return Products.chain("∂J/∂W(1) = [p − 1(y)]·W(2)·g(z(1))(1 − g(z(1)))·a(0)", f.delta(), w2,
        f.a1().mul(Kernels.oneMinus(f.a1())), a0);
  }

  /** The chain-rule section's ∂J/∂b^(1) = [p − 1(y)]·W^(2)·g(z^(1))(1 − g(z^(1))). */
  public Tensor chainRuleBias1AsWritten(Tensor a0, Tensor y) {
    Forward f = forward(a0, y);
    return Products.chain("∂J/∂b(1) = [p − 1(y)]·W(2)·g(z(1))(1 − g(z(1)))", f.delta(), w2,
        f.a1().mul(Kernels.oneMinus(f.a1())));
  }

  /**
   * The summary's step 3 at l = 1, ∇_{W^(1)} J = δ^(l+1)·(a^(l))ᵀ = δ^(2)(a^(1))ᵀ and ∇_{b^(1)} J =
   * δ^(2): an index shift (slip 3.10) giving W^(2)'s gradient, shape (2, 3) against W^(1)'s (3, 2).
   * At l = 2 it needs δ^(3), which a 2-layer network does not have.
   */
  public ManualGradients summaryAsWritten(Tensor a0, Tensor y) {
    Forward f = forward(a0, y);
    Map<String, Tensor> grads = new LinkedHashMap<>();
    grads.put("∂J/∂W(1)", f.delta().matmul(f.a1().transpose()));
    grads.put("∂J/∂b(1)", f.delta());
    return new ManualGradients(grads, Map.of());
  }

  /**
   * The forward step as printed, z^(1) = W^(1)·[a^(0)_0; a^(0)_1; a^(0)_2] + b^(1), with the bias
   * unit a^(0)_0 = 1 of a commented-out convention: (3, 2)·(3, 1) does not conform (slip 3.1).
   */
  public Tensor hiddenInputAsWritten(Tensor a0) {
    double[] withBias = new double[a0.size() + 1];
    withBias[0] = 1;
    System.arraycopy(a0.buffer(), 0, withBias, 1, a0.size());
    return Products.chain("z(1) = W(1)·[a(0)_0; a(0)_1; a(0)_2] + b(1)", w1,
        Tensor.column(withBias)).add(b1);
  }

  private static Tensor column(Tensor x, int j) {
    int rows = x.shape().dim(0);
    double[] c = new double[rows];
    for (int i = 0; i < rows; i++) {
      c[i] = x.get(i, j);
    }
    return Tensor.column(c);
  }
}
