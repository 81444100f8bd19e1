package dev.chainrule.examples.compare;

import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.examples.seeds.TestNetSingleNetwork;
import dev.chainrule.nn.manual.ManualGradients;
import dev.chainrule.nn.manual.TestNetSingleManual;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Seed 003 ({@code testnet-single}): autograd against the seed's formulas for TestNet 2-3-2 in the
 * column layout, one sample and the seed's batch section, with the scalar collapse of its
 * "dimension-compatible" formulas, its non-conforming chain-rule products, its index shift and
 * its batch and update slips pinned.
 */
public final class TestNetSingleComparison {
  /** The batch size of the comparison's batch section. */
  public static final int BATCH = 5;

  private TestNetSingleComparison() {}

  /** Compares autograd with the seed's formulas on networks drawn from {@code seed}. */
  public static SeedComparison compute(long seed) {
    double lambda = TestNetSingleNetwork.DEFAULT_LAMBDA;
    TestNetSingleNetwork one = TestNetSingleNetwork.seeded(seed, 1, lambda);
    TestNetSingleNetwork batch = TestNetSingleNetwork.seeded(seed, BATCH, lambda);
    Map<String, Tensor> auto = one.autograd();
    Map<String, Tensor> autoBatch = batch.autograd();
    TestNetSingleManual bm = batch.manual();
    ManualGradients sums = bm.batchSums(batch.input(), batch.target());
    Map<String, Tensor> update = new LinkedHashMap<>();
    for (int l = 1; l <= 2; l++) {
      update.put("∂J/∂W(" + l + ")", bm.updateDirectionAsWritten(sums.get("∇W(" + l + ")"),
          batch.parameter(l, false), BATCH));
    }
    List<ComparisonSection> sections = List.of(
        ComparisonSection.of("one sample, corrected (δ(1) = ((W(2))ᵀ·δ(2)) ∘ g ∘ (1 − g), "
            + "elementwise), J = −Σ_j 1(y=j)·ln p(y=j) + ½λ(‖W(1)‖² + ‖W(2)‖²)", auto,
            one.manual().singleSampleCorrected(one.input(), one.target()).gradients()),
        ComparisonSection.of("m = " + BATCH + ", the batch section corrected ((1/m)·Σ_i δ_i·"
            + "(a_i)ᵀ + λW), J = −(1/m)·Σ_i Σ_j 1(y_i=j)·ln p(y_i=j) + ½λ(…)", autoBatch,
            bm.batchCorrected(batch.input(), batch.target()).gradients()),
        ComparisonSection.of("m = " + BATCH + ", the update's direction (1/m)·∇W(l) + λW(l) with "
            + "∇W(l) = Σ_i δ_i(l)·(a_i(l−1))ᵀ (step 3, summed over the batch)", autoBatch,
            update));
    List<PinnedSlip> slips = new ArrayList<>(collapse(one, auto));
    slips.add(chainRuleSection(one));
    slips.add(indexShift(one, auto));
    slips.add(forwardWithBiasUnit(one));
    slips.add(batchWithoutIndex(batch, autoBatch));
    slips.add(updateTwice(batch, autoBatch));
    return new SeedComparison("testnet-single", "Seed 003 — TestNet 2-3-2, one sample in the "
        + "column layout (testnet-single)", List.of("column layout: a(0) (2, 1) → z(1) = "
            + "W(1)·a(0) + b(1) → a(1) = g(z(1)), g the sigmoid → a(2) = z(2) = W(2)·a(1) + b(2) "
            + "→ p = softmax(a(2))", String.format(Locale.ROOT, "J = −Σ_j 1(y=j)·ln p(y=j) + "
            + "½λ(‖W(1)‖² + ‖W(2)‖²), λ = %s (the batch cost with m = 1); batch: a(0) (2, %d)",
            lambda, BATCH)), seed, sections, slips);
  }

