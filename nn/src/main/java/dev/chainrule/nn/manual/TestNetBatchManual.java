package dev.chainrule.nn.manual;

import dev.chainrule.core.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seed 002's hand-derived backpropagation for TestNet in the row layout (a sample is a row):
 * a^(0) (m, 3), W^(1) (3, 4), b^(1) (1, 4), z^(1) = a^(0)·W^(1) + b^(1), a^(1) = relu(z^(1)),
 * W^(2) (4, 2), b^(2) (1, 2), z^(2) = a^(1)·W^(2) + b^(2), p = softmax of each row, written with
 * tensor kernels and no autodiff. The seed's summary ("反向传播如下"):
 *
 * <pre>
 *   ∂J/∂z^(2) = [p(y_i = j) − 1(y_i = j)]_{i,j}
 *   ∂J/∂W^(2) = (1/m) (a^(1))ᵀ · ∂J/∂z^(2)         ∂J/∂b^(2) = (1/m) Σ_i ∂J/∂z^(2)_i
 *   ∂J/∂a^(1) = ∂J/∂z^(2) · (W^(2))ᵀ
 *   ∂J/∂z^(1) = ∂J/∂a^(1) * 1(z^(1) ≥ 0)
 *   ∂J/∂W^(1) = (1/m) (a^(0))ᵀ · ∂J/∂z^(1)         ∂J/∂b^(1) = (1/m) Σ_i ∂J/∂z^(1)_i
 *   W^(l) = W^(l) − α[∇W^(l) + λW^(l)],   b^(l) = b^(l) − α ∇b^(l)
 * </pre>
 *
 * The parameter gradients are those of the mean J_mean = −(1/m) Σ_i Σ_j 1(y_i = j) ln p(y_i = j),
 * although the seed writes J as the sum (slip 2.1); the δ's are those of the sum. Labels are given
 * as the indicator matrix 1(y) (m, C), one row per sample.
 */
public final class TestNetBatchManual {
  private final Tensor w1;
  private final Tensor b1;
  private final Tensor w2;
  private final Tensor b2;

  /** Creates the formulas for the parameters W^(1) (n0, n1), b^(1) (1, n1), W^(2), b^(2). */
  public TestNetBatchManual(Tensor w1, Tensor b1, Tensor w2, Tensor b2) {
    this.w1 = w1;
    this.b1 = b1;
    this.w2 = w2;
    this.b2 = b2;
  }

  private record Forward(Tensor z1, Tensor a1, Tensor z2, Tensor p) {}

  private Forward forward(Tensor a0) {
    Tensor z1 = a0.matmul(w1).add(b1);
    Tensor a1 = Activation.RELU.apply(z1);
    Tensor z2 = a1.matmul(w2).add(b2);
    return new Forward(z1, a1, z2, Kernels.softmax(z2, 1));
  }

  /** The summary as written, with the ReLU mask 1(z^(1) ≥ 0); {@code y} is 1(y) (m, C). */
  public ManualGradients summary(Tensor a0, Tensor y) {
    return summary(a0, y, true);
  }

  /**
   * The summary with the mask 1(z^(1) &gt; 0), chainrule's and PyTorch's convention. It differs
   * from {@link #summary} only where some z^(1) is exactly 0, where ReLU has no derivative and
   * either one-sided derivative is a valid choice (slip 2.8 is a convention, stated here).
   */
  public ManualGradients summaryStrictMask(Tensor a0, Tensor y) {
    return summary(a0, y, false);
  }

  private ManualGradients summary(Tensor a0, Tensor y, boolean maskAtZero) {
    Forward f = forward(a0);
    double m = a0.shape().dim(0);
    Tensor dz2 = f.p().sub(y);
    Tensor da1 = dz2.matmul(w2.transpose());
    Tensor dz1 = da1.mul(f.z1().map(v -> v > 0 || (maskAtZero && v == 0) ? 1.0 : 0.0));
    Map<String, Tensor> grads = new LinkedHashMap<>();
    grads.put("∂J/∂W(1)", a0.transpose().matmul(dz1).mul(1 / m));
    grads.put("∂J/∂b(1)", dz1.sumKeepDims(0).mul(1 / m));
    grads.put("∂J/∂W(2)", f.a1().transpose().matmul(dz2).mul(1 / m));
    grads.put("∂J/∂b(2)", dz2.sumKeepDims(0).mul(1 / m));
    Map<String, Tensor> inter = new LinkedHashMap<>();
    inter.put("∂J/∂z(2)", dz2);
    inter.put("∂J/∂a(1)", da1);
    inter.put("∂J/∂z(1)", dz1);
    return new ManualGradients(grads, inter);
  }

  /**
   * ∂J/∂W^(2) as the seed's explicit matrix of entries, [[S(1,1), S(1,2)], [S(1,3), S(1,4)],
   * [S(2,1), S(2,2)], [S(2,3), S(2,4)]] with S(j,k) = (1/m) Σ_i (p(y_i=j) − 1(y_i=j)) a^(1)_{i,k}:
   * the (C, n1) matrix S laid out row by row into W^(2)'s shape (n1, C). Slip 2.6: entry (k, j)
   * must be S(j, k).
   */
  public Tensor dW2EntryMatrixAsWritten(Tensor a0, Tensor y) {
    Forward f = forward(a0);
    double m = a0.shape().dim(0);
    Tensor s = f.p().sub(y).transpose().matmul(f.a1()).mul(1 / m);
    int classes = s.shape().dim(0);
    int hidden = s.shape().dim(1);
    double[] printed = new double[hidden * classes];
    for (int t = 0; t < printed.length; t++) {
      printed[t] = s.get(t / hidden, t % hidden);
    }
    return Tensor.of(printed, hidden, classes);
  }

  /**
   * ∂J/∂W^(2) as the seed's last step, (1/m) Σ_{i=1}^{m} (R^{4×m} · R^{m×2}): the whole product
   * (a^(1))ᵀ·∂J/∂z^(2) summed m times, then divided by m. Slip 2.7: m times the gradient.
   */
  public Tensor dW2OuterProductSumAsWritten(Tensor a0, Tensor y) {
    Forward f = forward(a0);
    int m = a0.shape().dim(0);
    Tensor product = f.a1().transpose().matmul(f.p().sub(y));
    Tensor sum = Tensor.zeros(product.shape());
    for (int i = 1; i <= m; i++) {
      sum.addScaledInPlace(1.0, product);
    }
    return sum.mul(1.0 / m);
  }

  /**
   * The direction of the seed's update W^(l) = W^(l) − α[∇W^(l) + λW^(l)], that is ∇W + λW: the
   * gradient of J_mean + (λ/2) Σ_l ‖W^(l)‖², a cost the seed never writes (slip 2.9).
   */
  public static Tensor updateDirectionAsWritten(Tensor gradW, Tensor w, double lambda) {
    return gradW.add(w.mul(lambda));
  }
}
