package dev.chainrule.nn.data;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.nio.file.Path;

/**
 * The images of an IDX file (magic 0x00000803) as read by {@link IdxReader}: {@code count}
 * grey-scale images of {@code rows × columns} unsigned-byte pixels, row-major, image after image.
 */
public final class IdxImages {
  private final Path file;
  private final int count;
  private final int rows;
  private final int columns;
  private final byte[] pixels;

  IdxImages(Path file, int count, int rows, int columns, byte[] pixels) {
    this.file = file;
    this.count = count;
    this.rows = rows;
    this.columns = columns;
    this.pixels = pixels;
  }

  /** Returns the file the images were read from. */
  public Path file() {
    return file;
  }

  /** Returns the number of images read (at most the limit asked for). */
  public int count() {
    return count;
  }

  /** Returns the height of every image in pixels. */
  public int rows() {
    return rows;
  }

  /** Returns the width of every image in pixels. */
  public int columns() {
    return columns;
  }

  /** Returns the pixel value 0..255 of image {@code image} at ({@code row}, {@code column}). */
  public int pixel(int image, int row, int column) {
    if (image < 0 || image >= count || row < 0 || row >= rows || column < 0
        || column >= columns) {
      throw new IndexOutOfBoundsException("pixel (" + image + ", " + row + ", " + column
          + ") is outside " + count + " images of " + rows + " × " + columns + " from " + file);
    }
    return pixels[(image * rows + row) * columns + column] & 0xff;
  }

  /**
   * Returns the images as features of shape (count, rows·columns), one flattened image per row,
   * each pixel multiplied by {@code scale} (1/255 maps them to [0, 1]).
   */
  public Tensor toFeatures(double scale) {
    return toFeatures(scale, DType.FLOAT64);
  }

  /**
   * Returns the images as {@link #toFeatures(double)} does, in {@code dtype}: float32 features are
   * made straight from the bytes, each pixel times {@code scale} computed in float64 and rounded
   * once, with no float64 copy of the images on the way.
   */
  public Tensor toFeatures(double scale, DType dtype) {
    Shape shape = Shape.of(count, rows * columns);
    if (dtype == DType.FLOAT32) {
      float[] values = new float[pixels.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) ((pixels[i] & 0xff) * scale);
      }
      return Tensor.wrapFloats(shape, values);
    }
    double[] values = new double[pixels.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = (pixels[i] & 0xff) * scale;
    }
    return Tensor.wrap(shape, values);
  }
}
