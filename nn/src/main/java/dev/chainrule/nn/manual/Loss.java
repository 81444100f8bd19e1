package dev.chainrule.nn.manual;

import dev.chainrule.core.tensor.Tensor;

/**
 * The per-sample losses of seed 000 with their gradient ∇_a L written out by hand. With several
 * output neurons the loss of one sample is the sum over them ("成本函数是每个输出神经元的损失函数之和");
 * the cost of a batch is the mean over samples, C = (1/m) Σ_i L⁽ⁱ⁾.
 */
public enum Loss {
  /** L1: |y − a|, ∇_a L = sign(a − y) (undefined where a = y). */
  L1 {
    @Override
    public Tensor gradient(Tensor a, Tensor y) {
      return a.sub(y).map(Math::signum);
    }
  },
  /** L2: (y − a)², ∇_a L = 2(a − y). */
  L2 {
    @Override
    public Tensor gradient(Tensor a, Tensor y) {
      return a.sub(y).mul(2.0);
    }
  },
  /** Binary cross-entropy −y·log(a) − (1 − y)·log(1 − a), ∇_a L = −y/a + (1 − y)/(1 − a). */
  BINARY_CROSS_ENTROPY {
    @Override
    public Tensor gradient(Tensor a, Tensor y) {
      return Kernels.oneMinus(y).div(Kernels.oneMinus(a)).sub(y.div(a));
    }
  },
  /** Cross-entropy over classes −Σ_j y_j·log(a_j) (for a softmax output), ∇_a L = −y/a. */
  CROSS_ENTROPY {
    @Override
    public Tensor gradient(Tensor a, Tensor y) {
      return y.div(a).mul(-1.0);
    }
  };

  /** Returns ∇_a L elementwise, one column per sample. */
  public abstract Tensor gradient(Tensor a, Tensor y);
}
