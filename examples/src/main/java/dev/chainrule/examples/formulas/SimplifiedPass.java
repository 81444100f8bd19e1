package dev.chainrule.examples.formulas;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.graph.ops.Softmax;
import dev.chainrule.core.rewrite.GradientForm;
import dev.chainrule.core.rewrite.Rewriter;
import dev.chainrule.core.rewrite.RewrittenGradients;
import dev.chainrule.core.rewrite.Rules;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.examples.seeds.SeedNetwork;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A seed network's backward pass after the rewrites, the one {@code formulas} prints and {@code
 * graph --view simplified} draws: the network's parameter gradients re-derived from the fused
 * forward graph and simplified, with the fed one-hot targets declared as such (so a softmax
 * cross-entropy gives P − Y), plus the names its numbers are written with (m for the batch size,
 * a named scalar constant such as λ for its value).
 *
 * @param rewritten the simplified pass in its own graph
 * @param symbols the numbers to write as names, e.g. {@code m → 8}, in order
 * @param assumptions one sentence per fact about the data the rewrite relies on
 */
public record SimplifiedPass(RewrittenGradients rewritten, Map<String, Double> symbols,
    List<String> assumptions) {

  /** Keeps read-only copies. */
  public SimplifiedPass {
    symbols = Collections.unmodifiableMap(new LinkedHashMap<>(symbols));
    assumptions = List.copyOf(assumptions);
  }

  /**
   * Rewrites the network's backward pass in {@code form}, with every rule or, when {@code fused}
   * is false, the algebraic rules only (the loss left as written).
   */
  public static SimplifiedPass of(SeedNetwork net, GradientForm form, boolean fused) {
    Rewriter rewriter = fused ? Rewriter.standard() : Rewriter.with(Rules.algebraic());
    List<String> assumptions = new ArrayList<>();
    for (Node[] targets : distributions(net)) {
      int axis = ((Softmax) targets[1].op()).axis();
      rewriter = rewriter.assumingDistribution(targets[0], axis);
      assumptions.add(targets[0].name() + " is taken to be one-hot along axis " + axis
          + " (every slice of its fed value sums to 1), so the softmax cross-entropy gives "
          + "P − Y");
    }
    RewrittenGradients r = rewriter.gradients(net.loss(), net.parameters(), form);
    Map<String, Double> symbols = new LinkedHashMap<>();
    int m = r.batchSize();
    if (m > 1) {
      symbols.put("m", (double) m);
    }
    for (Node c : namedScalarConstants(net)) {
      double v = c.storedValue().item();
      if (v != 0 && Math.abs(v) != 1 && v != m) {
        symbols.put(c.name(), v);
      }
    }
    return new SimplifiedPass(r, symbols, assumptions);
  }

  /** Returns the batch size m when the loss is a mean over m ≥ 2 samples, else 1. */
  public int batchSize() {
    return rewritten.batchSize();
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
}
