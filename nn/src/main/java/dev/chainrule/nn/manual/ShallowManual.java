package dev.chainrule.nn.manual;

import dev.chainrule.core.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seed 004's hand-derived backpropagation for the shallow 3-4-1 network in the column layout:
 * X = A^[0] (3, m), W^[1] (4, 3), b^[1] (4, 1), A^[1] = g(Z^[1]) with g = tanh or ReLU, W^[2]
 * (1, 4), b^[2] (1, 1), A^[2] = σ(Z^[2]), J = −(1/m) Σ_i [y log ŷ + (1 − y) log(1 − ŷ)],
 * written with tensor kernels and no autodiff. The seed's summary:
 *
 * <pre>
 *   dA^[2] = ∂J/∂A^[2] = (A^[2] − Y) / (A^[2](1 − A^[2]))
 *   dZ^[2] = A^[2] − Y
 *   dW^[2] = (1/m) dZ^[2] · A^[1]ᵀ            db^[2] = (1/m) np.sum(dZ^[2], axis=1)
 *   dA^[1] = W^[2]ᵀ · dZ^[2]
 *   dZ^[1] = W^[2]ᵀ · dZ^[2] * g^[1]′(Z^[1])
 *   dW^[1] = (1/m) dZ^[1] · A^[0]ᵀ            db^[1] = (1/m) np.sum(dZ^[1], axis=1)
 * </pre>
 *
 * The parameter gradients are right; dA and dZ are per-sample ∂L, m times ∂J (slip 4.1).
 */
public final class ShallowManual {
  private final Tensor w1;
  private final Tensor b1;
  private final Tensor w2;
  private final Tensor b2;
  private final Activation g;

  /** Creates the formulas for W^[1] (4, 3), b^[1] (4, 1), W^[2] (1, 4), b^[2] (1, 1), hidden g. */
  public ShallowManual(Tensor w1, Tensor b1, Tensor w2, Tensor b2, Activation g) {
    this.w1 = w1;
    this.b1 = b1;
    this.w2 = w2;
    this.b2 = b2;
    this.g = g;
  }

  private record Forward(Tensor z1, Tensor a1, Tensor a2) {}

  private Forward forward(Tensor x) {
    Tensor z1 = w1.matmul(x).add(b1);
    Tensor a1 = g.apply(z1);
    return new Forward(z1, a1, Kernels.sigmoid(w2.matmul(a1).add(b2)));
  }

  /** The summary as written (np.sum with keepdims, as the shapes require); X (3, m), Y (1, m). */
  public ManualGradients gradients(Tensor x, Tensor y) {
    return backward(x, y, false);
  }

  /**
   * Corrected reading in which every dX is ∂J/∂X: dA^[2] = (A − Y)/(m·A(1 − A)),
   * dZ^[2] = (A − Y)/m, dW^[l] = dZ^[l]·A^[l−1]ᵀ and db^[l] = Σ_i dZ^[l](i); the 1/m enters
   * once, in dZ^[2].
   */
  public ManualGradients corrected(Tensor x, Tensor y) {
    return backward(x, y, true);
  }

  private ManualGradients backward(Tensor x, Tensor y, boolean perCost) {
    Forward f = forward(x);
    double m = x.shape().dim(1);
    double scale = perCost ? 1 / m : 1;
    double average = perCost ? 1 : 1 / m;
    Tensor a2 = f.a2();
    Tensor da2 = a2.sub(y).div(a2.mul(Kernels.oneMinus(a2))).mul(scale);
    Tensor dz2 = a2.sub(y).mul(scale);
    Tensor da1 = w2.transpose().matmul(dz2);
    Tensor dz1 = da1.mul(g.derivative(f.z1()));
    Map<String, Tensor> grads = new LinkedHashMap<>();
    grads.put("dW[1]", dz1.matmul(x.transpose()).mul(average));
    grads.put("db[1]", dz1.sumKeepDims(1).mul(average));
    grads.put("dW[2]", dz2.matmul(f.a1().transpose()).mul(average));
    grads.put("db[2]", dz2.sumKeepDims(1).mul(average));
    Map<String, Tensor> inter = new LinkedHashMap<>();
    inter.put("dA[2]", da2);
    inter.put("dZ[2]", dz2);
    inter.put("dA[1]", da1);
    inter.put("dZ[1]", dz1);
    return new ManualGradients(grads, inter);
  }

  /**
   * db^[1] = (1/m)·np.sum(dZ^[1], axis=1) exactly as printed, without keepdims=True: shape (4)
   * instead of b^[1]'s (4, 1), so b^[1] − η·db^[1] broadcasts silently to (4, 4) (slip 4.4).
   */
  public Tensor db1WithoutKeepdims(Tensor x, Tensor y) {
    Tensor dz1 = gradients(x, y).get("dZ[1]");
    return dz1.sum(1).mul(1.0 / x.shape().dim(1));
  }
}
