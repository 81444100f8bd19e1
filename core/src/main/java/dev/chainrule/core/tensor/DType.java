package dev.chainrule.core.tensor;

/**
 * The number type a tensor stores and a graph computes in: {@link #FLOAT64}, the default, in which
 * formula checks agree to 1e-12, or {@link #FLOAT32}, half the memory and twice the SIMD width, for
 * training. A float32 value is what the float64 computation of the same primitive on the same
 * float32 operands gives, rounded to float32 once.
 */
public enum DType {
  /** IEEE 754 double precision, stored as {@code double[]}: the default. */
  FLOAT64("float64", 8),
  /** IEEE 754 single precision, stored as {@code float[]}. */
  FLOAT32("float32", 4);

  private final String label;
  private final int bytes;

  DType(String label, int bytes) {
    this.label = label;
    this.bytes = bytes;
  }

  /** Returns the number of bytes one element takes. */
  public int bytes() {
    return bytes;
  }

  /** Returns {@code value} as this type stores it: itself, or rounded to the nearest float. */
  public double round(double value) {
    return this == FLOAT32 ? (float) value : value;
  }

  /** Returns the name users write and files record, {@code float64} or {@code float32}. */
  @Override
  public String toString() {
    return label;
  }

  /** Returns the type called {@code name} ({@code float64}, {@code float32}; case ignored). */
  public static DType of(String name) {
    for (DType t : values()) {
      if (t.label.equalsIgnoreCase(name) || t.name().equalsIgnoreCase(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown dtype '" + name + "'; use float64 or float32");
  }
}
