package dev.chainrule.core.rewrite;

import static dev.chainrule.core.rewrite.Patterns.arg;
import static dev.chainrule.core.rewrite.Patterns.computedBy;
import static dev.chainrule.core.rewrite.SoftplusForms.negated;
import static dev.chainrule.core.rewrite.SoftplusForms.softplusArgument;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ops.Abs;
import dev.chainrule.core.graph.ops.Compare;
import dev.chainrule.core.graph.ops.Log;
import dev.chainrule.core.graph.ops.Mul;
import dev.chainrule.core.graph.ops.Relu;
import dev.chainrule.core.graph.ops.Sigmoid;
import dev.chainrule.core.graph.ops.Sub;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a sum of terms as a combination of softplus S(z) = log(1 + eᶻ) and z, with weights 1, y
 * or 1 − y, in the forms losses on logits are written: S(±z) itself; its stable split max(z, 0) +
 * log(1 + e^−|z|), with max(z, 0) as relu(z) or z ∘ 1(z ≥ 0) and |z| as abs(z) or z ∘ (2·1(z ≥ 0)
 * − 1); and the log-sigmoids, log σ(z) = z − S(z) and log σ(−z) = log(1 − σ(z)) = −S(z). Each
 * coefficient is affine in y, kept as the pair (a, b) of a + b·y. Terms that do not mention z are
 * kept aside, unread.
 */
final class SoftplusTerms {
  /** The coefficients, each {a, b} for a + b·y, of S(z), z, max(z, 0) and log(1 + e^−|z|). */
  final double[] softplus = new double[2];
  final double[] linear = new double[2];
  final double[] positivePart = new double[2];
  final double[] tail = new double[2];
  /** The terms it could not read, kept whole, with their signs. */
  final List<Node> rest = new ArrayList<>();
  final List<Double> restSigns = new ArrayList<>();
  /** The weight y the terms share, or null when every weight is 1. */
  Node y;

  private final Node z;
  private final Rewriting r;

  private SoftplusTerms(Node z, Rewriting r) {
    this.z = z;
    this.r = r;
  }

  /**
   * Reads the signed terms {@code terms} against {@code z}; returns null when weights name two
   * different y. A term it cannot read is kept aside whole, so the terms it did read are exactly
   * the combination its coefficients say.
   */
  static SoftplusTerms read(SignedTerms terms, Node z, Rewriting r) {
    SoftplusTerms t = new SoftplusTerms(z, r);
    for (int i = 0; i < terms.nodes().size(); i++) {
      t.add(terms.nodes().get(i), terms.signs().get(i));
    }
    return t;
  }

  /**
   * Returns the candidates for z: every t of a softplus, log-sigmoid, relu, step 1(t ≥ 0) or |t|
   * among the terms and their factors.
   */
  static List<Node> candidates(SignedTerms terms) {
    List<Node> out = new ArrayList<>();
    for (Node term : terms.nodes()) {
      List<Node> factors = computedBy(term, Mul.INSTANCE)
          ? List.of(arg(term, 0), arg(term, 1)) : List.of(term);
      for (Node f : factors) {
        Node t = softplusArgument(f);
        if (t == null && computedBy(f, Log.INSTANCE)
            && computedBy(arg(f, 0), Sigmoid.INSTANCE)) {
          t = arg(arg(f, 0), 0);
        }
        if (t == null && (computedBy(f, Relu.INSTANCE) || computedBy(f, Compare.class)
            || computedBy(f, Abs.INSTANCE))) {
          t = arg(f, 0);
        }
        Node candidate = t == null || negated(t) == null ? t : negated(t);
        if (candidate != null && !out.contains(candidate)) {
          out.add(candidate);
        }
      }
    }
    return out;
  }

  /** Adds one signed term to the coefficients, or keeps it aside when it cannot read it. */
  private void add(Node term, double sign) {
    if (core(term, sign, new double[] {1, 0})) {
      return;
    }
    if (computedBy(term, Mul.INSTANCE)) {
      for (int i = 0; i < 2; i++) {
        Node w = arg(term, 1 - i);
        boolean complement = computedBy(w, Sub.INSTANCE) && isOne(arg(w, 0));
        Node weightOf = complement ? arg(w, 1) : w;
        if (weightOf == z || y != null && y != weightOf) {
          continue;
        }
        double[] weight = complement ? new double[] {1, -1} : new double[] {0, 1};
        if (core(arg(term, i), sign, weight)) {
          y = weightOf;
          return;
        }
      }
    }
    rest.add(term);
    restSigns.add(sign);
  }

