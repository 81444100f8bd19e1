package dev.chainrule.examples.compare;

import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.examples.seeds.FourEquationsNetwork;
import dev.chainrule.nn.manual.Activation;
import dev.chainrule.nn.manual.FourEquations;
import dev.chainrule.nn.manual.GradientComparison;
import dev.chainrule.nn.manual.Loss;
import dev.chainrule.nn.manual.ManualGradients;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Seed 000 ({@code bp4}): autograd against the four equations on the seed's 2-3-2-1 network, one
 * sample and a batch, with every slip of the seed's matrix forms and batch table pinned.
 */
public final class FourEquationsComparison {
  /** The batch size of the comparison's batch section. */
  public static final int BATCH = FourEquationsNetwork.BP4_SAMPLES;

  private FourEquationsComparison() {}

  /** Compares autograd with the four equations on networks drawn from {@code seed}. */
  public static SeedComparison bp4(long seed) {
    FourEquationsNetwork one = FourEquationsNetwork.bp4(seed, 1);
    FourEquationsNetwork batch = FourEquationsNetwork.bp4(seed, BATCH);
    FourEquationsNetwork soft = FourEquationsNetwork.random(seed, new int[] {2, 3, 2, 2},
        List.of(Activation.SIGMOID, Activation.SIGMOID, Activation.SOFTMAX), Loss.CROSS_ENTROPY,
        1);
    Map<String, Tensor> auto = one.autograd();
    Map<String, Tensor> autoBatch = batch.autograd();
    Map<String, Tensor> autoSoft = soft.autograd();
    List<ComparisonSection> sections = List.of(
        ComparisonSection.of("one sample: the summary table as written (equations 1–3), "
            + "L = −y·log(a) − (1 − y)·log(1 − a)", auto,
            one.manual().singleSample(one.input(), one.target()).gradients()),
        ComparisonSection.of("m = " + BATCH + ": the batch table corrected (dZ = per-sample δ's, "
            + "db = meanOfEachRow(dZ)), C = (1/m)·Σ_i L", autoBatch,
            batch.manual().batchCorrected(batch.input(), batch.target()).gradients()),
        ComparisonSection.of("the 2-3-2-2 softmax-output variant, one sample, "
            + "L = −Σ_j y_j·log(a_j): equation 1 by the full chain rule", autoSoft,
            soft.manual().singleSampleCorrected(soft.input(), soft.target()).gradients()));
    List<PinnedSlip> slips = new ArrayList<>();
    slips.add(equationTwoMatrixForm(one, auto));
    slips.add(equationThreeMatrixForm(one, auto));
    slips.add(diagramIndex(one, auto));
    slips.add(batchBias(batch, autoBatch));
    slips.add(batchLiteral(batch, autoBatch));
    slips.add(softmaxOutput(soft, autoSoft));
    return new SeedComparison("bp4", "Seed 000 — the four equations on the 2-3-2-1 network (bp4)",
        List.of("column layout: a[0] (2, 1) → z[l] = w[l]·a[l−1] + b[l], a[l] = σ(z[l]) for "
            + "l = 1, 2, 3 (σ the sigmoid, layers of 3, 2 and 1 neurons)",
            "one sample: L = −y·log(a[3]) − (1 − y)·log(1 − a[3]); batch: A[0] (2, " + BATCH
            + "), C = (1/m)·Σ_i L⁽ⁱ⁾"), seed, sections, slips);
  }

