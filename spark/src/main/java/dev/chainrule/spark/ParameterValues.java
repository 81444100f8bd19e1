package dev.chainrule.spark;

import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.layers.Parameter;
import java.io.Serializable;
import java.util.List;

/**
 * The values of a model's parameter tensors, or of one tensor per parameter (gradients, an
 * optimizer's buffers), as plain arrays that Spark broadcasts and aggregates: one flat row-major
 * array per parameter, in the model's parameter order.
 */
final class ParameterValues implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double[][] values;

  private ParameterValues(double[][] values) {
    this.values = values;
  }

  /** Returns a copy of the current values of {@code parameters}. */
  static ParameterValues of(List<Parameter> parameters) {
    double[][] v = new double[parameters.size()][];
    for (int i = 0; i < v.length; i++) {
      v[i] = parameters.get(i).value().toArray();
    }
    return new ParameterValues(v);
  }

  /** Returns a copy of the values of {@code tensors}. */
  static ParameterValues of(List<Tensor> tensors, boolean copy) {
    double[][] v = new double[tensors.size()][];
    for (int i = 0; i < v.length; i++) {
      v[i] = copy ? tensors.get(i).toArray() : tensors.get(i).buffer();
    }
    return new ParameterValues(v);
  }

  /** Returns zeros shaped like {@code parameters}. */
  static ParameterValues zerosLike(List<Parameter> parameters) {
    double[][] v = new double[parameters.size()][];
    for (int i = 0; i < v.length; i++) {
      v[i] = new double[parameters.get(i).value().size()];
    }
    return new ParameterValues(v);
  }

  /** Returns the size of the values in bytes (8 per float64). */
  long bytes() {
    long n = 0;
    for (double[] v : values) {
      n += 8L * v.length;
    }
    return n;
  }

  /** Adds {@code scale}·{@code tensors[i]} to array i (modifies this). */
  void addScaledInPlace(double scale, Tensor[] tensors) {
    for (int i = 0; i < values.length; i++) {
      double[] v = values[i];
      double[] t = tensors[i].buffer();
      for (int k = 0; k < v.length; k++) {
        v[k] += scale * t[k];
      }
    }
  }

  /** Adds {@code other} to this, array by array (modifies this). */
  void addInPlace(ParameterValues other) {
    for (int i = 0; i < values.length; i++) {
      double[] v = values[i];
      double[] o = other.values[i];
      for (int k = 0; k < v.length; k++) {
        v[k] += o[k];
      }
    }
  }

  /** Multiplies every value by {@code scale} (modifies this). */
  void scaleInPlace(double scale) {
    for (double[] v : values) {
      for (int k = 0; k < v.length; k++) {
        v[k] *= scale;
      }
    }
  }

  /**
   * Copies the values into the live tensors of {@code parameters} (modified in place).
   *
   * @throws IllegalStateException when the counts or sizes differ, naming the parameter
   */
  void copyInto(List<Parameter> parameters) {
    Tensor[] t = tensorsOf(parameters);
    for (int i = 0; i < t.length; i++) {
      System.arraycopy(values[i], 0, t[i].buffer(), 0, values[i].length);
    }
  }

  /** Returns the values as tensors shaped like {@code parameters}, sharing these arrays. */
  Tensor[] asTensors(List<Parameter> parameters) {
    Tensor[] live = tensorsOf(parameters);
    Tensor[] t = new Tensor[live.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = Tensor.wrap(live[i].shape(), values[i]);
    }
    return t;
  }

  private Tensor[] tensorsOf(List<Parameter> parameters) {
    if (parameters.size() != values.length) {
      throw new IllegalStateException(values.length + " value arrays for " + parameters.size()
          + " parameters");
    }
    Tensor[] t = new Tensor[values.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = parameters.get(i).value();
      if (t[i].size() != values[i].length) {
        throw new IllegalStateException("parameter " + parameters.get(i).name() + " "
            + t[i].shape() + " holds " + t[i].size() + " values, not " + values[i].length);
      }
    }
    return t;
  }
}
