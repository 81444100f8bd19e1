package dev.chainrule.core.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.testing.ForkedJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program that multiplies large matrices prints nothing on standard error until its user turns
 * logging on; then the GEMM backend choice is one DEBUG line of
 * {@code dev.chainrule.core.tensor.Gemm} (through {@link System.Logger}, whose default backend is
 * java.util.logging).
 */
class GemmLoggingTest {
  /** A user's program: one product large enough for the native BLAS, if there is one. */
  public static final class Product {
    /** Multiplies two 64 × 64 matrices and prints one element. */
    public static void main(String[] args) {
      double[] a = new double[64 * 64];
      java.util.Arrays.fill(a, 1.0);
      double[] c = new double[64 * 64];
      Gemm.gemm(false, false, 64, 64, 64, 1.0, a, 0, 64, a, 0, 64, 0.0, c, 0, 64);
      System.out.println(c[0]);
    }
  }

  @Test
  void withoutLoggingConfiguredNothingReachesStandardError(@TempDir Path dir) throws Exception {
    ForkedJvm run = ForkedJvm.run(Product.class, dir, List.of());
    assertEquals(0, run.status(), run.err());
    assertEquals("64.0", run.out().strip());
    assertEquals("", run.err(), "a program that configured no logging printed on stderr");
  }

  @Test
  void atDebugTheBackendChoiceIsOneLine(@TempDir Path dir) throws Exception {
    Path config = debugConfig(dir);
    ForkedJvm run = ForkedJvm.run(Product.class, dir,
        List.of("-Djava.util.logging.config.file=" + config));
    assertEquals(0, run.status(), run.err());
    assertTrue(run.err().contains("FINE: chainrule GEMM: " + NativeGemm.status()), run.err());
    assertFalse(run.err().contains("INFO"), "the BLAS binding's own INFO line: " + run.err());
  }

  private static Path debugConfig(Path dir) throws IOException {
    return Files.writeString(dir.resolve("logging.properties"), String.join("\n",
        "handlers = java.util.logging.ConsoleHandler",
        "java.util.logging.ConsoleHandler.level = ALL",
        "dev.chainrule.level = FINE", ""));
  }
}
