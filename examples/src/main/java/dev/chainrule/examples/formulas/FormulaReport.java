package dev.chainrule.examples.formulas;

import dev.chainrule.core.print.Equations;
import dev.chainrule.core.print.FormulaPrinter;
import dev.chainrule.core.rewrite.GradientForm;
import dev.chainrule.core.rewrite.RewrittenGradients;
import dev.chainrule.examples.seeds.SeedNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A seed network's forward and backward passes as equations: the forward pass as written, the
 * backward pass derived by reverse mode, re-derived after the fusions and simplified, in the seeds'
 * per-sample convention or as true adjoints of the loss, with notes saying which. The forward
 * pass writes the graph's named constants by their names and its other numbers as numbers (but
 * the batch size m of a mean as m); the backward pass, whose constants are folded into numbers,
 * writes the batch size and the named scalar constants' values by name again (1/m for 1/8).
 *
 * @param forward the forward equations
 * @param backward the backward equations, in evaluation order
 * @param notes what the equations mean, and which rewrites fired
 */
record FormulaReport(List<String> forward, List<String> backward, List<String> notes) {
  /** Builds the report; {@code latex} selects LaTeX over Unicode text. */
  static FormulaReport of(SeedNetwork net, boolean latex, GradientForm form, boolean fused) {
    SimplifiedPass pass = SimplifiedPass.of(net, form, fused);
    RewrittenGradients r = pass.rewritten();
    FormulaPrinter plain = latex ? FormulaPrinter.latex() : FormulaPrinter.unicode();
    FormulaPrinter p = plain;
    for (Map.Entry<String, Double> s : pass.symbols().entrySet()) {
      p = p.withSymbol(s.getKey(), s.getValue());
    }
    FormulaPrinter written = r.batchSize() > 1 ? plain.withSymbol("m", r.batchSize()) : plain;
    List<String> forward = written.equations(Equations.forward(net.loss()));
    List<String> backward = p.equations(Equations.backward(r.gradients()));
    List<String> notes = new ArrayList<>(meaning(r, r.batchSize(), net.loss().name()));
    notes.addAll(pass.assumptions());
    notes.add("rewrites: " + String.join(", ", r.fired().entrySet().stream()
        .map(e -> e.getKey() + " ×" + e.getValue()).toList()));
    return new FormulaReport(forward, backward, notes);
  }

  private static List<String> meaning(RewrittenGradients r, int m, String j) {
    if (m <= 1) {
      return List.of("each dX is the gradient of the loss with respect to X");
    }
    if (r.form() == GradientForm.PER_SAMPLE) {
      return List.of("m = " + m + ", the batch size: the loss is the mean of m per-sample losses",
          "as in the seeds, dZ and dA hold the per-sample errors ∂L⁽ⁱ⁾/∂Z, one per sample, "
              + "i.e. m times the gradient of the mean (dZ = m·∂" + j + "/∂Z)",
          "the 1/m of the mean therefore enters once, in dW and db, which are the true "
              + "gradients ∂" + j + "/∂W and ∂" + j + "/∂b",
          "--adjoints prints every dX as ∂" + j + "/∂X instead, with the 1/m inside dZ");
    }
    return List.of("m = " + m + ", the batch size: the loss is the mean of m per-sample losses",
        "every dX is ∂" + j + "/∂X: the 1/m of the mean sits in the output layer's dZ and "
            + "reaches every other gradient through it",
        "without --adjoints the seeds' convention is printed: per-sample errors, 1/m in dW, db");
  }

  /** Returns the report as text, or as LaTeX align environments with % comments. */
  String render(String title, boolean latex) {
    StringBuilder sb = new StringBuilder();
    String comment = latex ? "% " : "";
    sb.append(comment).append(title).append("\n\n");
    section(sb, "Forward pass", forward, latex);
    section(sb, "Backward pass", backward, latex);
    sb.append(comment).append("Notes\n");
    notes.forEach(n -> sb.append(comment).append("  ").append(n).append('\n'));
    return sb.toString();
  }

  private static void section(StringBuilder sb, String name, List<String> lines, boolean latex) {
    if (!latex) {
      sb.append(name).append('\n');
      lines.forEach(l -> sb.append("  ").append(l).append('\n'));
      sb.append('\n');
      return;
    }
    sb.append("% ").append(name).append("\n\\begin{align*}\n");
    for (int i = 0; i < lines.size(); i++) {
      sb.append("  ").append(lines.get(i).replaceFirst(" = ", " &= "))
          .append(i + 1 < lines.size() ? " \\\\\n" : "\n");
    }
    sb.append("\\end{align*}\n\n");
  }
}
