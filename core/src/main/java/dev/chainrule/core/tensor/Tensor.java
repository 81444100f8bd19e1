package dev.chainrule.core.tensor;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * A dense, row-major array of float64 ({@code double[]}, the default) or float32 ({@code float[]})
 * numbers with a {@link Shape}. To users a tensor is a value: every method returns a new tensor,
 * except those named {@code ...InPlace}. Kernels reach the live storage through {@link #buffer()}
 * or {@link #floatBuffer()}, by {@link #dtype()}. Reading methods give doubles for either dtype;
 * a float32 tensor's arithmetic methods compute in float64 and round the result once.
 */
public final class Tensor {
  private final Shape shape;
  private final double[] data;
  private final float[] floats;

  private Tensor(Shape shape, double[] data) {
    this.shape = shape;
    this.data = data;
    this.floats = null;
  }

  private Tensor(Shape shape, float[] floats) {
    this.shape = shape;
    this.data = null;
    this.floats = floats;
  }

  /** Returns a float32 tensor of the given dimensions holding a copy of {@code values}. */
  public static Tensor ofFloats(float[] values, int... dims) {
    Shape shape = Shape.of(dims);
    checkLength(shape, values.length);
    return new Tensor(shape, values.clone());
  }

  /**
   * Returns a float32 tensor that takes ownership of {@code values} without copying: the caller
   * must not touch the array afterwards. For kernels and loaders that have just filled it.
   */
  public static Tensor wrapFloats(Shape shape, float[] values) {
    checkLength(shape, values.length);
    return new Tensor(shape, values);
  }

  /** Returns a tensor of zeros of the given shape and dtype. */
  public static Tensor zeros(Shape shape, DType dtype) {
    return dtype == DType.FLOAT32 ? new Tensor(shape, new float[shape.size()]) : zeros(shape);
  }

  /** Returns the number type this tensor stores. */
  public DType dtype() {
    return floats != null ? DType.FLOAT32 : DType.FLOAT64;
  }

  /** Returns this tensor in {@code target}'s type: itself, or a new tensor rounded or widened. */
  public Tensor to(DType target) {
    return target == dtype() ? this
        : target == DType.FLOAT32 ? new Tensor(shape, Storage.narrow(data))
        : new Tensor(shape, Storage.widen(floats));
  }

  /**
   * Returns a tensor of the given dimensions holding a copy of {@code values} in row-major order.
   */
  public static Tensor of(double[] values, int... dims) {
    return of(Shape.of(dims), values);
  }

  /** Returns a tensor of the given shape holding a copy of {@code values} in row-major order. */
  public static Tensor of(Shape shape, double[] values) {
    checkLength(shape, values.length);
    return new Tensor(shape, values.clone());
  }

  /**
   * Returns a tensor that takes ownership of {@code values} without copying: the caller must not
   * touch the array afterwards. For kernels and loaders that have just filled a fresh array.
   */
  public static Tensor wrap(Shape shape, double[] values) {
    checkLength(shape, values.length);
    return new Tensor(shape, values);
  }

  private static void checkLength(Shape shape, int length) {
    if (shape.size() != length) {
      throw new IllegalArgumentException("shape " + shape + " holds " + shape.size()
          + " values but " + length + " were given");
    }
  }

  /** Returns a rank-0 tensor holding {@code value}. */
  public static Tensor scalar(double value) {
    return new Tensor(Shape.scalar(), new double[] {value});
  }

  /** Returns a tensor of zeros. */
  public static Tensor zeros(Shape shape) {
    return new Tensor(shape, new double[shape.size()]);
  }

  /** Returns a tensor of zeros with the given dimensions. */
  public static Tensor zeros(int... dims) {
    return zeros(Shape.of(dims));
  }

  /** Returns a tensor of the given shape with every element equal to {@code value}. */
  public static Tensor full(Shape shape, double value) {
    double[] d = new double[shape.size()];
    Arrays.fill(d, value);
    return new Tensor(shape, d);
  }

  /** Returns a tensor of ones. */
  public static Tensor ones(int... dims) {
    return full(Shape.of(dims), 1.0);
  }

  /** Returns an (r, c) matrix from its rows; throws when the rows differ in length. */
  public static Tensor matrix(double[]... rows) {
    int r = rows.length;
    int c = r == 0 ? 0 : rows[0].length;
    return new Tensor(Shape.of(r, c), Storage.flatten(rows, c));
  }

  /** Returns an (n, 1) column vector, the seeds' column layout for one sample. */
  public static Tensor column(double... values) {
    return of(values, values.length, 1);
  }

  /** Returns a (1, n) row vector, the seeds' row layout for one sample. */
  public static Tensor row(double... values) {
    return of(values, 1, values.length);
  }

  /** Returns the shape of this tensor. */
  public Shape shape() {
    return shape;
  }

  /** Returns the number of dimensions. */
  public int rank() {
    return shape.rank();
  }

  /** Returns the number of elements. */
  public int size() {
    return shape.size();
  }

  /**
   * Returns the live row-major storage of this float64 tensor, not a copy. For operation and
   * kernel implementations; writing to it mutates the tensor.
   *
   * @throws IllegalStateException when the tensor is float32 (use {@link #floatBuffer()})
   */
  public double[] buffer() {
    if (data == null) {
      throw wrongStorage("buffer()", "floatBuffer()");
    }
    return data;
  }

  /**
   * Returns the live row-major storage of this float32 tensor, not a copy. For operation and
   * kernel implementations; writing to it mutates the tensor.
   *
   * @throws IllegalStateException when the tensor is float64 (use {@link #buffer()})
   */
  public float[] floatBuffer() {
    if (floats == null) {
      throw wrongStorage("floatBuffer()", "buffer()");
    }
    return floats;
  }

  private IllegalStateException wrongStorage(String asked, String instead) {
    DType wanted = data == null ? DType.FLOAT64 : DType.FLOAT32;
    return new IllegalStateException(asked + " reads " + wanted + " storage, but this tensor of "
        + "shape " + shape + " is " + dtype() + "; read it with " + instead
        + " or convert it with to(DType." + wanted.name() + ")");
  }

  /** Returns a copy of the elements in row-major order, as doubles for either dtype. */
  public double[] toArray() {
    return floats == null ? data.clone() : Storage.widen(floats);
  }

  /** Returns the elements of a rank-2 tensor as rows; throws for any other rank. */
  public double[][] toMatrix() {
    if (rank() != 2) {
      throw new IllegalStateException("toMatrix needs a rank-2 tensor, but this one has shape "
          + shape);
    }
    return Storage.rows(data != null ? data : toArray(), shape.dim(0), shape.dim(1));
  }

  /** Returns the single element of a tensor that has exactly one element. */
  public double item() {
    if (size() != 1) {
      throw new IllegalStateException("item() needs a tensor with one element, but this one has "
          + "shape " + shape + " with " + size() + " elements");
    }
    return at(0);
  }

  /** Returns the element at the given indices, one per dimension. */
  public double get(int... index) {
    return at(shape.flatIndex(index));
  }

  private double at(int flat) {
    return data != null ? data[flat] : floats[flat];
  }


  /** Returns a tensor with the same elements in a new shape of equal size, sharing no storage. */
  public Tensor reshape(int... dims) {
    Shape target = Shape.of(dims);
    checkLength(target, size());
    return data != null ? new Tensor(target, data.clone()) : new Tensor(target, floats.clone());
  }

  /** Returns this tensor with its axes permuted; with no argument, the axes reversed. */
  public Tensor transpose(int... permutation) {
    if (floats != null) {
      return wide().transpose(permutation).to(DType.FLOAT32);
    }
    int[] perm = permutation.length == 0 ? Permute.reversed(rank()) : permutation;
    Tensor out = zeros(Permute.shape(shape, perm));
    Permute.into(this, perm, out);
    return out;
  }

  /** Returns the elementwise sum, with broadcasting. */
  public Tensor add(Tensor other) {
    return combine(other, Double::sum);
  }

  /** Returns the elementwise difference, with broadcasting. */
  public Tensor sub(Tensor other) {
    return combine(other, (x, y) -> x - y);
  }

  /** Returns the elementwise (Hadamard) product, with broadcasting. */
  public Tensor mul(Tensor other) {
    return combine(other, (x, y) -> x * y);
  }

  /** Returns the elementwise quotient, with broadcasting. */
  public Tensor div(Tensor other) {
    return combine(other, (x, y) -> x / y);
  }

  /** Returns every element multiplied by {@code factor}. */
  public Tensor mul(double factor) {
    return map(x -> x * factor);
  }

  /** Returns every element plus {@code term}. */
  public Tensor add(double term) {
    return map(x -> x + term);
  }

  /** Returns {@code f} applied to every element, in this tensor's dtype. */
  public Tensor map(DoubleUnaryOperator f) {
    double[] out = new double[size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = f.applyAsDouble(at(i));
    }
    return new Tensor(shape, out).to(dtype());
  }

  /** Combines in float64; the result is float32 only when both operands are. */
  private Tensor combine(Tensor other, java.util.function.DoubleBinaryOperator f) {
    return Broadcast.apply(wide(), other.wide(), f).to(promoted(other));
  }

  private Tensor wide() {
    return to(DType.FLOAT64);
  }

  private DType promoted(Tensor other) {
    return floats != null && other.floats != null ? DType.FLOAT32 : DType.FLOAT64;
  }

  /** Returns {@code this · other} of rank-2 tensors, on the float GEMM when both are float32. */
  public Tensor matmul(Tensor other) {
    boolean mixed = (floats != null) != (other.floats != null);
    return mixed ? wide().matmul(other.wide()) : MatMulKernel.multiply(this, false, other, false);
  }

  /** Returns the sum over the given axes (all axes when none are given), dropping them. */
  public Tensor sum(int... axes) {
    return Reduce.sum(wide(), axes, false).to(dtype());
  }

  /** Returns the sum over the given axes, keeping each as a dimension of size 1. */
  public Tensor sumKeepDims(int... axes) {
    return Reduce.sum(wide(), axes, true).to(dtype());
  }

  /** Returns the mean over the given axes (all axes when none are given), dropping them. */
  public Tensor mean(int... axes) {
    return Reduce.mean(wide(), axes, false).to(dtype());
  }

  /** Returns the maximum over the given axes (all axes when none are given), dropping them. */
  public Tensor max(int... axes) {
    return Reduce.max(wide(), axes, false).to(dtype());
  }

  /** Returns a copy of this tensor broadcast to {@code target}. */
  public Tensor broadcastTo(Shape target) {
    return Broadcast.to(wide(), target).to(dtype());
  }

  /** Returns a copy of this tensor. */
  public Tensor copy() {
    return data != null ? new Tensor(shape, data.clone()) : new Tensor(shape, floats.clone());
  }

  /** Overwrites this tensor's elements with {@code source}'s; the shapes must be equal. */
  public void copyFromInPlace(Tensor source) {
    requireSameShape(source, "copyFromInPlace");
    if (data != null) {
      System.arraycopy(source.buffer(), 0, data, 0, data.length);
    } else {
      System.arraycopy(source.floatBuffer(), 0, floats, 0, floats.length);
    }
  }

  /** Adds {@code alpha · x} to this tensor elementwise (BLAS axpy); the shapes must be equal. */
  public void addScaledInPlace(double alpha, Tensor x) {
    requireSameShape(x, "addScaledInPlace");
    if (data != null) {
      Storage.addScaled(data, alpha, x.buffer());
    } else {
      Storage.addScaled(floats, (float) alpha, x.floatBuffer());
    }
  }

  /** Multiplies every element of this tensor by {@code factor}. */
  public void scaleInPlace(double factor) {
    if (data != null) {
      Storage.scale(data, factor);
    } else {
      Storage.scale(floats, (float) factor);
    }
  }

  /** Sets every element of this tensor to {@code value}. */
  public void fillInPlace(double value) {
    if (floats != null) {
      Arrays.fill(floats, (float) value);
      return;
    }
    Arrays.fill(data, value);
  }

  private void requireSameShape(Tensor other, String method) {
    if (!shape.equals(other.shape)) {
      throw new IllegalArgumentException(method + " needs equal shapes, but this tensor has "
          + "shape " + shape + " and the argument " + other.shape);
    }
  }

  /** Returns the largest absolute elementwise difference to {@code other}; shapes must be equal. */
  public double maxAbsDifference(Tensor other) {
    requireSameShape(other, "maxAbsDifference");
    double max = 0;
    for (int i = 0; i < size(); i++) {
      max = Math.max(max, Math.abs(at(i) - other.at(i)));
    }
    return max;
  }

  /** Returns true when both tensors have equal shapes, equal dtypes and bit-identical elements. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Tensor && shape.equals(((Tensor) o).shape)
        && Arrays.equals(data, ((Tensor) o).data) && Arrays.equals(floats, ((Tensor) o).floats);
  }

  @Override
  public int hashCode() {
    return 31 * shape.hashCode() + (data != null ? Arrays.hashCode(data)
        : Arrays.hashCode(floats));
  }

  /** Returns the values as nested brackets, as NumPy prints them, e.g. {@code [[1, 2], [3, 4]]}. */
  @Override
  public String toString() {
    return TensorFormat.format(this);
  }
}
