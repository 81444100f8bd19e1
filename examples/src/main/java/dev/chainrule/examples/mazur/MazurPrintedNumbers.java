package dev.chainrule.examples.mazur;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every number seed 001 prints, paired with chainrule's value and, where they differ, why. */
public final class MazurPrintedNumbers {
  private MazurPrintedNumbers() {}

  /** Returns the seed's printed numbers next to the values of {@code run}, in the seed's order. */
  public static List<PrintedNumber> of(MazurRun run) {
    Map<String, Double> w = run.walkthrough();
    double[] g = run.gradients();
    double[] step1 = run.weightsAfterStep1();
    MazurRun.Variant v = run.variant();
    String order = String.format(Locale.ROOT, "the seed's later figures follow a different update "
        + "order: updating w5…w8 first and then computing the hidden-layer gradients from the old "
        + "deltas δ_o and the new weights, chainrule gets %.9f after 1 step, %.9g after 10000 and "
        + "[%.9f, %.9f], every "
        + "printed digit; yet the seed's own w1⁺…w4⁺ follow the standard simultaneous update",
        v.errorAfterStep1(), v.errorAfterSteps(), v.outputsAfterSteps()[0],
        v.outputsAfterSteps()[1]);
    List<PrintedNumber> n = new ArrayList<>();
    n.add(ok("net_h1", "0.3775", w.get("net_h1")));
    n.add(ok("out_h1", "0.593269992", run.hiddenOutputs()[0]));
    n.add(ok("out_h2", "0.596884378", run.hiddenOutputs()[1]));
    n.add(ok("net_o1", "1.105905967", w.get("net_o1")));
    n.add(ok("out_o1", "0.75136507", run.outputs()[0]));
    n.add(ok("out_o2", "0.772928465", run.outputs()[1]));
    n.add(new PrintedNumber("out_o1 in the summary line", "0.75136079", run.outputs()[0],
        "a typo in the seed: the summary '[0.75136079, 0.772928465]' garbles the 0.75136507 "
            + "it computed two lines before"));
    n.add(ok("E_o1", "0.274811083", w.get("E_o1")));
    n.add(ok("E_o2", "0.023560026", w.get("E_o2")));
    n.add(ok("E_total", "0.298371109", run.initialError()));
    n.add(ok("∂E_total/∂out_o1", "0.74136507", w.get("∂E_total/∂out_o1")));
    n.add(ok("∂out_o1/∂net_o1", "0.186815602", w.get("∂out_o1/∂net_o1")));
    n.add(ok("∂net_o1/∂w5", "0.593269992", w.get("∂net_o1/∂w5")));
    n.add(ok("∂E_total/∂w5", "0.082167041", g[4]));
    n.add(ok("w5⁺", "0.35891648", step1[4]));
    n.add(ok("w6⁺", "0.408666186", step1[5]));
    n.add(ok("w7⁺", "0.511301270", step1[6]));
    n.add(ok("w8⁺", "0.561370121", step1[7]));
    n.add(ok("∂E_o1/∂net_o1", "0.138498562", w.get("∂E_o1/∂net_o1")));
    n.add(ok("∂net_o1/∂out_h1", "0.40", w.get("∂net_o1/∂out_h1")));
    n.add(ok("∂E_o1/∂out_h1", "0.055399425", w.get("∂E_o1/∂out_h1")));
    BigDecimal roundedDelta = BigDecimal.valueOf(w.get("∂E_o2/∂net_o2")).setScale(9,
        RoundingMode.HALF_UP);
    n.add(new PrintedNumber("∂E_o2/∂out_h1", "-0.019049119", w.get("∂E_o2/∂out_h1"),
        "not a slip: its rounded ∂E_o2/∂net_o2 = " + roundedDelta.toPlainString() + " times "
        + "w7 = 0.5 is " + roundedDelta.multiply(BigDecimal.valueOf(0.5)).toPlainString()
        + ", which rounds to the print; unrounded, δ_o2·w7 = −0.0190491182583",
        roundedDelta.multiply(BigDecimal.valueOf(w.get("∂net_o2/∂out_h1")))));
    n.add(ok("∂E_total/∂out_h1", "0.036350306", w.get("∂E_total/∂out_h1")));
    n.add(ok("∂out_h1/∂net_h1", "0.241300709", w.get("∂out_h1/∂net_h1")));
    n.add(ok("∂net_h1/∂w1", "0.05", w.get("∂net_h1/∂w1")));
    n.add(ok("∂E_total/∂w1", "0.000438568", g[0]));
    n.add(ok("w1⁺", "0.149780716", step1[0]));
    n.add(ok("w2⁺", "0.19956143", step1[1]));
    n.add(ok("w3⁺", "0.24975114", step1[2]));
    n.add(ok("w4⁺", "0.29950229", step1[3]));
    n.add(new PrintedNumber("E_total after step 1", "0.291027924", run.errorAfterStep1(), order));
    n.add(new PrintedNumber("E_total after 10000 steps", "0.000035085", run.errorAfterSteps(),
        order));
    n.add(new PrintedNumber("out_o1 after 10000 steps", "0.015912196",
        run.outputsAfterSteps()[0], order));
    n.add(new PrintedNumber("out_o2 after 10000 steps", "0.984065734",
        run.outputsAfterSteps()[1], order));
    return n;
  }

  private static PrintedNumber ok(String quantity, String printed, double computed) {
    return new PrintedNumber(quantity, printed, computed, null);
  }
}
