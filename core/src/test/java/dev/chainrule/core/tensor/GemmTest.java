package dev.chainrule.core.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks {@link Gemm#gemm} in double and in float against a plain triple loop in double ({@link
 * GemmCase}), on the Java kernels and, where the machine has one, on the native BLAS.
 */
class GemmTest {
  private static final int[][] SHAPES = {
      {1, 1, 1}, {2, 2, 2}, {4, 3, 5}, {64, 10, 64}, {3, 7, 17}, {17, 33, 7}, {33, 65, 130},
      {65, 130, 33}, {130, 17, 65}, {7, 300, 257}, {257, 5, 300}, {130, 257, 513}, {8, 8, 8},
      {300, 1, 129}, {1, 300, 129}, {5, 6, 900}, {9, 3, 70}, {4, 520, 3}, {0, 3, 4}, {3, 0, 4},
      {3, 4, 0}, {16, 16, 16}, {15, 17, 31}, {3, 20, 9}, {20, 3, 9}, {1, 1, 700}};

  @AfterEach
  void restoreThreads() {
    Gemm.setThreads(Runtime.getRuntime().availableProcessors());
  }

  static Stream<Arguments> shapesAndTransposes() {
    List<Arguments> out = new ArrayList<>();
    for (String type : List.of("double", "float")) {
      for (GemmBackend backend : List.of(GemmBackend.JAVA, GemmBackend.NATIVE)) {
        for (int[] s : SHAPES) {
          for (int t = 0; t < 4; t++) {
            out.add(Arguments.of(type, backend, s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0));
          }
        }
      }
    }
    return out.stream();
  }

  static Stream<Arguments> largeShapes() {
    List<Arguments> out = new ArrayList<>();
    for (String type : List.of("double", "float")) {
      out.add(Arguments.of(type, 203, 530, 301));
      out.add(Arguments.of(type, 1500, 5, 301));
      out.add(Arguments.of(type, 9, 1100, 257));
    }
    return out.stream();
  }

  static Stream<Arguments> backends() {
    List<Arguments> out = new ArrayList<>();
    for (String type : List.of("double", "float")) {
      out.add(Arguments.of(type, GemmBackend.JAVA));
      out.add(Arguments.of(type, GemmBackend.NATIVE));
    }
    return out.stream();
  }

  private static void assumeAvailable(GemmBackend backend) {
    assumeTrue(backend != GemmBackend.NATIVE || NativeGemm.available(), NativeGemm::status);
  }

  @ParameterizedTest(name = "{0} {1} m={2} n={3} k={4} transA={5} transB={6}")
  @MethodSource("shapesAndTransposes")
  void matchesTripleLoopForEveryShapeAndTranspose(String type, GemmBackend backend, int m, int n,
      int k, boolean ta, boolean tb) {
    assumeAvailable(backend);
    new GemmCase(type.equals("float"), ta, tb, m, n, k, 0, 0, 0, 0, 0, 0,
        new Random(m * 31L + n * 7L + k)).runAndCheck(backend, 1.0, 0.0);
  }