  /** Adds sign · weight · core to the coefficients; false when {@code c} is no known core. */
  private boolean core(Node c, double sign, double[] weight) {
    Node t = softplusArgument(c);
    if (t != null) {
      Node inner = negated(t);
      if (t == z) {
        accumulate(softplus, sign, weight);
      } else if (inner == z) {
        accumulate(softplus, sign, weight);
        accumulate(linear, -sign, weight);
      } else if (inner != null && isAbs(inner)) {
        accumulate(tail, sign, weight);
      } else {
        return false;
      }
      return true;
    }
    if (c == z) {
      accumulate(linear, sign, weight);
      return true;
    }
    if (isPositivePart(c)) {
      accumulate(positivePart, sign, weight);
      return true;
    }
    return logSigmoid(c, sign, weight);
  }

  /** log σ(z) = z − S(z); log σ(−z) = log(1 − σ(z)) = −S(z). */
  private boolean logSigmoid(Node c, double sign, double[] weight) {
    if (!computedBy(c, Log.INSTANCE)) {
      return false;
    }
    Node inner = arg(c, 0);
    if (computedBy(inner, Sigmoid.INSTANCE) && arg(inner, 0) == z) {
      accumulate(softplus, -sign, weight);
      accumulate(linear, sign, weight);
      return true;
    }
    boolean complement = computedBy(inner, Sigmoid.INSTANCE) && negated(arg(inner, 0)) == z
        || computedBy(inner, Sub.INSTANCE) && isOne(arg(inner, 0))
        && computedBy(arg(inner, 1), Sigmoid.INSTANCE) && arg(arg(inner, 1), 0) == z;
    if (complement) {
      accumulate(softplus, -sign, weight);
    }
    return complement;
  }

  private static void accumulate(double[] coefficient, double sign, double[] weight) {
    coefficient[0] += sign * weight[0];
    coefficient[1] += sign * weight[1];
  }

  /** True for |z|: abs(z), or z ∘ (2·1(z ≥ 0) − 1) in either order. */
  private boolean isAbs(Node n) {
    if (computedBy(n, Abs.INSTANCE)) {
      return arg(n, 0) == z;
    }
    if (!computedBy(n, Mul.INSTANCE)) {
      return false;
    }
    for (int i = 0; i < 2; i++) {
      Node s = arg(n, 1 - i);
      if (arg(n, i) == z && computedBy(s, Sub.INSTANCE) && isOne(arg(s, 1))
          && computedBy(arg(s, 0), Mul.INSTANCE)) {
        Node twice = arg(s, 0);
        for (int j = 0; j < 2; j++) {
          if (arg(twice, j).isLiteral() && arg(twice, j).storedValue().item() == 2
              && isStep(arg(twice, 1 - j))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** True for max(z, 0): relu(z), or z ∘ 1(z ≥ 0) in either order. */
  private boolean isPositivePart(Node n) {
    if (computedBy(n, Relu.INSTANCE)) {
      return arg(n, 0) == z;
    }
    if (!computedBy(n, Mul.INSTANCE)) {
      return false;
    }
    return arg(n, 0) == z && isStep(arg(n, 1)) || arg(n, 1) == z && isStep(arg(n, 0));
  }

  /** True for 1(z ≥ 0) or 1(z &gt; 0), which differ only where z ∘ 1(…) is 0 anyway. */
  private boolean isStep(Node n) {
    if (!computedBy(n, Compare.class) || arg(n, 0) != z) {
      return false;
    }
    Compare.Relation rel = ((Compare) n.op()).relation();
    Double zero = r.uniformValue(arg(n, 1));
    return (rel == Compare.Relation.GE || rel == Compare.Relation.GT) && zero != null
        && zero == 0.0;
  }

  private boolean isOne(Node n) {
    Double one = r.uniformValue(n);
    return one != null && one == 1.0;
  }
}
