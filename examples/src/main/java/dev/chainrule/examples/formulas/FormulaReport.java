package dev.chainrule.examples.formulas;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.graph.ops.Softmax;
import dev.chainrule.core.print.Equations;
import dev.chainrule.core.print.FormulaPrinter;
import dev.chainrule.core.rewrite.GradientForm;
import dev.chainrule.core.rewrite.Rewriter;
import dev.chainrule.core.rewrite.RewrittenGradients;
import dev.chainrule.core.rewrite.Rules;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.examples.seeds.SeedNetwork;
import java.util.ArrayList;
import java.util.List;

/**
 * A seed network's forward and backward passes as equations: the forward pass as written, the
 * backward pass derived by reverse mode, re-derived after the fusions and simplified, in the seeds'
 * per-sample convention or as true adjoints of the loss, with notes saying which.
 *
 * @param forward the forward equations
 * @param backward the backward equations, in evaluation order
 * @param notes what the equations mean, and which rewrites fired
 */
record FormulaReport(List<String> forward, List<String> backward, List<String> notes) {
  /** Builds the report; {@code latex} selects LaTeX over Unicode text. */
  static FormulaReport of(SeedNetwork net, boolean latex, GradientForm form, boolean fused) {
    Rewriter rewriter = fused ? Rewriter.standard() : Rewriter.with(Rules.algebraic());
    List<String> notes = new ArrayList<>();
    for (Node[] targets : distributions(net)) {
      int axis = ((Softmax) targets[1].op()).axis();
      rewriter = rewriter.assumingDistribution(targets[0], axis);
      notes.add(targets[0].name() + " is taken to be one-hot along axis " + axis + " (every "
          + "slice of its fed value sums to 1), so the softmax cross-entropy gives P − Y");
    }
    RewrittenGradients r = rewriter.gradients(net.loss(), net.parameters(), form);
    FormulaPrinter p = latex ? FormulaPrinter.latex() : FormulaPrinter.unicode();
    int m = r.batchSize();
    if (m > 1) {
      p = p.withSymbol("m", m);
    }
    for (Node c : namedScalarConstants(net)) {
      double v = c.storedValue().item();
      if (v != 0 && Math.abs(v) != 1 && v != m) {
        p = p.withSymbol(c.name(), v);
      }
    }
    List<String> forward = p.equations(Equations.forward(net.loss()));
    List<String> backward = p.equations(Equations.backward(r.gradients()));
    notes.addAll(0, meaning(r, m));
    notes.add("rewrites: " + String.join(", ", r.fired().entrySet().stream()
        .map(e -> e.getKey() + " ×" + e.getValue()).toList()));
    return new FormulaReport(forward, backward, notes);
  }

  private static List<String> meaning(RewrittenGradients r, int m) {
    if (m <= 1) {
      return List.of("each dX is the gradient of the loss with respect to X");
    }
    if (r.form() == GradientForm.PER_SAMPLE) {
      return List.of("m = " + m + ", the batch size: the loss is the mean of m per-sample losses",
          "as in the seeds, dZ and dA hold the per-sample errors ∂L⁽ⁱ⁾/∂Z, one per sample, "
              + "i.e. m times the gradient of the mean (dZ = m·∂J/∂Z)",
          "the 1/m of the mean therefore enters once, in dW and db, which are the true "
              + "gradients ∂J/∂W and ∂J/∂b",
          "--adjoints prints every dX as ∂J/∂X instead, with the 1/m inside dZ");
    }
    return List.of("m = " + m + ", the batch size: the loss is the mean of m per-sample losses",
        "every dX is ∂J/∂X: the 1/m of the mean sits in the output layer's dZ and reaches every "
            + "other gradient through it",
        "without --adjoints the seeds' convention is printed: per-sample errors, 1/m in dW, db");
  }

  /**
   * Returns the scalar constants the user named (λ = 0.1), so that their values, folded into the
   * backward pass, are written with their names again.
   */
  private static List<Node> namedScalarConstants(SeedNetwork net) {
    List<Node> out = new ArrayList<>();
    for (int id = 0; id <= net.loss().id(); id++) {
      Node n = net.graph().node(id);
      if (n.kind() == NodeKind.CONSTANT && !n.isLiteral() && !n.isGradient()
          && n.shape().size() == 1) {
        out.add(n);
      }
    }
    return out;
  }

  /** Returns {target input, softmax} pairs whose fed targets are one-hot along the softmax axis. */
  private static List<Node[]> distributions(SeedNetwork net) {
    List<Node> softmaxes = new ArrayList<>();
    List<Node> inputs = new ArrayList<>();
    for (int id = 0; id <= net.loss().id(); id++) {
      Node n = net.graph().node(id);
      if (n.op() instanceof Softmax) {
        softmaxes.add(n);
      } else if (n.kind() == NodeKind.INPUT) {
        inputs.add(n);
      }
    }
    List<Node[]> out = new ArrayList<>();
    for (Node s : softmaxes) {
      for (Node in : inputs) {
        Tensor v = net.feeds().get(in) != null ? net.feeds().get(in) : in.heldValue();
        if (v != null && in.shape().equals(s.shape())
            && slicesSumToOne(v, ((Softmax) s.op()).axis())) {
          out.add(new Node[] {in, s});
        }
      }
    }
    return out;
  }

  private static boolean slicesSumToOne(Tensor v, int axis) {
    Tensor sums = v.sum(axis);
    for (double s : sums.buffer()) {
      if (Math.abs(s - 1) > 1e-12) {
        return false;
      }
    }
    return true;
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
