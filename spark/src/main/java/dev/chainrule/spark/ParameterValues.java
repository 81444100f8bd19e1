package dev.chainrule.spark;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.layers.Parameter;
import java.io.Serializable;
import java.util.List;

/**
 * The values of a model's parameter tensors, or of one tensor per parameter (gradients, an
 * optimizer's buffers), as plain arrays that Spark broadcasts and aggregates: one flat row-major
 * array per parameter, in the model's parameter order. The arrays are float64 for either dtype:
 * a float32 value widens exactly, sums and means are taken in float64, and the result is rounded
 * once to float when it goes back into a float32 model's tensors.
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
      v[i] = copy ? tensors.get(i).toArray() : doubles(tensors.get(i));
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
      double[] t = doubles(tensors[i]);
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
      if (t[i].dtype() == DType.FLOAT32) {
        float[] f = t[i].floatBuffer();
        for (int k = 0; k < f.length; k++) {
          f[k] = (float) values[i][k];
        }
      } else {
        System.arraycopy(values[i], 0, t[i].buffer(), 0, values[i].length);
      }
    }
  }

  /**
   * Returns the values as tensors shaped like {@code parameters} and of their dtype: sharing
   * these arrays for float64 parameters, rounded copies for float32 ones.
   */
  Tensor[] asTensors(List<Parameter> parameters) {
    Tensor[] live = tensorsOf(parameters);
    Tensor[] t = new Tensor[live.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = Tensor.wrap(live[i].shape(), values[i]).to(live[i].dtype());
    }
    return t;
  }

  /** Returns {@code t}'s values as doubles: its own array if float64, a widened copy if not. */
  private static double[] doubles(Tensor t) {
    return t.dtype() == DType.FLOAT64 ? t.buffer() : t.toArray();
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
