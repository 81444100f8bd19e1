package dev.chainrule.core.tensor;

import java.util.Locale;

/**
 * Which implementation runs a GEMM, as chosen by the system property {@value #PROPERTY}:
 * {@code java} (always the pure-Java kernel), {@code native} (always the native BLAS, failing if
 * there is none) or {@code auto}, the default (the native BLAS when one is found and the product is
 * large enough to pay for the JNI call, the Java kernel otherwise).
 */
enum GemmBackend {
  /** The pure-Java kernels. */
  JAVA,
  /** The native BLAS, for every product. */
  NATIVE,
  /** The native BLAS for products of at least {@link #NATIVE_VOLUME} multiply-adds, if found. */
  AUTO;

  /** The system property that selects the backend. */
  static final String PROPERTY = "chainrule.blas";
  /**
   * Smallest {@code m · n · k} that auto sends to the native BLAS: below about 10³ the Java kernels
   * finish before the JNI call (≈ 0.2–0.5 µs) would.
   */
  static final long NATIVE_VOLUME = 1L << 10;

  private static final String SETTING = System.getProperty(PROPERTY, "auto");
  private static final GemmBackend CONFIGURED = parse(SETTING);

  /**
   * Returns the backend the system property selects.
   *
   * @throws IllegalStateException if the property holds anything but java, native or auto
   */
  static GemmBackend configured() {
    if (CONFIGURED == null) {
      throw new IllegalStateException("system property " + PROPERTY
          + " must be java, native or auto, but is '" + SETTING + "'");
    }
    return CONFIGURED;
  }

  /** Returns the backend named by {@code setting}, ignoring case and spaces, or null. */
  static GemmBackend parse(String setting) {
    switch (setting.trim().toLowerCase(Locale.ROOT)) {
      case "java":
        return JAVA;
      case "native":
        return NATIVE;
      case "auto":
        return AUTO;
      default:
        return null;
    }
  }

  /** Returns whether a product of {@code volume} multiply-adds goes to the native BLAS. */
  boolean usesNative(long volume) {
    switch (this) {
      case NATIVE:
        return true;
      case AUTO:
        return volume >= NATIVE_VOLUME && NativeGemm.available();
      default:
        return false;
    }
  }

  /** Describes what this backend runs large products on. */
  String describe() {
    if (this == JAVA) {
      return "Java kernel (" + PROPERTY + "=java)";
    }
    if (NativeGemm.available()) {
      return NativeGemm.status();
    }
    return this == NATIVE ? PROPERTY + "=native, but " + NativeGemm.status()
        : "Java kernel (" + NativeGemm.status() + ")";
  }
}
