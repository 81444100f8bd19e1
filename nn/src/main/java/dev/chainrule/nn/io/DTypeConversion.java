package dev.chainrule.nn.io;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.nn.layers.Parameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts loaded tensors between float64 and float32 on request: float64 values are rounded to
 * the nearest float32 (ties to even), float32 values widened exactly. A finite float64 value
 * beyond float32's range would become infinite, and is refused instead.
 */
final class DTypeConversion {
  private DTypeConversion() {}

  /**
   * Returns {@code saved} with every tensor in {@code dtype}, as fresh tensors.
   *
   * @throws ModelFileException naming {@code file}, the tensor, the position and the value when a
   *     finite value overflows float32
   */
  static List<Parameter> convert(List<Parameter> saved, DType dtype, Path file)
      throws ModelFileException {
    List<Parameter> out = new ArrayList<>();
    for (Parameter p : saved) {
      Parameter converted = new Parameter(p.name(), p.value().to(dtype));
      if (dtype == DType.FLOAT32 && p.value().dtype() == DType.FLOAT64) {
        checkRange(p, converted.value().floatBuffer(), file);
      }
      out.add(converted);
    }
    return out;
  }

  private static void checkRange(Parameter saved, float[] rounded, Path file)
      throws ModelFileException {
    double[] values = saved.value().buffer();
    for (int k = 0; k < values.length; k++) {
      if (Float.isInfinite(rounded[k]) && Double.isFinite(values[k])) {
        throw new ModelFileException(file, saved.name() + " holds " + values[k] + " at flat "
            + "position " + k + ", beyond float32's range (±" + Float.MAX_VALUE + "); it cannot "
            + "be loaded into a float32 model");
      }
    }
  }
}
