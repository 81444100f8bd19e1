package dev.chainrule.cli;

/**
 * Checks of option values that picocli's type conversion cannot express, each failing with a
 * {@link UsageException} (exit status 2) that names the option and the value given.
 */
public final class Flags {
  private Flags() {}

  /**
   * Throws unless {@code value} is at least {@code min}, e.g. {@code --steps must be at least 1}.
   */
  public static void atLeast(String flag, long value, long min) {
    if (value < min) {
      throw new UsageException(flag + " must be at least " + min + ", got " + value);
    }
  }

  /** Throws unless {@code value} is a finite number &gt; 0, e.g. a learning rate. */
  public static void positive(String flag, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new UsageException(flag + " must be a finite number > 0, got " + value);
    }
  }
}
