package dev.chainrule.examples.formulas;

import dev.chainrule.core.check.ManualFormula;
import dev.chainrule.core.graph.Node;
import java.util.List;

/**
 * One LSTM step's backward pass derived by hand (docs/lstm-step.md), column layout, gates i, f, g,
 * o stacked in that order, J = ½·Σ (h − Y)²: dh = h − Y; dc = dh∘o∘(1 − tanh²c); the gates'
 * derivatives di = dc∘g, df = dc∘c0, dg = dc∘i, do = dh∘tanh c; through their functions
 * da = [di∘i(1 − i); df∘f(1 − f); dg∘(1 − g²); do∘o(1 − o)]; then dW_ih = da·Xᵀ, dW_hh = da·h0ᵀ,
 * db_ih = db_hh = Σ_samples da, dX = W_ihᵀ·da, dh0 = W_hhᵀ·da and dc0 = dc∘f. The gates are
 * recomputed from the inputs and weights, as one does on paper. Needs nodes named X, h0, c0, Y,
 * W_ih, W_hh, b_ih, b_hh, c and h.
 */
final class LstmStepFormulas {
  private LstmStepFormulas() {}

  static List<SeedFormula> of(NetworkNodes n) {
    Node x = n.get("X");
    Node h0 = n.get("h0");
    Node c0 = n.get("c0");
    Node wih = n.get("W_ih");
    Node whh = n.get("W_hh");
    Node c = n.get("c");
    Node h = n.get("h");
    int hidden = h.shape().dim(0);
    List<Node> a = wih.matmul(x).add(n.get("b_ih")).add(whh.matmul(h0)).add(n.get("b_hh"))
        .split(0, hidden, hidden, hidden, hidden);
    Node i = a.get(0).sigmoid().named("i");
    Node f = a.get(1).sigmoid().named("f");
    Node g = a.get(2).tanh().named("g");
    Node o = a.get(3).sigmoid().named("o");
    Node dh = h.sub(n.get("Y")).named("dh");
    Node tanhC = c.tanh();
    Node dc = dh.mul(o).mul(tanhC.square().rsub(1)).named("dc");
    Node da = dc.mul(g).mul(i.mul(i.rsub(1))).concat(0,
        dc.mul(c0).mul(f.mul(f.rsub(1))),
        dc.mul(i).mul(g.square().rsub(1)),
        dh.mul(tanhC).mul(o.mul(o.rsub(1)))).named("da");
    return List.of(
        new SeedFormula("h", ManualFormula.graph("dh = h − Y", () -> dh), ""),
        new SeedFormula("c", ManualFormula.graph("dc = dh ∘ o ∘ (1 − tanh²(c))", () -> dc), ""),
        new SeedFormula("W_ih", ManualFormula.graph("dW_ih = da·Xᵀ, da = [di∘i(1−i); "
            + "df∘f(1−f); dg∘(1−g²); do∘o(1−o)]", () -> da.matmul(false, x, true)), ""),
        new SeedFormula("W_hh", ManualFormula.graph("dW_hh = da·h0ᵀ",
            () -> da.matmul(false, h0, true)), ""),
        new SeedFormula("b_ih", ManualFormula.graph("db_ih = Σ_samples da",
            () -> da.sumKeepDims(1)), ""),
        new SeedFormula("b_hh", ManualFormula.graph("db_hh = Σ_samples da",
            () -> da.sumKeepDims(1)), ""),
        new SeedFormula("X", ManualFormula.graph("dX = W_ihᵀ·da",
            () -> wih.matmul(true, da, false)), ""),
        new SeedFormula("h0", ManualFormula.graph("dh0 = W_hhᵀ·da",
            () -> whh.matmul(true, da, false)), ""),
        new SeedFormula("c0", ManualFormula.graph("dc0 = dc ∘ f", () -> dc.mul(f)), ""));
  }
}
