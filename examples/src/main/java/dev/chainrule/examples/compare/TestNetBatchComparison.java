package dev.chainrule.examples.compare;

import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.examples.seeds.TestNetBatchNetwork;
import dev.chainrule.nn.manual.ManualGradients;
import dev.chainrule.nn.manual.TestNetBatchManual;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Seed 002 ({@code testnet-batch}): autograd against the seed's summary formulas for TestNet 3-4-2
 * in the row layout, with the slips of its cost, its explicit matrices, its update and its ReLU
 * mask pinned.
 */
public final class TestNetBatchComparison {
  /** The L2 weight λ of the seed's update W − α[∇W + λW] used in the comparison. */
  public static final double LAMBDA = 0.1;
  private static final List<String> PARAMS = List.of("∂J/∂W(1)", "∂J/∂b(1)", "∂J/∂W(2)",
      "∂J/∂b(2)");

  private TestNetBatchComparison() {}

  /** Compares autograd with the seed's formulas on a network drawn from {@code seed}. */
  public static SeedComparison compute(long seed) {
    TestNetBatchNetwork net = TestNetBatchNetwork.seeded(seed,
        TestNetBatchNetwork.DEFAULT_SAMPLES);
    int m = TestNetBatchNetwork.DEFAULT_SAMPLES;
    TestNetBatchManual manual = net.manual();
    ManualGradients seedGrads = manual.summary(net.input(), net.target());
    Map<String, Tensor> auto = net.autograd();
    Map<String, Tensor> regularised = net.autogradRegularised(LAMBDA);
    Map<String, Tensor> direction = new LinkedHashMap<>();
    for (int l = 1; l <= 2; l++) {
      String name = "∂J/∂W(" + l + ")";
      direction.put(name, TestNetBatchManual.updateDirectionAsWritten(auto.get(name),
          net.weight(l), LAMBDA));
    }
    List<ComparisonSection> sections = List.of(
        ComparisonSection.of("m = " + m + ": the summary as written, J = −(1/m)·Σ_i Σ_j "
            + "1(y_i=j)·ln p(y_i=j) (the mean its gradients are of)", auto,
            seedGrads.gradients()),
        ComparisonSection.of(String.format(Locale.ROOT, "the update direction ∇W(l) + λW(l), "
            + "λ = %s, against J + (λ/2)·(‖W(1)‖² + ‖W(2)‖²)", LAMBDA), regularised, direction));
    List<PinnedSlip> slips = List.of(costAsSum(net, seedGrads, m), entryMatrix(net, auto),
        sumAroundProduct(net, auto, m), lambdaWithoutPenalty(net, auto, direction),
        reluAtZero(net.withKink()));
    return new SeedComparison("testnet-batch", "Seed 002 — TestNet 3-4-2, a batch in the row "
        + "layout (testnet-batch)", List.of("row layout: a(0) (" + m + ", 3) → z(1) = a(0)·W(1) "
            + "+ b(1) → a(1) = relu(z(1)) → z(2) = a(1)·W(2) + b(2) → p = softmax of each row",
            "J = −(1/m)·Σ_i Σ_j 1(y_i=j)·ln p(y_i=j); the seed writes it without 1/m (J_sum)"),
        seed, sections, slips);
  }

  private static PinnedSlip costAsSum(TestNetBatchNetwork net, ManualGradients seed, int m) {
    Map<String, Tensor> sum = net.autogradOfSum();
    List<PinnedSlip.Row> rows = new ArrayList<>();
    for (String name : PARAMS) {
      rows.add(SlipRows.factor(name, sum.get(name), seed.get(name), m, "m = " + m));
    }
    rows.add(SlipRows.agrees("∂J/∂z(2)", sum.get("∂J/∂z(2)"), seed.get("∂J/∂z(2)"),
        "δ(2) = p − 1(y) is the gradient of J_sum itself"));
    return new PinnedSlip("002:197",
        "J = (−1)·Σ_{i=1}^{m} Σ_{j=1}^{2}·1(y_{m,j}=1)·ln p(y_{m,j}=1), "
        + "differentiated by autograd as written (a sum, J_sum)",
        "J is written as a sum, but every parameter gradient carries 1/m: they are gradients of "
            + "the mean J_sum/m, while the δ's are those of J_sum. (y_{m,j} should be y_i too.)",
        "J = −(1/m)·Σ_i Σ_j 1(y_i=j)·ln p(y_i=j)", rows);
  }

