package dev.chainrule.core.exec;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.tensor.Finiteness;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorFormat;
import java.util.Locale;

/**
 * The check anomaly mode runs after each operation: a scan of the output for NaN and infinities,
 * and, at the first one, the report that {@link AnomalyException} carries.
 */
final class AnomalyCheck {
  private AnomalyCheck() {}

  /**
   * Throws an {@link AnomalyException} when {@code out}, the value of {@code node}, is not finite.
   */
  static void afterForward(Node node, Tensor[] inputs, Tensor out) {
    if (Finiteness.allFinite(out)) {
      return;
    }
    double[] d = out.toArray();
    for (int i = 0; i < d.length; i++) {
      if (!Double.isFinite(d[i])) {
        throw new AnomalyException(node, report(node, inputs, out, i));
      }
    }
  }

  private static String report(Node node, Tensor[] inputs, Tensor out, int first) {
    Stats s = Stats.of(out);
    StringBuilder sb = new StringBuilder("anomaly: ").append(node.name()).append(" = ")
        .append(node.op().name()).append(' ').append(node.shape()).append(" produced ")
        .append(s.nonFinite()).append(" (first ").append(out.toArray()[first])
        .append(" at flat index ").append(first).append(") in the ");
    if (node.isGradient()) {
      sb.append("backward pass");
      Node of = node.derivativeOf();
      if (of != null) {
        sb.append(", in the derivative of ").append(of.name()).append(" = ")
            .append(of.op() != null ? of.op().name() : kindOf(of)).append(' ').append(of.shape())
            .append(of.site() != null ? " built at " + of.site() : "");
      }
      sb.append("\n  gradient requested at ").append(site(node));
    } else {
      sb.append("forward pass\n  built at ").append(site(node));
    }
    for (int k = 0; k < inputs.length; k++) {
      Node in = node.inputs().get(k);
      Stats t = Stats.of(inputs[k]);
      sb.append("\n  input ").append(k + 1).append(": ").append(in.name()).append(" (")
          .append(in.kind() == NodeKind.OPERATION ? in.op().name() : kindOf(in)).append(") ")
          .append(in.shape()).append(' ').append(t.summary());
      if (t.nan + t.positiveInfinity + t.negativeInfinity > 0) {
        sb.append(" <- already non-finite: the values came in through this ").append(kindOf(in))
            .append(", not from ").append(node.op().name());
      }
    }
    return sb.toString();
  }

  private static String kindOf(Node n) {
    return n.kind().name().toLowerCase(Locale.ROOT);
  }

  private static String site(Node n) {
    return n.site() != null ? n.site() : "an unrecorded line (CreationSite recording is off)";
  }

  /** Minimum, maximum and mean of the finite elements, and counts of the others. */
  private record Stats(int size, double min, double max, double mean, int nan,
      int positiveInfinity, int negativeInfinity) {
    static Stats of(Tensor t) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      double sum = 0;
      int finite = 0;
      int nan = 0;
      int pos = 0;
      int neg = 0;
      for (double v : t.toArray()) {
        if (Double.isNaN(v)) {
          nan++;
        } else if (v == Double.POSITIVE_INFINITY) {
          pos++;
        } else if (v == Double.NEGATIVE_INFINITY) {
          neg++;
        } else {
          min = Math.min(min, v);
          max = Math.max(max, v);
          sum += v;
          finite++;
        }
      }
      return new Stats(t.size(), min, max, finite == 0 ? Double.NaN : sum / finite, nan, pos, neg);
    }

    String nonFinite() {
      StringBuilder sb = new StringBuilder();
      append(sb, nan, "NaN");
      append(sb, positiveInfinity, "+Infinity");
      append(sb, negativeInfinity, "-Infinity");
      return sb.append(" of ").append(size).append(size == 1 ? " value" : " values").toString();
    }

    private static void append(StringBuilder sb, int count, String what) {
      if (count > 0) {
        sb.append(sb.length() > 0 ? ", " : "").append(count).append(' ').append(what);
      }
    }

    String summary() {
      if (nan + positiveInfinity + negativeInfinity == size) {
        return "no finite value, " + nonFinite();
      }
      String range = "min " + TensorFormat.number(min) + ", max " + TensorFormat.number(max)
          + ", mean " + TensorFormat.number(mean);
      int bad = nan + positiveInfinity + negativeInfinity;
      return range + (bad == 0 ? ", all finite" : ", and " + nonFinite());
    }
  }
}
