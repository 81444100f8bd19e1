package dev.chainrule.examples.formulas;

import dev.chainrule.core.check.ManualFormula;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * The backward pass of one convolution layer derived by hand (docs/convolution.md), for the
 * example {@code conv}: Z = W ⋆ X + b, A = tanh(Z), J = (1/2m)·Σ(A − Y)². dA, dZ and db are graph
 * expressions; dW = X ⋆ dZ (the correlation of the input with dZ, summed over the images) and dX
 * = the full convolution of dZ with the kernel flipped in both axes are written as loops over the
 * values, straight from their index formulas, so that they do not reuse the convolution's own
 * kernels.
 */
final class ConvFormulas {
  private ConvFormulas() {}

  static List<SeedFormula> of(NetworkNodes n) {
    Node a = n.get("A");
    Node y = n.get("Y");
    double m = n.get("X").shape().dim(0);
    Node dz = a.sub(y).div(m).mul(a.square().rsub(1));
    return List.of(
        new SeedFormula("A", ManualFormula.graph("dA = (A − Y)/m", () -> a.sub(y).div(m)), ""),
        new SeedFormula("Z", ManualFormula.graph("dZ = dA ∘ (1 − A²)", () -> dz), ""),
        new SeedFormula("b", ManualFormula.graph("db = Σ over n, y, x of dZ", () -> dz.sum(0)
            .sumKeepDims(1, 2)), ""),
        new SeedFormula("W", ManualFormula.tensors("dW = X ⋆ dZ", v -> kernelGradient(v.get("X"),
            upstream(v, m))), ""),
        new SeedFormula("X", ManualFormula.tensors("dX = dZ ∗ rot180(W), full",
            v -> fullConvolution(upstream(v, m), v.get("W"))), ""));
  }

  /** Returns dZ = (A − Y)/m ∘ (1 − A²) from the values. */
  private static Tensor upstream(Map<String, Tensor> v, double m) {
    Tensor a = v.get("A");
    return a.sub(v.get("Y")).mul(1 / m).mul(a.map(t -> 1 - t * t));
  }

  /** dW[f, c, i, j] = Σ over n, y, x of X[n, c, y + i, x + j] · dZ[n, f, y, x]. */
  private static Tensor kernelGradient(Tensor x, Tensor dz) {
    int[] xd = x.shape().dims();
    int[] zd = dz.shape().dims();
    int k = xd[2] - zd[2] + 1;
    Tensor dw = Tensor.zeros(zd[1], xd[1], k, k);
    for (int f = 0; f < zd[1]; f++) {
      for (int c = 0; c < xd[1]; c++) {
        for (int i = 0; i < k; i++) {
          for (int j = 0; j < k; j++) {
            double s = 0;
            for (int s0 = 0; s0 < zd[0]; s0++) {
              for (int r = 0; r < zd[2]; r++) {
                for (int q = 0; q < zd[3]; q++) {
                  s += x.get(s0, c, r + i, q + j) * dz.get(s0, f, r, q);
                }
              }
            }
            dw.buffer()[((f * xd[1] + c) * k + i) * k + j] = s;
          }
        }
      }
    }
    return dw;
  }

  /**
   * dX[n, c, r, q] = Σ over f, i, j of dZ⁺[n, f, r + i, q + j] · W[f, c, k − 1 − i, k − 1 − j],
   * where dZ⁺ is dZ padded with k − 1 zeros on every side: the full convolution of dZ with the
   * flipped kernel.
   */
  private static Tensor fullConvolution(Tensor dz, Tensor w) {
    int[] zd = dz.shape().dims();
    int[] wd = w.shape().dims();
    int k = wd[2];
    int h = zd[2] + k - 1;
    Tensor dx = Tensor.zeros(zd[0], wd[1], h, h);
    for (int s0 = 0; s0 < zd[0]; s0++) {
      for (int c = 0; c < wd[1]; c++) {
        for (int r = 0; r < h; r++) {
          for (int q = 0; q < h; q++) {
            double s = 0;
            for (int f = 0; f < wd[0]; f++) {
              for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                  int pr = r + i - (k - 1);
                  int pq = q + j - (k - 1);
                  if (pr >= 0 && pr < zd[2] && pq >= 0 && pq < zd[3]) {
                    s += dz.get(s0, f, pr, pq) * w.get(f, c, k - 1 - i, k - 1 - j);
                  }
                }
              }
            }
            dx.buffer()[((s0 * wd[1] + c) * h + r) * h + q] = s;
          }
        }
      }
    }
    return dx;
  }
}
