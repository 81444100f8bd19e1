package dev.chainrule.core.tensor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks {@link NarrowNativeGemm}: which products it cuts, and that cutting C's rows or C's
 * columns, with the last block shorter than the rest, gives the triple loop's C ({@link GemmCase})
 * for every transpose, with offsets, padded rows, alpha and beta.
 */
class NarrowNativeGemmTest {
  /**
   * Narrow products cut by rows of C (n narrow; k narrow; n narrow and k long, 25 rows a block)
   * and by columns of C (k narrow, more columns than rows).
   */
  private static final int[][] CUTS = {{1030, 10, 257}, {1030, 257, 10}, {250, 10, 1031},
      {300, 1100, 9}};

  static Stream<Arguments> cutsAndTransposes() {
    List<Arguments> out = new ArrayList<>();
    for (boolean single : new boolean[] {false, true}) {
      for (int[] s : CUTS) {
        for (int t = 0; t < 4; t++) {
          out.add(Arguments.of(single, s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0));
        }
      }
    }
    return out.stream();
  }

  @Test
  void cutsTheOutputLayersProductsOfTheMlpButNotWideOrSmallOnes() {
    assertTrue(applies(1024, 10, 256), "A1 · W2");
    assertTrue(applies(1024, 256, 10), "dZ2 · W2ᵀ");
    assertTrue(applies(256, 10, 1024), "A1ᵀ · dZ2");
    assertFalse(applies(1024, 256, 784), "X · W1 is wide");
    assertFalse(applies(128, 128, 128), "a square product gains from the second thread");
    assertFalse(applies(64, 10, 256), "below the volume BLAS threads anyway");
    assertFalse(applies(16, 256, 784), "a small batch times a wide layer gains from threading");
    assertFalse(applies(2048, 2048, 16), "a narrow product this large gains from threading");
    assertFalse(applies(20, 16, 20000), "a block of 16 rows would still be threaded");
    assertTrue(applies(256, 16, 1024), "blocks of 16 rows, each exactly at the threshold");
  }

  @ParameterizedTest(name = "single={0} m={1} n={2} k={3} transA={4} transB={5}")
  @MethodSource("cutsAndTransposes")
  void blocksAddUpToTheWholeProduct(boolean single, int m, int n, int k, boolean ta,
      boolean tb) {
    assumeTrue(NativeGemm.available(), NativeGemm::status);
    assertTrue(applies(m, n, k));
    new GemmCase(single, ta, tb, m, n, k, 3, 5, 2, 4, 1, 9, new Random(m + 7L * n + 31L * k))
        .runAndCheck(GemmBackend.NATIVE, -1.75, 0.5);
  }

  @Test
  void blocksWithBetaZeroIgnoreWhateverCHeld() {
    assumeTrue(NativeGemm.available(), NativeGemm::status);
    GemmCase x = new GemmCase(false, true, false, 250, 10, 1031, 0, 0, 0, 0, 0, 0, new Random(5));
    Arrays.fill(x.c, Double.NaN);
    x.runAndCheck(GemmBackend.NATIVE, 2.0, 0.0);
  }

  private static boolean applies(int m, int n, int k) {
    return NarrowNativeGemm.applies(m, n, k, (long) m * n * k);
  }
}