  private static PinnedSlip entryMatrix(TestNetBatchNetwork net, Map<String, Tensor> auto) {
    Tensor printed = net.manual().dW2EntryMatrixAsWritten(net.input(), net.target());
    Tensor dw2 = auto.get("∂J/∂W(2)");
    Tensor laidOut = dw2.transpose().reshape(dw2.shape().dim(0), dw2.shape().dim(1));
    return new PinnedSlip("002:441", "∂J/∂W(2) = [[S(1,1), S(1,2)], [S(1,3), S(1,4)], [S(2,1), "
        + "S(2,2)], [S(2,3), S(2,4)]], S(j,k) = (1/m)·Σ_i (p(y_i=j) − 1(y_i=j))·a(1)_{i,k}",
        "the entries are the 2 × 4 transpose S laid out row by row into 4 × 2; entry (k, j) of "
            + "∂J/∂W(2) is S(j, k). The outer-product form on the next line is right",
        "∂J/∂W(2) = [[S(1,1), S(2,1)], [S(1,2), S(2,2)], [S(1,3), S(2,3)], [S(1,4), S(2,4)]] = "
            + "(1/m)·(a(1))ᵀ·∂J/∂z(2)",
        List.of(SlipRows.relation("∂J/∂W(2)", dw2, printed, laidOut,
            "= autograd's ∂J/∂W(2) transposed to (2, 4) and read row by row into (4, 2)")));
  }

  private static PinnedSlip sumAroundProduct(TestNetBatchNetwork net, Map<String, Tensor> auto,
      int m) {
    Tensor written = net.manual().dW2OuterProductSumAsWritten(net.input(), net.target());
    return new PinnedSlip("002:461", "∂J/∂W(2) = (1/m)·Σ_{i=1}^{m} (R^{4×m}·R^{m×2})",
        "the Σ_i around the whole product (a(1))ᵀ·∂J/∂z(2), which already sums over the samples, "
            + "adds them m times", "∂J/∂W(2) = (1/m)·(a(1))ᵀ·∂J/∂z(2)",
        List.of(SlipRows.factor("∂J/∂W(2)", auto.get("∂J/∂W(2)"), written, 1.0 / m,
            "1/m = 1/" + m)));
  }

  private static PinnedSlip lambdaWithoutPenalty(TestNetBatchNetwork net,
      Map<String, Tensor> auto, Map<String, Tensor> direction) {
    List<PinnedSlip.Row> rows = new ArrayList<>();
    for (int l = 1; l <= 2; l++) {
      String name = "∂J/∂W(" + l + ")";
      rows.add(SlipRows.relation(name, auto.get(name), direction.get(name),
          auto.get(name).add(net.weight(l).mul(LAMBDA)), "seed's − autograd = λW(" + l + ")"));
    }
    return new PinnedSlip("002:852", String.format(Locale.ROOT, "update W(l) = W(l) − α[∇W(l) + "
        + "λW(l)], its direction ∇W(l) + λW(l) against ∇J (λ = %s)", LAMBDA),
        "J has no (λ/2)·‖W‖² term, so λW is not part of its gradient: the update descends "
            + "J + (λ/2)·Σ_l ‖W(l)‖², a cost the seed never writes",
        "add (λ/2)·(‖W(1)‖² + ‖W(2)‖²) to J (the second table above), or drop λW", rows);
  }

  private static PinnedSlip reluAtZero(TestNetBatchNetwork kink) {
    Map<String, Tensor> auto = kink.autograd();
    Tensor seed = kink.manual().summary(kink.input(), kink.target()).get("∂J/∂b(1)");
    Tensor predicted = auto.get("∂J/∂b(1)").copy();
    predicted.buffer()[0] += auto.get("∂J/∂a(1)").get(0, 0);
    return new PinnedSlip("002:612", "∂J/∂z(1) = ∂J/∂a(1) * 1(z(1) ≥ 0), on the same network with "
        + "sample 1's input and b(1)_1 set to 0, so that z(1)_{1,1} = 0 exactly",
        "a convention, not an error: ReLU has no derivative at 0; 1(z ≥ 0) takes the right "
            + "derivative, chainrule and PyTorch the left one, 1(z > 0). It matters only where "
            + "some z is exactly 0, and finite differences must avoid such points",
        "state the convention; ∂J/∂z(1) = ∂J/∂a(1) * 1(z(1) > 0) matches chainrule",
        List.of(SlipRows.relation("∂J/∂b(1)", auto.get("∂J/∂b(1)"), seed, predicted,
            String.format(Locale.ROOT, "seed's − autograd = (1/m)·∂J_sum/∂a(1)_{1,1} = %.9g at "
                + "unit 1 only", auto.get("∂J/∂a(1)").get(0, 0)))));
  }
}
