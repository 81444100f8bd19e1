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
    Grid g = new Grid(logits, layout);
    int[] out = new int[g.samples];
    for (int i = 0; i < out.length; i++) {
      out[i] = g.classOf(i);
    }
    return out;
  }

  /** Returns how many of the first {@code labels.length} samples are predicted as labelled. */
  public static int countCorrect(Tensor logits, Layout layout, int[] labels) {
    Grid g = new Grid(logits, layout);
    int correct = 0;
    for (int i = 0; i < labels.length; i++) {
      if (g.classOf(i) == labels[i]) {
        correct++;
      }
    }
    return correct;
  }

  /**
   * The logits as a grid of samples by classes, its layout's strides worked out once rather than
   * per sample (W3's trainer asks for 1024 samples a step).
   */
  private static final class Grid {
    private final double[] d;
    private final int classes;
    private final int samples;
    private final int sampleStride;
    private final int classStride;

    Grid(Tensor logits, Layout layout) {
      d = Elements.doubles(logits);
      classes = layout.features(logits.shape());
      samples = layout.samples(logits.shape());
      sampleStride = layout == Layout.ROW ? classes : 1;
      classStride = layout == Layout.ROW ? 1 : samples;
    }

    /** Returns the class of the largest logit of {@code sample}, the first on ties. */
    int classOf(int sample) {
      int base = sample * sampleStride;
      if (classes == 1) {
        return d[base] > 0 ? 1 : 0;
      }
      int best = 0;
      double top = d[base];
      for (int k = 1, at = base + classStride; k < classes; k++, at += classStride) {
        double v = d[at];
        boolean larger = v > top;
        best = larger ? k : best;
        top = larger ? v : top;
      }
      return best;
    }
  }
}
