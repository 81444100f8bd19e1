package dev.chainrule.nn.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Statistics of the initialisers on 200,000 draws. The mean of n draws with standard deviation s
 * has standard error s/√n ≈ 0.0022·s, and the sample variance is within a relative 0.3% (1 s.e.);
 * the bounds below are about 5 standard errors wide.
 */
class InitializersTest {
  private static final int N = 200_000;

  private static double[] draw(Initializer init, int fanIn, int fanOut, long seed) {
    Tensor t = Tensor.zeros(N / 100, 100);
    init.fillInPlace(t, fanIn, fanOut, RandomSource.seeded(seed));
    return t.buffer();
  }

  private static double mean(double[] x) {
    return Arrays.stream(x).average().orElseThrow();
  }

  private static double variance(double[] x) {
    double m = mean(x);
    return Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / x.length;
  }

  @Test
  void seed004sSmallGaussian() {
    double[] x = draw(Initializers.normal(0.01), 3, 4, 1);
    assertEquals(0, mean(x), 5 * 0.01 / Math.sqrt(N));
    assertEquals(1e-4, variance(x), 1e-4 * 0.02);
  }

  @Test
  void xavierUniformHasVarianceTwoOverFanInPlusFanOut() {
    double[] x = draw(Initializers.xavierUniform(), 300, 100, 2);
    double a = Math.sqrt(6.0 / 400);
    assertTrue(Arrays.stream(x).allMatch(v -> v >= -a && v < a));
    assertEquals(2.0 / 400, variance(x), 2.0 / 400 * 0.02);
    assertEquals(0, mean(x), 5 * a / Math.sqrt(3 * N));
  }

  @Test
  void xavierNormalAndHe() {
    assertEquals(2.0 / 400, variance(draw(Initializers.xavierNormal(), 300, 100, 3)),
        2.0 / 400 * 0.02);
    assertEquals(2.0 / 784, variance(draw(Initializers.heNormal(), 784, 256, 4)),
        2.0 / 784 * 0.02);
    double[] u = draw(Initializers.heUniform(), 784, 256, 5);
    double a = Math.sqrt(6.0 / 784);
    assertTrue(Arrays.stream(u).allMatch(v -> v >= -a && v < a));
    assertEquals(2.0 / 784, variance(u), 2.0 / 784 * 0.02);
  }

  /** Seed 001's random.random(): uniform on [0, 1), mean ½, variance 1/12. */
  @Test
  void uniformZeroOne() {
    double[] x = draw(Initializers.uniform(0, 1), 1, 1, 6);
    assertTrue(Arrays.stream(x).allMatch(v -> v >= 0 && v < 1));
    assertEquals(0.5, mean(x), 5 * Math.sqrt(1.0 / 12 / N));
    assertEquals(1.0 / 12, variance(x), 1.0 / 12 * 0.02);
    assertThrows(IllegalArgumentException.class, () -> Initializers.uniform(1, 1));
  }

  @Test
  void sameSeedSameNumbersOtherSeedOtherNumbers() {
    assertArrayEquals(draw(Initializers.heNormal(), 10, 10, 42),
        draw(Initializers.heNormal(), 10, 10, 42));
    assertFalse(Arrays.equals(draw(Initializers.heNormal(), 10, 10, 42),
        draw(Initializers.heNormal(), 10, 10, 43)));
  }

  @Test
  void constantsZerosAndExplicitValues() {
    Tensor t = Tensor.ones(2, 2);
    Initializers.zeros().fillInPlace(t, 2, 2, RandomSource.seeded(0));
    assertEquals(Tensor.zeros(2, 2), t);
    Initializers.constant(0.35).fillInPlace(t, 2, 2, RandomSource.seeded(0));
    assertEquals(0.35, t.get(1, 1));
    Tensor w = Tensor.matrix(new double[] {0.15, 0.20}, new double[] {0.25, 0.30});
    Initializers.values(w).fillInPlace(t, 2, 2, RandomSource.seeded(0));
    assertEquals(w, t);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Initializers.values(w).fillInPlace(Tensor.zeros(3, 2), 2, 3,
            RandomSource.seeded(0)));
    assertTrue(e.getMessage().contains("(2, 2)") && e.getMessage().contains("(3, 2)"));
  }

  @Test
  void forkedSourcesAreReproducibleAndIndependentOfLaterDraws() {
    RandomSource a = RandomSource.seeded(9);
    RandomSource fa = a.fork();
    RandomSource b = RandomSource.seeded(9);
    RandomSource fb = b.fork();
    b.nextGaussian();
    assertEquals(fa.nextGaussian(), fb.nextGaussian());
  }
}