  private static PinnedSlip equationTwoMatrixForm(FourEquationsNetwork net,
      Map<String, Tensor> auto) {
    FourEquations eq = net.manual();
    FourEquations.Forward f = eq.forward(net.input());
    ManualGradients right = eq.singleSample(net.input(), net.target());
    Tensor wrongDelta = eq.hiddenErrorMatrixFormAsWritten(1, f, right.get("δ[2]"));
    Tensor offset = net.weight(1).sub(net.weight(2).transpose()).matmul(auto.get("∂L/∂z[2]"))
        .mul(Activation.SIGMOID.derivative(f.z(1)));
    Tensor a0t = net.input().transpose();
    return new PinnedSlip("000:209", "equation 2 in matrix form: δ[l] = [[w_11[l] … w_1k[l]] … "
        + "[w_j1[l] … w_jk[l]]]·δ[l+1] ⊙ σ′(z[l]) (the layer-l matrix, untransposed)",
        "the printed matrix holds the layer-l weights; equation 2 needs the transpose of the "
            + "layer-(l+1) matrix, whose entry (j, k) is w_kj[l+1], as the text's own "
            + "\"(k,j) 转置变成 (j,k)\" and the formula after it say. At l = 1 it conforms only "
            + "because n0 = n2 = 2",
        "δ[l] = [w[l+1]ᵀ·δ[l+1]] ⊙ σ′(z[l])",
        List.of(SlipRows.cannotEvaluate("δ[2]",
                () -> eq.hiddenErrorMatrixFormAsWritten(2, f, right.get("δ[3]"))),
            SlipRows.relation("∂L/∂w[1]", auto.get("∂L/∂w[1]"), wrongDelta.matmul(a0t),
                auto.get("∂L/∂w[1]").add(offset.matmul(a0t)),
                "seed's − autograd = ((w[1] − w[2]ᵀ)·δ[2] ⊙ σ′(z[1]))·a[0]ᵀ"),
            SlipRows.relation("∂L/∂b[1]", auto.get("∂L/∂b[1]"), wrongDelta,
                auto.get("∂L/∂b[1]").add(offset), "seed's − autograd = (w[1] − w[2]ᵀ)·δ[2] ⊙ "
                + "σ′(z[1])")));
  }

  private static PinnedSlip equationThreeMatrixForm(FourEquationsNetwork net,
      Map<String, Tensor> auto) {
    FourEquations eq = net.manual();
    FourEquations.Forward f = eq.forward(net.input());
    List<PinnedSlip.Row> rows = new ArrayList<>();
    for (int l = 1; l <= eq.depth(); l++) {
      Tensor seedVersion = eq.weightGradientMatrixFormAsWritten(l, f, auto.get("∂L/∂z[" + l + "]"));
      rows.add(SlipRows.shapeMismatch("∂L/∂w[" + l + "]", auto.get("∂L/∂w[" + l + "]"),
          seedVersion, "δ[" + l + "]·a[" + l + "]ᵀ is (n_l, n_l) = " + seedVersion.shape()
              + ", w[" + l + "] is " + net.weight(l).shape()));
    }
    return new PinnedSlip("000:241", "equation 3 in matrix form: ∂L/∂w[l] = δ[l]·[a_1[l] … a_k[l]]",
        "it multiplies by a[l]ᵀ instead of a[l−1]ᵀ; (j, 1)·(1, k) has w[l]'s shape only with "
            + "k = n_{l−1}. The note and the summary after it are right",
        "∂L/∂w[l] = δ[l]·a[l−1]ᵀ", rows);
  }

  private static PinnedSlip diagramIndex(FourEquationsNetwork net, Map<String, Tensor> auto) {
    Tensor w3 = net.weight(3);
    boolean missing;
    try {
      w3.get(1, 0);
      missing = false;
    } catch (IndexOutOfBoundsException e) {
      missing = true;
    }
    FourEquations.Forward f = net.manual().forward(net.input());
    double s = Activation.SIGMOID.derivative(f.z(2)).get(1, 0);
    double corrected = w3.get(0, 1) * auto.get("∂L/∂z[3]").item() * s;
    double truth = auto.get("∂L/∂z[2]").get(1, 0);
    boolean ok = missing && Math.abs(corrected - truth) <= GradientComparison.TOLERANCE
        * Math.abs(truth);
    PinnedSlip.Row row = new PinnedSlip.Row("δ_2[2]", "w[3] " + w3.shape(), Double.NaN,
        Double.NaN, PinnedSlip.Outcome.CANNOT_BE_EVALUATED, String.format(Locale.ROOT,
            "w[3] is %s and has no entry w_21; w_12[3]·δ_1[3]·σ′(z_2[2]) = %.12g = autograd's "
                + "∂L/∂z_2[2] = %.12g", w3.shape(), corrected, truth), ok);
    return new PinnedSlip("000:298", "diagram (反向传播图解): δ_2[2] = w_21[3]·δ_1[3]·σ′(z_2[2])",
        "w_jk[l] links neuron k of layer l−1 to neuron j of layer l, so the weight from neuron 2 "
            + "of layer 2 to the single output is w_12[3]",
        "δ_2[2] = w_12[3]·δ_1[3]·σ′(z_2[2])", List.of(row));
  }