  private static List<PinnedSlip> collapse(TestNetSingleNetwork net, Map<String, Tensor> auto) {
    ManualGradients seed = net.manual().singleSample(net.input(), net.target());
    Tensor g = net.parameter(1, false).matmul(net.input()).add(net.parameter(1, true))
        .map(v -> 1 / (1 + Math.exp(-v)));
    double s = 0;
    for (double v : g.buffer()) {
      s += v * (1 - v);
    }
    Tensor da1 = auto.get("∂J/∂a(1)");
    String cause = "(g(z(1)))ᵀ·(1 − g(z(1))) conforms, so the dimension rule does not catch it, "
        + "but it is the scalar s = Σ_k g_k(1 − g_k): the seed calls ∂a/∂z \"一个点积操作，得到的是"
        + "标量值\", while it is the diagonal Jacobian diag(g ∘ (1 − g)), an elementwise product";
    String sText = String.format(Locale.ROOT, "s = g(z(1))ᵀ(1 − g(z(1))) = %.6f", s);
    return List.of(
        new PinnedSlip("003:547", "∂J/∂W(1) = (W(2))ᵀ·[p − 1(y)]·(g(z(1)))ᵀ·(1 − g(z(1)))·(a(0))ᵀ "
            + "(+ λW(1) from the batch section)", cause,
            "∂J/∂W(1) = (((W(2))ᵀ·[p − 1(y)]) ∘ g(z(1)) ∘ (1 − g(z(1))))·(a(0))ᵀ + λW(1)",
            List.of(SlipRows.relation("∂J/∂W(1)", auto.get("∂J/∂W(1)"), seed.get("∂J/∂W(1)"),
                da1.mul(s).matmul(net.input().transpose()).add(net.parameter(1, false)
                    .mul(net.lambda())), "= s·∂J/∂a(1)·(a(0))ᵀ + λW(1), " + sText))),
        new PinnedSlip("003:565", "∂J/∂b(1) = (W(2))ᵀ·[p − 1(y)]·(g(z(1)))ᵀ·(1 − g(z(1)))", cause,
            "∂J/∂b(1) = ((W(2))ᵀ·[p − 1(y)]) ∘ g(z(1)) ∘ (1 − g(z(1)))",
            List.of(SlipRows.relation("∂J/∂b(1)", auto.get("∂J/∂b(1)"), seed.get("∂J/∂b(1)"),
                da1.mul(s), "= s·∂J/∂a(1), " + sText))));
  }

  private static PinnedSlip chainRuleSection(TestNetSingleNetwork net) {
    TestNetSingleManual t = net.manual();
    Tensor a0 = net.input();
    Tensor y = net.target();
    return new PinnedSlip("003:434", "the chain-rule section's products: "
        + "∂J/∂W(2) = [p − 1(y)]·a(1), "
        + "∂J/∂a(1) = [p − 1(y)]·W(2), ∂J/∂W(1) = [p − 1(y)]·W(2)·g(z(1))(1 − g(z(1)))·a(0), "
        + "∂J/∂b(1) = [p − 1(y)]·W(2)·g(z(1))(1 − g(z(1)))",
        "read as matrix products none conforms; the factors need transposing and reordering, "
            + "and g(1 − g) must multiply elementwise",
        "∂J/∂W(2) = δ·(a(1))ᵀ, ∂J/∂a(1) = (W(2))ᵀ·δ, ∂J/∂W(1) = (((W(2))ᵀ·δ) ∘ g ∘ (1 − g))·"
            + "(a(0))ᵀ, ∂J/∂b(1) = ((W(2))ᵀ·δ) ∘ g ∘ (1 − g), δ = p − 1(y)",
        List.of(SlipRows.cannotEvaluate("∂J/∂W(2)", () -> t.chainRuleWeight2AsWritten(a0, y)),
            SlipRows.cannotEvaluate("∂J/∂a(1)", () -> t.chainRuleHiddenAsWritten(a0, y)),
            SlipRows.cannotEvaluate("∂J/∂W(1)", () -> t.chainRuleWeight1AsWritten(a0, y)),
            SlipRows.cannotEvaluate("∂J/∂b(1)", () -> t.chainRuleBias1AsWritten(a0, y))));
  }

