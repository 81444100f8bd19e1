package dev.chainrule.examples.formulas;

import dev.chainrule.core.check.ManualFormula;
import dev.chainrule.core.graph.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 001's hand-derived gradients as the seed writes them: δ_o = −(target − out)·out(1 − out),
 * ∂E/∂w5 = δ_o1·out_h1 and its siblings, δ_h1 = (Σ_o δ_o·w_ho)·out_h1(1 − out_h1), ∂E/∂w1 =
 * δ_h1·i1 and its siblings, and one line of the seed's Python code as if it ran. Needs the node
 * names of MazurNetwork.
 */
final class MazurFormulas {
  private MazurFormulas() {}

  static List<SeedFormula> of(NetworkNodes n) {
    Node deltaO1 = delta(n, "target_o1", "out_o1");
    Node deltaO2 = delta(n, "target_o2", "out_o2");
    Node deltaH1 = deltaO1.mul(n.get("w5")).add(deltaO2.mul(n.get("w7"))).mul(slope(n, "out_h1"));
    Node deltaH2 = deltaO1.mul(n.get("w6")).add(deltaO2.mul(n.get("w8"))).mul(slope(n, "out_h2"));
    List<SeedFormula> f = new ArrayList<>();
    f.add(new SeedFormula("out_o1", ManualFormula.graph("∂E_total/∂out_o1 = −(target_o1 − out_o1)",
        () -> n.get("target_o1").sub(n.get("out_o1")).neg()), ""));
    f.add(formula("w5", "∂E_total/∂w5 = δ_o1·out_h1", deltaO1, n.get("out_h1")));
    f.add(formula("w6", "∂E_total/∂w6 = δ_o1·out_h2", deltaO1, n.get("out_h2")));
    f.add(formula("w7", "∂E_total/∂w7 = δ_o2·out_h1", deltaO2, n.get("out_h1")));
    f.add(formula("w8", "∂E_total/∂w8 = δ_o2·out_h2", deltaO2, n.get("out_h2")));
    f.add(new SeedFormula("out_h1", ManualFormula.graph(
        "∂E_total/∂out_h1 = δ_o1·w5 + δ_o2·w7", () -> deltaO1.mul(n.get("w5"))
            .add(deltaO2.mul(n.get("w7")))), ""));
    f.add(formula("w1", "∂E_total/∂w1 = δ_h1·i1 = (Σ_o δ_o·w_ho)·out_h1(1 − out_h1)·i1",
        deltaH1, n.get("i1")));
    f.add(formula("w2", "∂E_total/∂w2 = δ_h1·i2", deltaH1, n.get("i2")));
    f.add(formula("w3", "∂E_total/∂w3 = δ_h2·i1", deltaH2, n.get("i1")));
    f.add(formula("w4", "∂E_total/∂w4 = δ_h2·i2", deltaH2, n.get("i2")));
    f.add(new SeedFormula("w5", ManualFormula.graph(
        "seed code, step 3 as if it ran: pd_error_wrt_weight = δ_o1 · δ_o1",
        () -> deltaO1.mul(deltaO1)), "seed 001:369, in its Python code, multiplies δ by δ's own "
        + "method instead of by ∂net/∂w = out_h1 (and, uncalled, raises a TypeError)"));
    return f;
  }

  /** δ_o = −(target − out)·out·(1 − out), as the seed defines it. */
  private static Node delta(NetworkNodes n, String target, String out) {
    return n.get(target).sub(n.get(out)).neg().mul(slope(n, out));
  }

  private static Node slope(NetworkNodes n, String out) {
    return n.get(out).mul(n.get(out).rsub(1));
  }

  private static SeedFormula formula(String wrt, String name, Node delta, Node input) {
    return new SeedFormula(wrt, ManualFormula.graph(name, () -> delta.mul(input)), "");
  }
}