  private static PinnedSlip batchBias(FourEquationsNetwork net, Map<String, Tensor> auto) {
    ManualGradients seed = net.manual().batchPerSampleErrors(net.input(), net.target());
    List<PinnedSlip.Row> rows = new ArrayList<>();
    for (int l = 1; l <= 3; l++) {
      rows.add(SlipRows.factor("db[" + l + "]", auto.get("db[" + l + "]"),
          seed.get("db[" + l + "]"), BATCH, "m = " + BATCH));
    }
    return new PinnedSlip("000:353", "batch table: db[l] = (1/m)·meanOfEachRow(dZ[l]) (\"对每行求平均值"
        + " … 再乘以 1/m\"), dZ[l] the per-sample δ's", "meanOfEachRow already divides by m; the "
        + "extra 1/m divides twice", "db[l] = meanOfEachRow(dZ[l]) = (1/m)·Σ_i dZ[l](i)", rows);
  }

  private static PinnedSlip batchLiteral(FourEquationsNetwork net, Map<String, Tensor> auto) {
    ManualGradients seed = net.manual().batchAsWritten(net.input(), net.target());
    List<PinnedSlip.Row> rows = new ArrayList<>();
    for (int l = 1; l <= 3; l++) {
      rows.add(SlipRows.factor("dw[" + l + "]", auto.get("dw[" + l + "]"),
          seed.get("dw[" + l + "]"), BATCH, "m = " + BATCH));
    }
    for (int l = 1; l <= 3; l++) {
      rows.add(SlipRows.factor("db[" + l + "]", auto.get("db[" + l + "]"),
          seed.get("db[" + l + "]"), BATCH * BATCH,
          "m² = " + BATCH * BATCH + ", the extra 1/m of 000:353 too"));
    }
    return new PinnedSlip("000:351", "batch table read literally: dZ[L] = ∇_A C ⊙ σ′(Z[L]) with "
        + "dw[l] = (1/m)·dZ[l]·A[l−1]ᵀ", "C is the mean cost, so ∇_A C already carries 1/m and "
        + "dw divides by m twice; the table is right only if dZ holds the per-sample "
        + "δ⁽ⁱ⁾ = ∂L⁽ⁱ⁾/∂z, as the text defines it just above",
        "dZ[L] = ∇_A L ⊙ σ′(Z[L]) stacked per sample and dw[l] = (1/m)·dZ[l]·A[l−1]ᵀ (or "
            + "dZ = ∇_A C ⊙ σ′(Z) and dw = dZ·Aᵀ)", rows);
  }

  private static PinnedSlip softmaxOutput(FourEquationsNetwork net, Map<String, Tensor> auto) {
    FourEquations eq = net.manual();
    FourEquations.Forward f = eq.forward(net.input());
    Tensor written = eq.outputError(f, net.target());
    Tensor predicted = auto.get("∂L/∂z[3]").mul(net.target());
    Tensor dw = eq.singleSample(net.input(), net.target()).get("∂L/∂w[3]");
    return new PinnedSlip("000:195", "equation 1's derivation: \"当 k ≠ j 时，∂L/∂z_j[L] = 0\", so "
        + "δ[L] = ∇_a L ⊙ σ′(z[L]) — on the 2-3-2-2 variant with a softmax output",
        "it is ∂a_k/∂z_j that vanishes for k ≠ j, and only for an elementwise σ; the softmax the "
            + "seed recommends for the output layer couples every output, so the k ≠ j terms stay",
        "δ_j[L] = Σ_k ∂L/∂a_k[L]·∂a_k[L]/∂z_j[L] (softmax with cross-entropy: a[L] − y)",
        List.of(SlipRows.relation("δ[3]", auto.get("∂L/∂z[3]"), written, predicted,
                "= autograd's δ[3] ∘ y: only the target neuron's entry survives"),
            SlipRows.relation("∂L/∂w[3]", auto.get("∂L/∂w[3]"), dw,
                predicted.matmul(f.a(2).transpose()), "= (autograd's δ[3] ∘ y)·a[2]ᵀ")));
  }
}
