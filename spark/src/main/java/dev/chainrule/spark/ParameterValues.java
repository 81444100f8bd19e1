package dev.chainrule.spark;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.layers.Parameter;
import java.io.Serializable;
import java.util.List;

/**
 * The values of a model's parameter tensors, or of one tensor per parameter (gradients, an
 * optimizer's buffers), as plain arrays that Spark broadcasts and aggregates: one flat row-major
 * array per parameter, in the model's parameter order. Values copied from tensors travel in the
 * tensors' dtype (a float32 model's parameters as {@code float[]}, 4 bytes a number); sums and
 * means are taken in float64 (an array is widened, exactly, before the first addition or
 * scaling), and a float64 result is rounded once to float when it goes back into a float32
 * model's tensors.
 */
final class ParameterValues implements Serializable {
  private static final long serialVersionUID = 2L;

  /** Per parameter, its values as doubles, or null where {@link #floats} holds them. */
  private final double[][] doubles;
  /** Per parameter, its values as floats, or null where {@link #doubles} holds them. */
  private final float[][] floats;

  private ParameterValues(double[][] doubles, float[][] floats) {
    this.doubles = doubles;
    this.floats = floats;
  }

  /** Returns a copy of the current values of {@code parameters}, each in its tensor's dtype. */
  static ParameterValues of(List<Parameter> parameters) {
    Tensor[] t = new Tensor[parameters.size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = parameters.get(i).value();
    }
    return copyOf(t);
  }

  /** Returns a copy of the values of {@code tensors}, each in its tensor's dtype. */
  static ParameterValues ofTensors(List<Tensor> tensors) {
    return copyOf(tensors.toArray(new Tensor[0]));
  }

  private static ParameterValues copyOf(Tensor[] tensors) {
    double[][] d = new double[tensors.length][];
    float[][] f = new float[tensors.length][];
    for (int i = 0; i < tensors.length; i++) {
      if (tensors[i].dtype() == DType.FLOAT32) {
        f[i] = tensors[i].floatBuffer().clone();
      } else {
        d[i] = tensors[i].buffer().clone();
      }
    }
    return new ParameterValues(d, f);
  }

  /** Returns float64 zeros shaped like {@code parameters}, the start of a sum. */
  static ParameterValues zerosLike(List<Parameter> parameters) {
    double[][] v = new double[parameters.size()][];
    for (int i = 0; i < v.length; i++) {
      v[i] = new double[parameters.get(i).value().size()];
    }
    return new ParameterValues(v, new float[v.length][]);
  }

  /** Returns the dtype array {@code i} travels in. */
  DType dtype(int i) {
    return floats[i] != null ? DType.FLOAT32 : DType.FLOAT64;
  }

  /** Returns the number of arrays, one per parameter. */
  int count() {
    return doubles.length;
  }

  /** Returns the size of the values in bytes (8 per float64, 4 per float32). */
  long bytes() {
    long n = 0;
    for (int i = 0; i < doubles.length; i++) {
      n += floats[i] != null ? 4L * floats[i].length : 8L * doubles[i].length;
    }
    return n;
  }

  /** Adds {@code scale}·{@code tensors[i]} to array i (modifies this, widening it to float64). */
  void addScaledInPlace(double scale, Tensor[] tensors) {
    for (int i = 0; i < doubles.length; i++) {
      double[] v = wide(i);
      Tensor t = tensors[i];
      if (t.dtype() == DType.FLOAT32) {
        float[] f = t.floatBuffer();
        for (int k = 0; k < v.length; k++) {
          v[k] += scale * f[k];
        }
      } else {
        double[] d = t.buffer();
        for (int k = 0; k < v.length; k++) {
          v[k] += scale * d[k];
        }
      }
    }
  }

  /** Adds {@code other} to this, array by array (modifies this, widening it to float64). */
  void addInPlace(ParameterValues other) {
    for (int i = 0; i < doubles.length; i++) {
      double[] v = wide(i);
      if (other.floats[i] != null) {
        float[] o = other.floats[i];
        for (int k = 0; k < v.length; k++) {
          v[k] += o[k];
        }
      } else {
        double[] o = other.doubles[i];
        for (int k = 0; k < v.length; k++) {
          v[k] += o[k];
        }
      }
    }
  }

  /** Multiplies every value by {@code scale} (modifies this, widening it to float64). */
  void scaleInPlace(double scale) {
    for (int i = 0; i < doubles.length; i++) {
      double[] v = wide(i);
      for (int k = 0; k < v.length; k++) {
        v[k] *= scale;
      }
    }
  }

  /** Returns array {@code i} as doubles, replacing a float array by its exact widening first. */
  private double[] wide(int i) {
    if (floats[i] != null) {
      float[] f = floats[i];
      double[] d = new double[f.length];
      for (int k = 0; k < f.length; k++) {
        d[k] = f[k];
      }
      doubles[i] = d;
      floats[i] = null;
    }
    return doubles[i];
  }

  /**
   * Copies the values into the live tensors of {@code parameters} (modified in place), rounding
   * float64 values to float for float32 tensors.
   *
   * @throws IllegalStateException when the counts or sizes differ, naming the parameter
   */
  void copyInto(List<Parameter> parameters) {
    Tensor[] live = tensorsOf(parameters);
    Tensor[] values = asTensors(parameters);
    for (int i = 0; i < live.length; i++) {
      live[i].copyFromInPlace(values[i]);
    }
  }

  /**
   * Returns the values as tensors shaped like {@code parameters} and of their dtype: sharing
   * these arrays where the dtypes agree, converted copies where they do not.
   */
  Tensor[] asTensors(List<Parameter> parameters) {
    Tensor[] live = tensorsOf(parameters);
    Tensor[] t = new Tensor[live.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = asTensor(i, live[i]).to(live[i].dtype());
    }
    return t;
  }

  private Tensor asTensor(int i, Tensor like) {
    return floats[i] != null ? Tensor.wrapFloats(like.shape(), floats[i])
        : Tensor.wrap(like.shape(), doubles[i]);
  }

  private Tensor[] tensorsOf(List<Parameter> parameters) {
    if (parameters.size() != doubles.length) {
      throw new IllegalStateException(doubles.length + " value arrays for " + parameters.size()
          + " parameters");
    }
    Tensor[] t = new Tensor[doubles.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = parameters.get(i).value();
      int size = floats[i] != null ? floats[i].length : doubles[i].length;
      if (t[i].size() != size) {
        throw new IllegalStateException("parameter " + parameters.get(i).name() + " "
            + t[i].shape() + " holds " + t[i].size() + " values, not " + size);
      }
    }
    return t;
  }
}
