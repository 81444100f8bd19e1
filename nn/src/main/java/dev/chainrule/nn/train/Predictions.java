package dev.chainrule.nn.train;

import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Elements;
import dev.chainrule.nn.layers.Layout;

/**
 * Class decisions from a model's logits: the largest logit of each sample, or for a single output
 * the sign of the logit (σ(z) &gt; ½ exactly when z &gt; 0).
 */
public final class Predictions {
  private Predictions() {}

  /** Returns the predicted class of each sample of {@code logits}, laid out per {@code layout}. */
  public static int[] classes(Tensor logits, Layout layout) {
    int m = layout.samples(logits.shape());
    double[] d = Elements.doubles(logits);
    int[] out = new int[m];
    for (int i = 0; i < m; i++) {
      out[i] = classOf(d, logits, layout, i);
    }
    return out;
  }

  /** Returns how many of the first {@code labels.length} samples are predicted as labelled. */
  public static int countCorrect(Tensor logits, Layout layout, int[] labels) {
    int correct = 0;
    double[] d = Elements.doubles(logits);
    for (int i = 0; i < labels.length; i++) {
      if (classOf(d, logits, layout, i) == labels[i]) {
        correct++;
      }
    }
    return correct;
  }

  private static int classOf(double[] d, Tensor logits, Layout layout, int sample) {
    int c = layout.features(logits.shape());
    int m = layout.samples(logits.shape());
    int base = layout == Layout.ROW ? sample * c : sample;
    int stride = layout == Layout.ROW ? 1 : m;
    if (c == 1) {
      return d[base] > 0 ? 1 : 0;
    }
    int best = 0;
    double top = d[base];
    for (int k = 1; k < c; k++) {
      double v = d[base + k * stride];
      if (v > top) {
        top = v;
        best = k;
      }
    }
    return best;
  }
}
