package dev.chainrule.core.tensor;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * A dense, row-major array of float64 values with a {@link Shape}. As seen by users a tensor is a
 * value: every method returns a new tensor, except those named {@code ...InPlace}, which modify
 * this tensor and say so. Operation implementers reach the live storage through {@link #buffer()}.
 */
public final class Tensor {
  private final Shape shape;
  private final double[] data;

  private Tensor(Shape shape, double[] data) {
    this.shape = shape;
    this.data = data;
  }

  /** Returns a tensor of the given dimensions holding a copy of {@code values} in row-major order. */
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
    double[] d = new double[r * c];
    for (int i = 0; i < r; i++) {
      if (rows[i].length != c) {
        throw new IllegalArgumentException("row " + i + " has " + rows[i].length
            + " values but row 0 has " + c + "; a matrix needs rows of equal length");
      }
      System.arraycopy(rows[i], 0, d, i * c, c);
    }
    return new Tensor(Shape.of(r, c), d);
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
    return data.length;
  }

  /**
   * Returns the live row-major storage of this tensor, not a copy. For operation and kernel
   * implementations; writing to it mutates the tensor.
   */
  public double[] buffer() {
    return data;
  }

  /** Returns a copy of the elements in row-major order. */
  public double[] toArray() {
    return data.clone();
  }

  /** Returns the elements of a rank-2 tensor as rows; throws for any other rank. */
  public double[][] toMatrix() {
    if (rank() != 2) {
      throw new IllegalStateException("toMatrix needs a rank-2 tensor, but this one has shape "
          + shape);
    }
    int r = shape.dim(0);
    int c = shape.dim(1);
    double[][] out = new double[r][c];
    for (int i = 0; i < r; i++) {
      System.arraycopy(data, i * c, out[i], 0, c);
    }
    return out;
  }

  /** Returns the single element of a tensor that has exactly one element. */
  public double item() {
    if (data.length != 1) {
      throw new IllegalStateException("item() needs a tensor with one element, but this one has "
          + "shape " + shape + " with " + data.length + " elements");
    }
    return data[0];
  }

  /** Returns the element at the given indices, one per dimension. */
  public double get(int... index) {
    return data[offset(index)];
  }

  private int offset(int[] index) {
    if (index.length != shape.rank()) {
      throw new IllegalArgumentException("tensor of shape " + shape + " needs " + shape.rank()
          + " indices, got " + index.length);
    }
    int off = 0;
    int[] strides = shape.strides();
    for (int i = 0; i < index.length; i++) {
      if (index[i] < 0 || index[i] >= shape.dim(i)) {
        throw new IndexOutOfBoundsException("index " + index[i] + " is outside dimension " + i
            + " of size " + shape.dim(i) + " in a tensor of shape " + shape);
      }
      off += index[i] * strides[i];
    }
    return off;
  }

  /** Returns a tensor with the same elements in a new shape of equal size, sharing no storage. */
  public Tensor reshape(int... dims) {
    Shape target = Shape.of(dims);
    checkLength(target, data.length);
    return new Tensor(target, data.clone());
  }

  /** Returns this tensor with its axes permuted; with no argument, the axes reversed. */
  public Tensor transpose(int... permutation) {
    int[] perm = permutation.length == 0 ? Permute.reversed(rank()) : permutation;
    Tensor out = zeros(Permute.shape(shape, perm));
    Permute.into(this, perm, out);
    return out;
  }

  /** Returns the elementwise sum, with broadcasting. */
  public Tensor add(Tensor other) {
    return Broadcast.apply(this, other, Double::sum);
  }

  /** Returns the elementwise difference, with broadcasting. */
  public Tensor sub(Tensor other) {
    return Broadcast.apply(this, other, (x, y) -> x - y);
  }

  /** Returns the elementwise (Hadamard) product, with broadcasting. */
  public Tensor mul(Tensor other) {
    return Broadcast.apply(this, other, (x, y) -> x * y);
  }

  /** Returns the elementwise quotient, with broadcasting. */
  public Tensor div(Tensor other) {
    return Broadcast.apply(this, other, (x, y) -> x / y);
  }

  /** Returns every element multiplied by {@code factor}. */
  public Tensor mul(double factor) {
    return map(x -> x * factor);
  }

  /** Returns every element plus {@code term}. */
  public Tensor add(double term) {
    return map(x -> x + term);
  }

  /** Returns {@code f} applied to every element. */
  public Tensor map(DoubleUnaryOperator f) {
    double[] out = new double[data.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = f.applyAsDouble(data[i]);
    }
    return new Tensor(shape, out);
  }

  /** Returns the matrix product of two rank-2 tensors, {@code this · other}. */
  public Tensor matmul(Tensor other) {
    return MatMulKernel.multiply(this, false, other, false);
  }

  /** Returns the sum over the given axes (all axes when none are given), dropping them. */
  public Tensor sum(int... axes) {
    return Reduce.sum(this, axes, false);
  }

  /** Returns the sum over the given axes, keeping each as a dimension of size 1. */
  public Tensor sumKeepDims(int... axes) {
    return Reduce.sum(this, axes, true);
  }

  /** Returns the mean over the given axes (all axes when none are given), dropping them. */
  public Tensor mean(int... axes) {
    return Reduce.mean(this, axes, false);
  }

  /** Returns the maximum over the given axes (all axes when none are given), dropping them. */
  public Tensor max(int... axes) {
    return Reduce.max(this, axes, false);
  }

  /** Returns a copy of this tensor broadcast to {@code target}. */
  public Tensor broadcastTo(Shape target) {
    return Broadcast.to(this, target);
  }

  /** Returns a copy of this tensor. */
  public Tensor copy() {
    return new Tensor(shape, data.clone());
  }

  /** Overwrites this tensor's elements with {@code source}'s; the shapes must be equal. */
  public void copyFromInPlace(Tensor source) {
    requireSameShape(source, "copyFromInPlace");
    System.arraycopy(source.data, 0, data, 0, data.length);
  }

  /** Adds {@code alpha · x} to this tensor elementwise (BLAS axpy); the shapes must be equal. */
  public void addScaledInPlace(double alpha, Tensor x) {
    requireSameShape(x, "addScaledInPlace");
    double[] xs = x.data;
    for (int i = 0; i < data.length; i++) {
      data[i] += alpha * xs[i];
    }
  }

  /** Multiplies every element of this tensor by {@code factor}. */
  public void scaleInPlace(double factor) {
    for (int i = 0; i < data.length; i++) {
      data[i] *= factor;
    }
  }

  /** Sets every element of this tensor to {@code value}. */
  public void fillInPlace(double value) {
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
    for (int i = 0; i < data.length; i++) {
      max = Math.max(max, Math.abs(data[i] - other.data[i]));
    }
    return max;
  }

  /** Returns true when both tensors have equal shapes and bit-identical elements. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Tensor && shape.equals(((Tensor) o).shape)
        && Arrays.equals(data, ((Tensor) o).data);
  }

  @Override
  public int hashCode() {
    return 31 * shape.hashCode() + Arrays.hashCode(data);
  }

  /** Returns the values as nested brackets, as NumPy prints them, e.g. {@code [[1, 2], [3, 4]]}. */
  @Override
  public String toString() {
    return TensorFormat.format(this);
  }
}