  @ParameterizedTest(name = "{0} {1} m={2} n={3} k={4} transA={5} transB={6}")
  @MethodSource("shapesAndTransposes")
  void honoursOffsetsLeadingDimensionsAlphaAndBeta(String type, GemmBackend backend, int m, int n,
      int k, boolean ta, boolean tb) {
    assumeAvailable(backend);
    new GemmCase(type.equals("float"), ta, tb, m, n, k, 3, 5, 2, 4, 1, 9,
        new Random(m + 11L * n + 101L * k)).runAndCheck(backend, -1.75, 0.5);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("backends")
  void betaZeroIgnoresWhateverCHeld(String type, GemmBackend backend) {
    assumeAvailable(backend);
    GemmCase x = new GemmCase(type.equals("float"), false, true, 40, 50, 60, 0, 0, 0, 0, 0, 0,
        new Random(1));
    java.util.Arrays.fill(x.c, Double.NaN);
    x.runAndCheck(backend, 2.0, 0.0);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("backends")
  void betaOneAccumulatesIntoC(String type, GemmBackend backend) {
    assumeAvailable(backend);
    new GemmCase(type.equals("float"), true, false, 70, 30, 90, 1, 2, 3, 1, 2, 3, new Random(2))
        .runAndCheck(backend, 0.25, 1.0);
  }

  @Test
  void alphaZeroOnlyScalesCAndNeverReadsAOrB() {
    GemmCase x = new GemmCase(false, false, false, 9, 8, 7, 0, 0, 0, 0, 0, 0, new Random(3));
    java.util.Arrays.fill(x.a, Double.NaN);
    double[] expected = x.c.clone();
    for (int i = 0; i < 9 * 8; i++) {
      expected[i] *= 3.0;
    }
    Gemm.gemm(false, false, 9, 8, 7, 0.0, x.a, 0, x.lda, x.b, 0, x.ldb, 3.0, x.c, 0, x.ldc);
    assertArrayEquals(expected, x.c);
  }

  @Test
  void emptyInnerDimensionLeavesBetaTimesC() {
    double[] c = {1, 2, 3, 4};
    Gemm.gemm(false, false, 2, 2, 0, 1.0, new double[0], 0, 0, new double[0], 0, 2, -2.0, c, 0, 2);
    assertArrayEquals(new double[] {-2, -4, -6, -8}, c);
  }

  @Test
  void twoByTwoByHand() {
    double[] a = {1, 2, 3, 4};
    double[] b = {5, 6, 7, 8};
    double[] c = new double[4];
    Gemm.gemm(false, false, 2, 2, 2, 1.0, a, 0, 2, b, 0, 2, 0.0, c, 0, 2);
    assertArrayEquals(new double[] {19, 22, 43, 50}, c);
    Gemm.gemm(true, true, 2, 2, 2, 1.0, a, 0, 2, b, 0, 2, 0.0, c, 0, 2);
    assertArrayEquals(new double[] {23, 31, 34, 46}, c);
  }

  @Test
  void floatAlphaZeroOnlyScalesC() {
    float[] c = {1, 2, 3, 4};
    float[] nan = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
    Gemm.gemm(true, false, 2, 2, 2, 0f, nan, 0, 2, nan, 0, 2, -0.5f, c, 0, 2);
    assertArrayEquals(new float[] {-0.5f, -1, -1.5f, -2}, c);
  }

  @Test
  void floatTwoByTwoByHand() {
    float[] a = {1, 2, 3, 4};
    float[] b = {5, 6, 7, 8};
    float[] c = {1, 1, 1, 1};
    Gemm.gemm(false, true, 2, 2, 2, 2f, a, 0, 2, b, 0, 2, 0.5f, c, 0, 2);
    assertArrayEquals(new float[] {34.5f, 46.5f, 78.5f, 106.5f}, c);
  }

  @Test
  void smallAndNativeProductsAllocateNothingInEitherPrecision() {
    var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory
        .getThreadMXBean();
    double[] a = new double[64 * 64];
    double[] c = new double[64 * 64];
    float[] af = new float[64 * 64];
    float[] cf = new float[64 * 64];
    Runnable products = () -> {
      Gemm.gemm(false, true, 4, 3, 5, 1.0, a, 0, 5, a, 0, 5, 0.5, c, 0, 3);
      Gemm.gemm(true, false, 4, 3, 5, 1f, af, 0, 4, af, 0, 3, 0.5f, cf, 0, 3);
      Gemm.gemm(false, false, 64, 64, 64, 1.0, a, 0, 64, a, 0, 64, 0.0, c, 0, 64);
      Gemm.gemm(false, false, 64, 64, 64, 1f, af, 0, 64, af, 0, 64, 0f, cf, 0, 64);
    };
    for (int i = 0; i < 20_000; i++) {
      products.run();
    }
    long tid = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(tid);
    for (int i = 0; i < 1000; i++) {
      products.run();
    }
    long perRound = (threads.getThreadAllocatedBytes(tid) - before) / 1000;
    assertEquals(0, perRound, "bytes per round of products (" + Gemm.backend() + ")");
  }

  @Test
  void publicEntryPointUsesTheConfiguredBackend() {
    for (boolean single : new boolean[] {false, true}) {
      new GemmCase(single, false, false, 30, 40, 50, 0, 0, 0, 0, 0, 0, new Random(4))
          .runAndCheck(null, 1, 0);
    }
    assertTrue(Gemm.backend().contains(NativeGemm.available() ? "native" : "Java"),
        Gemm.backend());
  }

  @Test
  void forcingAMissingNativeBlasFailsNamingTheReason() {
    assumeFalse(NativeGemm.available(), "this machine has a native BLAS");
    var e = assertThrows(IllegalStateException.class, () -> Gemm.gemm(GemmBackend.NATIVE, false,
        false, 1, 1, 1, 1.0, new double[1], 0, 1, new double[1], 0, 1, 0.0, new double[1], 0, 1));
    assertTrue(e.getMessage().contains("chainrule.blas=native"), e.getMessage());
  }

  @Test
  void backendSettingIsReadLeniently() {
    assertEquals(GemmBackend.NATIVE, GemmBackend.parse(" Native "));
    assertEquals(GemmBackend.AUTO, GemmBackend.parse("auto"));
    assertEquals(null, GemmBackend.parse("openblas"));
  }

  @ParameterizedTest(name = "{0} m={1} n={2} k={3}")
  @MethodSource("largeShapes")
  void javaKernelResultIsBitIdenticalWhateverTheThreadCount(String type, int m, int n, int k) {
    for (int t = 0; t < 4; t++) {
      boolean ta = (t & 1) != 0;
      boolean tb = (t & 2) != 0;
      GemmCase x = new GemmCase(type.equals("float"), ta, tb, m, n, k, 1, 2, 3, 5, 1, 4,
          new Random(40 + t));
      assertTrue((long) x.m * x.n * x.k >= Gemm.PARALLEL_VOLUME);
      double[] c0 = x.c.clone();
      double[] one = x.run(GemmBackend.JAVA, 1, 1.5, 0.5);
      for (int threads : new int[] {2, 3, 8}) {
        x.c = c0.clone();
        assertArrayEquals(one, x.run(GemmBackend.JAVA, threads, 1.5, 0.5), "threads=" + threads);
      }
      x.c = c0.clone();
      x.check(x.run(GemmBackend.JAVA, 2, 1.5, 0.5), c0, 1.5, 0.5);
    }
  }

  @Property(tries = 60)
  void matchesTripleLoopOnRandomShapes(@ForAll @IntRange(min = 1, max = 70) int m,
      @ForAll @IntRange(min = 1, max = 70) int n, @ForAll @IntRange(min = 1, max = 70) int k,
      @ForAll boolean ta, @ForAll boolean tb, @ForAll @IntRange(max = 3) int pad,
      @ForAll boolean single) {
    new GemmCase(single, ta, tb, m, n, k, pad, pad, pad, pad + 1, 0, 2 * pad,
        new Random(m ^ n << 8 ^ k << 16)).runAndCheck(GemmBackend.JAVA, 1.0, 0.5);
  }

  @Test
  void rejectsNegativeSizesNamingThem() {
    var e = assertThrows(IllegalArgumentException.class, () -> Gemm.gemm(false, false, 2, -3, 1,
        1.0, new double[2], 0, 1, new double[0], 0, 0, 0.0, new double[0], 0, 0));
    assertTrue(e.getMessage().contains("n=-3"), e.getMessage());
  }

  @Test
  void rejectsALeadingDimensionSmallerThanTheRow() {
    var e = assertThrows(IllegalArgumentException.class, () -> Gemm.gemm(false, true, 2, 2, 3,
        1.0, new double[6], 0, 3, new double[6], 0, 2, 0.0, new double[4], 0, 2));
    assertTrue(e.getMessage().contains("B (2 × 3") && e.getMessage().contains("is 2"),
        e.getMessage());
  }

  @Test
  void rejectsAnOperandRunningPastItsArray() {
    var e = assertThrows(IllegalArgumentException.class, () -> Gemm.gemm(false, false, 2, 2, 2,
        1.0, new double[4], 1, 2, new double[4], 0, 2, 0.0, new double[4], 0, 2));
    assertTrue(e.getMessage().contains("needs 5 elements") && e.getMessage().contains("has 4"),
        e.getMessage());
  }

  @Test
  void rejectsAFloatOperandRunningPastItsArray() {
    var e = assertThrows(IllegalArgumentException.class, () -> Gemm.gemm(true, false, 3, 2, 2,
        1f, new float[6], 0, 3, new float[4], 0, 2, 0f, new float[5], 0, 2));
    assertTrue(e.getMessage().contains("operand C (3 × 2") && e.getMessage().contains("needs 6")
        && e.getMessage().contains("has 5"), e.getMessage());
  }

  @Test
  void rejectsANullFloatOperandNamingIt() {
    var e = assertThrows(NullPointerException.class, () -> Gemm.gemm(false, false, 2, 2, 2, 1f,
        null, 0, 2, new float[4], 0, 2, 0f, new float[4], 0, 2));
    assertTrue(e.getMessage().contains("operand A"), e.getMessage());
  }

  @Test
  void rejectsANullOperandNamingIt() {
    var e = assertThrows(NullPointerException.class, () -> Gemm.gemm(true, false, 2, 2, 2, 1.0,
        new double[4], 0, 2, null, 0, 2, 0.0, new double[4], 0, 2));
    assertTrue(e.getMessage().contains("operand B"), e.getMessage());
  }

  @Test
  void rejectsAThreadCountBelowOne() {
    var e = assertThrows(IllegalArgumentException.class, () -> Gemm.setThreads(0));
    assertTrue(e.getMessage().contains("got 0"), e.getMessage());
    assertEquals(Runtime.getRuntime().availableProcessors(), Gemm.threads());
  }
}