  private static PinnedSlip indexShift(TestNetSingleNetwork net, Map<String, Tensor> auto) {
    ManualGradients seed = net.manual().summaryAsWritten(net.input(), net.target());
    Tensor dw2 = auto.get("∂J/∂W(2)").sub(net.parameter(2, false).mul(net.lambda()));
    Tensor wrongW = seed.get("∂J/∂W(1)");
    Tensor wrongB = seed.get("∂J/∂b(1)");
    boolean isW2 = SlipRows.agrees("", dw2, wrongW, "").explained();
    boolean isB2 = SlipRows.agrees("", auto.get("∂J/∂b(2)"), wrongB, "").explained();
    return new PinnedSlip("003:643",
        "summary, step 3 at l = 1: ∇_W(l) J = δ(l+1)·(a(l))ᵀ, ∇_b(l) J "
        + "= δ(l+1)", "an index shift: with W(l) mapping layer l−1 to l, δ(l+1)·(a(l))ᵀ is the "
        + "gradient of W(l+1); at l = 2 it would need δ(3), which does not exist",
        "∇_W(l) J = δ(l)·(a(l−1))ᵀ, ∇_b(l) J = δ(l)",
        List.of(SlipRows.shapeMismatch("∂J/∂W(1)", auto.get("∂J/∂W(1)"), wrongW,
                "δ(2)·(a(1))ᵀ is " + (isW2 ? "" : "NOT ") + "W(2)'s gradient (without λW(2))"),
            SlipRows.shapeMismatch("∂J/∂b(1)", auto.get("∂J/∂b(1)"), wrongB,
                "δ(2) is " + (isB2 ? "" : "NOT ") + "b(2)'s gradient")));
  }

  private static PinnedSlip forwardWithBiasUnit(TestNetSingleNetwork net) {
    return new PinnedSlip("003:156", "forward: z(1) = W(1)·[a(0)_0; a(0)_1; a(0)_2] + b(1)",
        "three input entries against a 3 × 2 matrix: a(0)_0 = 1 is the bias unit of a "
            + "convention the seed commented out (b(1) is added separately)",
        "z(1) = W(1)·[a(0)_1; a(0)_2] + b(1)",
        List.of(SlipRows.cannotEvaluate("z(1)",
            () -> net.manual().hiddenInputAsWritten(net.input()))));
  }

  private static PinnedSlip batchWithoutIndex(TestNetSingleNetwork batch,
      Map<String, Tensor> auto) {
    TestNetSingleNetwork first = batch.firstSample();
    Map<String, Tensor> autoFirst = first.autograd();
    ManualGradients seed = batch.manual().batchAsWritten(batch.input(), batch.target());
    ManualGradients firstCollapsed = first.manual().singleSample(first.input(), first.target());
    return new PinnedSlip("003:580", "batch: ∂J/∂W(2) = (1/m)·Σ_{i=1}^{m} [p(y=1) − 1(y=1); "
        + "p(y=2) − 1(y=2)]·(a(1))ᵀ + λW(2), and the same for W(1)",
        "the summand has no i, so read literally every term is the same sample's (here sample "
            + "1's); W(1) also inherits the scalar collapse of 003:547",
        "∂J/∂W(2) = (1/m)·Σ_i [p(y_i=·) − 1(y_i=·)]·(a_i(1))ᵀ + λW(2)",
        List.of(SlipRows.relation("∂J/∂W(2)", auto.get("∂J/∂W(2)"), seed.get("∂J/∂W(2)"),
                autoFirst.get("∂J/∂W(2)"), "= autograd's gradient of J on sample 1 alone"),
            SlipRows.relation("∂J/∂W(1)", auto.get("∂J/∂W(1)"), seed.get("∂J/∂W(1)"),
                firstCollapsed.get("∂J/∂W(1)"), "= the collapsed one-sample formula (003:547) on "
                + "sample 1")));
  }

  private static PinnedSlip updateTwice(TestNetSingleNetwork batch, Map<String, Tensor> auto) {
    TestNetSingleManual bm = batch.manual();
    ManualGradients averaged = bm.batchCorrected(batch.input(), batch.target());
    List<PinnedSlip.Row> rows = new ArrayList<>();
    for (int l = 1; l <= 2; l++) {
      String name = "∂J/∂W(" + l + ")";
      Tensor w = batch.parameter(l, false);
      rows.add(SlipRows.relation(name, auto.get(name),
          bm.updateDirectionAsWritten(averaged.get(name), w, BATCH),
          auto.get(name).mul(1.0 / BATCH).add(w.mul(batch.lambda())),
          "= autograd/m + λW(" + l + "): 1/m and λ applied twice"));
    }
    return new PinnedSlip("003:650", "update W(l) = W(l) − α[(1/m)·∇W(l) + λW(l)], its direction "
        + "with ∇W(l) the batch section's (already averaged and regularised) gradient",
        "the update is right only if ∇W is the batch sum Σ_i δ_i·(a_i)ᵀ (third table above); "
            + "step 3 defines ∇W per sample with no Σ, and the batch section's gradient already "
            + "holds 1/m and λW", "W(l) = W(l) − α[(1/m)·Σ_i δ_i(l)·(a_i(l−1))ᵀ + λW(l)]", rows);
  }
}
