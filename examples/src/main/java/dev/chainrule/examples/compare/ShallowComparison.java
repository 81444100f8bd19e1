package dev.chainrule.examples.compare;

import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.examples.seeds.ShallowNetwork;
import dev.chainrule.nn.manual.Activation;
import dev.chainrule.nn.manual.ManualGradients;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Seed 004 ({@code shallow}): autograd against the seed's summary formulas for the 3-4-1 network,
 * for any weights, so that a training loop can call it before, during or after training: {@code
 * ShallowComparison.compare(x, y, w1, b1, w2, b2, Activation.TANH)}, then print the result with
 * {@link ComparisonPrinter}.
 */
public final class ShallowComparison {
  private ShallowComparison() {}

  /** Compares autograd with the seed's formulas on the seeded network with m samples. */
  public static SeedComparison compute(long seed, int m, Activation g) {
    return compare(ShallowNetwork.seeded(seed, m, g), seed);
  }

  /**
   * Compares autograd with the seed's formulas at the given data and parameters: X (3, m), Y
   * (1, m), W[1] (4, 3), b[1] (4, 1), W[2] (1, 4), b[2] (1, 1), hidden activation g.
   */
  public static SeedComparison compare(Tensor x, Tensor y, Tensor w1, Tensor b1, Tensor w2,
      Tensor b2, Activation g) {
    return compare(new ShallowNetwork(x, y, w1, b1, w2, b2, g), -1);
  }

  private static SeedComparison compare(ShallowNetwork net, long seed) {
    int m = net.input().shape().dim(1);
    Map<String, Tensor> auto = net.autograd();
    ManualGradients seedGrads = net.manual().gradients(net.input(), net.target());
    ManualGradients corrected = net.manual().corrected(net.input(), net.target());
    List<ComparisonSection> sections = List.of(
        ComparisonSection.of("m = " + m + ": the summary as written, J = −(1/m)·Σ_i [y·log ŷ + "
            + "(1 − y)·log(1 − ŷ)]", auto, seedGrads.gradients()),
        ComparisonSection.of("m = " + m + ": dA and dZ read as ∂J/∂A and ∂J/∂Z (1/m in dZ[2], "
            + "dW = dZ·Aᵀ, db = Σ dZ)", auto, corrected.intermediates()));
    List<PinnedSlip.Row> rows = new ArrayList<>();
    for (String name : List.of("dA[2]", "dZ[2]", "dA[1]", "dZ[1]")) {
      rows.add(SlipRows.perSample(name, auto.get(name), seedGrads.get(name), m));
    }
    PinnedSlip perSample = new PinnedSlip("004:166",
        "dA[2] = ∂J/∂A[2] = (A[2] − Y)/(A[2](1 − A[2]))"
        + ", dZ[2] = A[2] − Y, dA[1] = W[2]ᵀ·dZ[2], dZ[1] = dA[1] * g′(Z[1])",
        "these are the per-sample ∂L/∂·, stacked, not ∂J/∂· of the mean J; the 1/m then enters "
            + "once, in dW and db, which are right (the 1/m appearing between the two sides of "
            + "004:210, dW[1] = dZ[1]·∂Z/∂W = (1/m)·…, is the symptom)",
        "call them ∂L/∂·, or put the 1/m in dZ[2] = (A[2] − Y)/m and drop it from dW and db",
        rows);
    Tensor db1 = net.manual().db1WithoutKeepdims(net.input(), net.target());
    Shape updated = net.bias1().sub(db1.mul(0.5)).shape();
    PinnedSlip keepdims = new PinnedSlip("004:214", "db[1] = (1/m)·np.sum(dZ[1], axis=1)",
        "without keepdims=True the sum has shape (4), and b[1] (4, 1) − η·db[1] broadcasts "
            + "silently to (4, 4)", "db[1] = (1/m)·np.sum(dZ[1], axis=1, keepdims=True)",
        List.of(SlipRows.shapeMismatch("db[1]", auto.get("db[1]"), db1, String.format(
            Locale.ROOT, "b[1] − η·db[1] has shape %s", updated))));
    String hidden = net.activation().label();
    return new SeedComparison("shallow", "Seed 004 — the shallow 3-4-1 network (shallow)",
        List.of("column layout: X = A[0] (3, " + m + ") → Z[1] = W[1]·X + b[1] → A[1] = "
            + hidden + "(Z[1]) → Z[2] = W[2]·A[1] + b[2] → A[2] = σ(Z[2])",
            "J = −(1/m)·Σ_i [y⁽ⁱ⁾·log ŷ⁽ⁱ⁾ + (1 − y⁽ⁱ⁾)·log(1 − ŷ⁽ⁱ⁾)]"), seed, sections,
        List.of(perSample, keepdims));
  }
}
