package dev.chainrule.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.Shape;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class GeneratorsTest {
  private static final double EPS = 1e-12;

  @Test
  void xorIsTheFourPointsOfSeed001() {
    Dataset d = Generators.xor();
    assertArrayEquals(new double[] {0, 0, 0, 1, 1, 0, 1, 1}, d.features().toArray());
    assertArrayEquals(new double[] {0, 1, 1, 0}, d.targets().toArray());
    assertEquals(Shape.of(1, 4), d.targetsColumns().shape());
  }

  @Test
  void noiselessMoonsLieOnTheTwoHalfCircles() {
    Dataset d = Generators.moons(5, 0, 1);
    assertArrayEquals(new double[] {1, 0, 0, 1, -1, 0, 0, 0.5, 2, 0.5},
        d.features().toArray(), EPS);
    assertArrayEquals(new int[] {0, 0, 0, 1, 1}, d.labels());
    assertEquals(Shape.of(5, 1), d.targets().shape());
  }

  @Test
  void noiselessSpiralsFollowRadiusAndAngle() {
    Dataset d = Generators.spirals(6, 2, 0, 1);
    double[] x = d.features().toArray();
    assertArrayEquals(new double[] {0, 0, 0.5 * Math.sin(2), 0.5 * Math.cos(2), Math.sin(4),
        Math.cos(4)}, Arrays.copyOfRange(x, 0, 6), EPS);
    assertArrayEquals(new double[] {Math.sin(8), Math.cos(8)}, Arrays.copyOfRange(x, 10, 12),
        EPS);
    assertEquals(Shape.of(6, 2), d.targets().shape());
    assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1}, d.labels());
  }

  @Test
  void blobsWithoutSpreadSitOnTheirCentres() {
    Dataset d = Generators.blobs(4, 4, 0, 1);
    assertArrayEquals(new double[] {4, 0, 0, 4, -4, 0, 0, -4}, d.features().toArray(), EPS);
    assertArrayEquals(new int[] {0, 1, 2, 3}, d.labels());
  }

  @Test
  void flowerFollowsTheRoseFormula() {
    Dataset d = Generators.flower(400, 3);
    assertEquals(Shape.of(400, 2), d.features().shape());
    assertArrayEquals(new int[] {200, 200}, d.classCounts());
    SplittableRandom r = new SplittableRandom(3);
    double t = 0.2 * r.nextGaussian();
    double radius = 4 * Math.sin(4 * t) + 0.2 * r.nextGaussian();
    assertEquals(radius * Math.sin(t), d.features().get(0, 0), EPS);
    assertEquals(radius * Math.cos(t), d.features().get(0, 1), EPS);
    double[] x = d.features().toArray();
    for (int i = 0; i < 400; i++) {
      assertTrue(Math.hypot(x[2 * i], x[2 * i + 1]) < 5.5, "point " + i + " off the petals");
    }
  }

  @Test
  void sameSeedSamePointsOtherSeedOtherPoints() {
    assertEquals(Generators.flower(50, 1).features(), Generators.flower(50, 1).features());
    assertNotEquals(Generators.flower(50, 1).features(), Generators.flower(50, 2).features());
    assertEquals(Generators.moons(50, 0.1, 1).features(),
        Generators.moons(50, 0.1, 1).features());
    assertNotEquals(Generators.moons(50, 0.1, 1).features(),
        Generators.moons(50, 0.1, 2).features());
    assertEquals(Generators.spirals(60, 3, 0.2, 9).features(),
        Generators.spirals(60, 3, 0.2, 9).features());
    assertNotEquals(Generators.blobs(60, 3, 1, 9).features(),
        Generators.blobs(60, 3, 1, 10).features());
  }

  @Test
  void badArgumentsAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Generators.spirals(2, 3, 0.1, 1));
    assertTrue(e.getMessage().contains("n = 2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Generators.moons(10, -1, 1));
    assertTrue(e.getMessage().contains("-1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Generators.blobs(10, 0, 1, 1));
  }

  @Property(tries = 50)
  void classesAreBalancedAndShapesMatch(@ForAll @IntRange(min = 1, max = 6) int classes,
      @ForAll @IntRange(min = 6, max = 200) int n, @ForAll long seed) {
    for (Dataset d : new Dataset[] {Generators.spirals(n, classes, 0.2, seed),
        Generators.blobs(n, classes, 1, seed)}) {
      assertEquals(Shape.of(n, 2), d.features().shape());
      assertEquals(Shape.of(n, classes), d.targets().shape());
      int[] counts = d.classCounts();
      assertEquals(n, Arrays.stream(counts).sum());
      int spreadOfCounts = Arrays.stream(counts).max().orElseThrow()
          - Arrays.stream(counts).min().orElseThrow();
      assertTrue(spreadOfCounts <= 1, Arrays.toString(counts));
    }
    int[] moons = Generators.moons(n, 0.1, seed).classCounts();
    assertTrue(Math.abs(moons[0] - moons[1]) <= 1);
  }
}
