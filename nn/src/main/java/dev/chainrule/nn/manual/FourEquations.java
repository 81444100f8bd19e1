package dev.chainrule.nn.manual;

import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Seed 000's "four fundamental equations" of backpropagation, for a network of any depth in the
 * column layout (w^[l] is (n_l, n_{l−1}), b^[l] is (n_l, 1), a sample is a column), with any
 * activation per layer and the loss's own ∇_a L, written with tensor kernels and no autodiff:
 *
 * <pre>
 *   (1) δ^[L] = ∇_a L ⊙ σ′(z^[L])
 *   (2) δ^[l] = [w^[l+1]ᵀ δ^[l+1]] ⊙ σ′(z^[l])
 *   (3) ∂L/∂b^[l] = δ^[l],   ∂L/∂w^[l] = δ^[l] a^[l−1]ᵀ
 *   (4) b^[l] ← b^[l] − α ∂L/∂b^[l],   w^[l] ← w^[l] − α ∂L/∂w^[l]
 * </pre>
 *
 * and the seed's table for m samples (dZ^[l] = [δ^[l](1) … δ^[l](m)], C = (1/m) Σ_i L):
 *
 * <pre>
 *   dZ^[L] = ∇_A C ⊙ σ′(Z^[L]),   dZ^[l] = [w^[l+1]ᵀ dZ^[l+1]] ⊙ σ′(Z^[l])
 *   db^[l] = (1/m) meanOfEachRow(dZ^[l]),   dw^[l] = (1/m) dZ^[l] A^[l−1]ᵀ
 * </pre>
 *
 * Each formula is available as written; where the seed slips (the matrix forms of equations 2 and
 * 3, equation 1 for a softmax output, the batch table's 1/m) a corrected variant agrees with
 * autograd. One sample's gradients are named {@code ∂L/∂w[l]} and {@code ∂L/∂b[l]}, a batch's
 * {@code dw[l]} and {@code db[l]}, as in the seed.
 */
public final class FourEquations {
  private final List<Tensor> w;
  private final List<Tensor> b;
  private final List<Activation> sigma;
  private final Loss loss;

  /**
   * Creates the equations for the network with weights w^[1..L], biases b^[1..L] and activations
   * σ^[1..L] (lists indexed from layer 1), trained on {@code loss}; throws naming the first layer
   * whose shapes do not chain.
   */
  public FourEquations(List<Tensor> w, List<Tensor> b, List<Activation> sigma, Loss loss) {
    if (w.isEmpty() || w.size() != b.size() || w.size() != sigma.size()) {
      throw new IllegalArgumentException("need one weight, bias and activation per layer, got "
          + w.size() + " weights, " + b.size() + " biases and " + sigma.size() + " activations");
    }
    for (int l = 1; l <= w.size(); l++) {
      Shape ws = w.get(l - 1).shape();
      Shape bs = b.get(l - 1).shape();
      boolean chains = l == 1 || ws.dim(1) == w.get(l - 2).shape().dim(0);
      if (ws.rank() != 2 || !bs.equals(Shape.of(ws.dim(0), 1)) || !chains) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "layer %d: w[%d] %s and "
            + "b[%d] %s do not form a layer (need w[l] (n_l, n_{l−1}) and b[l] (n_l, 1))", l, l,
            ws, l, bs));
      }
    }
    this.w = List.copyOf(w);
    this.b = List.copyOf(b);
    this.sigma = List.copyOf(sigma);
    this.loss = loss;
  }

  /** Returns the number of layers L (the input layer not counted). */
  public int depth() {
    return w.size();
  }

  /** The forward pass: z^[l] and a^[l] for every layer, a^[0] being the input. */
  public record Forward(List<Tensor> zs, List<Tensor> as) {
    /** Returns z^[l] for 1 ≤ l ≤ L. */
    public Tensor z(int l) {
      return zs.get(l - 1);
    }

    /** Returns a^[l] for 0 ≤ l ≤ L. */
    public Tensor a(int l) {
      return as.get(l);
    }
  }

  /** Runs a^[l] = σ(w^[l] a^[l−1] + b^[l]) from {@code a0}, one column per sample. */
  public Forward forward(Tensor a0) {
    List<Tensor> zs = new ArrayList<>();
    List<Tensor> as = new ArrayList<>();
    as.add(a0);
    for (int l = 1; l <= depth(); l++) {
      Tensor z = w.get(l - 1).matmul(as.get(l - 1)).add(b.get(l - 1));
      zs.add(z);
      as.add(sigma.get(l - 1).apply(z));
    }
    return new Forward(zs, as);
  }

  /** Equation 1 as written: δ^[L] = ∇_a L ⊙ σ′(z^[L]). */
  public Tensor outputError(Forward f, Tensor y) {
    int top = depth();
    return loss.gradient(f.a(top), y).mul(sigma.get(top - 1).derivative(f.z(top)));
  }

  /**
   * Equation 1 by the chain rule the derivation starts from, δ_j = Σ_k ∂L/∂a_k · ∂a_k/∂z_j,
   * keeping the terms k ≠ j that the seed drops; equal to {@link #outputError} for elementwise σ.
   */
  public Tensor outputErrorCorrected(Forward f, Tensor y) {
    int top = depth();
    return sigma.get(top - 1).backward(f.z(top), loss.gradient(f.a(top), y));
  }

  /** Equation 2 as in the summary table: δ^[l] = [w^[l+1]ᵀ δ^[l+1]] ⊙ σ′(z^[l]). */
  public Tensor hiddenError(int l, Forward f, Tensor deltaNext) {
    return w.get(l).transpose().matmul(deltaNext).mul(sigma.get(l - 1).derivative(f.z(l)));
  }

  private Tensor hiddenErrorCorrected(int l, Forward f, Tensor deltaNext) {
    return sigma.get(l - 1).backward(f.z(l), w.get(l).transpose().matmul(deltaNext));
  }

  /**
   * Equation 2 in the matrix form the seed prints, δ^[l] = [[w_11^[l] … w_1k^[l]] … [w_j1^[l] …
   * w_jk^[l]]] δ^[l+1] ⊙ σ′(z^[l]): the layer-l matrix, untransposed. Throws a {@link
   * FormulaShapeException} where the product does not conform.
   */
  public Tensor hiddenErrorMatrixFormAsWritten(int l, Forward f, Tensor deltaNext) {
    String formula = String.format(Locale.ROOT, "equation 2 in matrix form at l = %d: "
        + "δ[%d] = [w[%d] δ[%d]] ⊙ σ′(z[%d])", l, l, l, l + 1, l);
    return Products.chain(formula, w.get(l - 1), deltaNext)
        .mul(sigma.get(l - 1).derivative(f.z(l)));
  }

  /**
   * Equation 3 in the matrix form the seed prints, ∂L/∂w^[l] = δ^[l] [a_1^[l] … a_k^[l]], that is
   * δ^[l] a^[l]ᵀ: it evaluates, but to (n_l, n_l), not w^[l]'s shape (n_l, n_{l−1}).
   */
  public Tensor weightGradientMatrixFormAsWritten(int l, Forward f, Tensor delta) {
    return delta.matmul(f.a(l).transpose());
  }

  /** One sample (a column {@code x}), the summary table as written: ∂L/∂w[l], ∂L/∂b[l], δ[l]. */
  public ManualGradients singleSample(Tensor x, Tensor y) {
    return single(x, y, false);
  }

  /** One sample with equation 1 by the full chain rule (differs only for a softmax output). */
  public ManualGradients singleSampleCorrected(Tensor x, Tensor y) {
    return single(x, y, true);
  }

  private ManualGradients single(Tensor x, Tensor y, boolean chainRule) {
    if (x.rank() != 2 || x.shape().dim(1) != 1) {
      throw new IllegalArgumentException("one sample is one column (n, 1), but a[0] has shape "
          + x.shape() + "; use the batch formulas for several samples");
    }
    Forward f = forward(x);
    List<Tensor> deltas = errors(f, y, false, chainRule);
    Map<String, Tensor> grads = new LinkedHashMap<>();
    Map<String, Tensor> inter = new LinkedHashMap<>();
    for (int l = 1; l <= depth(); l++) {
      Tensor d = deltas.get(l - 1);
      grads.put(weightName(l, false), d.matmul(f.a(l - 1).transpose()));
      grads.put(biasName(l, false), d);
      inter.put("δ[" + l + "]", d);
    }
    return new ManualGradients(grads, inter);
  }

  /**
   * m samples, the seed's table read literally: dZ^[L] = ∇_A C ⊙ σ′(Z^[L]) with C the mean cost
   * (so dZ already carries 1/m), db = (1/m) meanOfEachRow(dZ), dw = (1/m) dZ Aᵀ. Slips 0.7 and
   * 0.8: dw is 1/m of ∂C/∂w and db is 1/m² of ∂C/∂b.
   */
  public ManualGradients batchAsWritten(Tensor x, Tensor y) {
    return batch(x, y, true, true, false);
  }

  /**
   * m samples, the table with dZ^[l] the stacked per-sample errors δ^[l](i) as the text defines
   * them, and db = (1/m) meanOfEachRow(dZ) as written: dw is right, db is 1/m of ∂C/∂b (slip 0.7).
   */
  public ManualGradients batchPerSampleErrors(Tensor x, Tensor y) {
    return batch(x, y, false, true, false);
  }

  /**
   * m samples, corrected: dZ^[l] = stacked per-sample δ^[l](i), dw^[l] = (1/m) dZ^[l] A^[l−1]ᵀ,
   * db^[l] = meanOfEachRow(dZ^[l]) = (1/m) Σ_i dZ^[l](i), equation 1 by the full chain rule.
   */
  public ManualGradients batchCorrected(Tensor x, Tensor y) {
    return batch(x, y, false, false, true);
  }

  private ManualGradients batch(Tensor x, Tensor y, boolean meanCostGradient, boolean dbAsWritten,
      boolean chainRule) {
    Forward f = forward(x);
    int m = x.shape().dim(1);
    List<Tensor> dz = errors(f, y, meanCostGradient, chainRule);
    Map<String, Tensor> grads = new LinkedHashMap<>();
    Map<String, Tensor> inter = new LinkedHashMap<>();
    for (int l = 1; l <= depth(); l++) {
      Tensor d = dz.get(l - 1);
      Tensor rowMeans = Kernels.meanKeep(d, 1);
      grads.put(weightName(l, true), d.matmul(f.a(l - 1).transpose()).mul(1.0 / m));
      grads.put(biasName(l, true), dbAsWritten ? rowMeans.mul(1.0 / m) : rowMeans);
      inter.put("dZ[" + l + "]", d);
    }
    return new ManualGradients(grads, inter);
  }

  /** Returns δ^[1..L] (index 0 = layer 1) by equations 1 and 2. */
  private List<Tensor> errors(Forward f, Tensor y, boolean meanCostGradient, boolean chainRule) {
    int top = depth();
    int m = f.a(0).shape().dim(1);
    Tensor gradA = loss.gradient(f.a(top), y);
    if (meanCostGradient) {
      gradA = gradA.mul(1.0 / m);
    }
    Activation out = sigma.get(top - 1);
    Tensor delta = chainRule ? out.backward(f.z(top), gradA)
        : gradA.mul(out.derivative(f.z(top)));
    Tensor[] deltas = new Tensor[top];
    deltas[top - 1] = delta;
    for (int l = top - 1; l >= 1; l--) {
      delta = chainRule ? hiddenErrorCorrected(l, f, delta) : hiddenError(l, f, delta);
      deltas[l - 1] = delta;
    }
    return List.of(deltas);
  }

  /** Returns the seed's name of w^[l]'s gradient: ∂L/∂w[l] for one sample, dw[l] for a batch. */
  public static String weightName(int l, boolean batch) {
    return (batch ? "dw[" : "∂L/∂w[") + l + "]";
  }

  /** Returns the seed's name of b^[l]'s gradient: ∂L/∂b[l] for one sample, db[l] for a batch. */
  public static String biasName(int l, boolean batch) {
    return (batch ? "db[" : "∂L/∂b[") + l + "]";
  }
}
