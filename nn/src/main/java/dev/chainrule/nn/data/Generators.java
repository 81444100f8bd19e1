package dev.chainrule.nn.data;

import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * Small synthetic classification sets for examples and tests: XOR, and planar (2-feature) sets
 * drawn from a {@link SplittableRandom} seeded by the caller, so a seed always gives the same
 * points. Samples come class after class; classes differ in size by at most one. The two-class
 * sets (XOR, flower, moons) have a single 0/1 target column for a sigmoid output, the k-class sets
 * (spirals, blobs) one-hot targets; {@link Dataset#withOneHotTargets()} and {@link
 * Dataset#withBinaryTargets()} convert between the two.
 */
public final class Generators {
  private static final double FLOWER_PETAL_LENGTH = 4.0;
  private static final double FLOWER_NOISE = 0.2;
  private static final double FLOWER_ANGLE_SPAN = 3.12;
  private static final double SPIRAL_TURN = 4.0;
  private static final double BLOB_RADIUS = 4.0;

  private Generators() {}

  /** Returns the four XOR points (0,0)→0, (0,1)→1, (1,0)→1, (1,1)→0, as in seed 001. */
  public static Dataset xor() {
    return Dataset.binary("xor", Tensor.matrix(new double[] {0, 0}, new double[] {0, 1},
        new double[] {1, 0}, new double[] {1, 1}), new int[] {0, 1, 1, 0});
  }

  /**
   * Returns the "flower" of planar-classification courses: two classes of {@code n} points in
   * all, each class a set of petals of the rose {@code r = 4·sin(4t)}, class j taking the angles
   * {@code t} from {@code 3.12·j} to {@code 3.12·(j+1)}, angle and radius each with Gaussian
   * noise of standard deviation 0.2; a point is {@code (r·sin t, r·cos t)}.
   */
  public static Dataset flower(int n, long seed) {
    checkCount("flower", n, 2);
    SplittableRandom random = new SplittableRandom(seed);
    Points p = new Points(n);
    for (int j = 0; j < 2; j++) {
      int size = classSize(n, 2, j);
      for (int i = 0; i < size; i++) {
        double t = linspace(j * FLOWER_ANGLE_SPAN, (j + 1) * FLOWER_ANGLE_SPAN, size, i)
            + FLOWER_NOISE * random.nextGaussian();
        double r = FLOWER_PETAL_LENGTH * Math.sin(4 * t) + FLOWER_NOISE * random.nextGaussian();
        p.add(r * Math.sin(t), r * Math.cos(t), j);
      }
    }
    return Dataset.binary("flower", p.features(), p.labels);
  }

  /**
   * Returns two interleaving half circles of {@code n} points in all: class 0 on the upper unit
   * half circle around (0, 0), class 1 on the lower one around (1, 0.5), each coordinate with
   * Gaussian noise of standard deviation {@code noise}.
   */
  public static Dataset moons(int n, double noise, long seed) {
    checkCount("moons", n, 2);
    checkNoise("moons", noise);
    SplittableRandom random = new SplittableRandom(seed);
    Points p = new Points(n);
    for (int j = 0; j < 2; j++) {
      int size = classSize(n, 2, j);
      for (int i = 0; i < size; i++) {
        double a = linspace(0, Math.PI, size, i);
        double x = j == 0 ? Math.cos(a) : 1 - Math.cos(a);
        double y = j == 0 ? Math.sin(a) : 0.5 - Math.sin(a);
        p.add(x + noise * random.nextGaussian(), y + noise * random.nextGaussian(), j);
      }
    }
    return Dataset.binary("moons", p.features(), p.labels);
  }

  /**
   * Returns {@code classes} interleaved spiral arms of {@code n} points in all: point i of a class
   * of m has radius {@code i/(m−1)} and angle from {@code 4·j} to {@code 4·(j+1)} for class j,
   * the angle with Gaussian noise of standard deviation {@code noise}; a point is {@code (r·sin t,
   * r·cos t)}.
   */
  public static Dataset spirals(int n, int classes, double noise, long seed) {
    checkClasses("spirals", classes);
    checkCount("spirals", n, classes);
    checkNoise("spirals", noise);
    SplittableRandom random = new SplittableRandom(seed);
    Points p = new Points(n);
    for (int j = 0; j < classes; j++) {
      int size = classSize(n, classes, j);
      for (int i = 0; i < size; i++) {
        double r = linspace(0, 1, size, i);
        double t = linspace(j * SPIRAL_TURN, (j + 1) * SPIRAL_TURN, size, i)
            + noise * random.nextGaussian();
        p.add(r * Math.sin(t), r * Math.cos(t), j);
      }
    }
    return Dataset.classification("spirals", p.features(), p.labels, classes, false);
  }

  /**
   * Returns {@code classes} round Gaussian clusters of {@code n} points in all, with standard
   * deviation {@code spread} around centres evenly spaced on the circle of radius 4: class j
   * around {@code (4·cos(2πj/k), 4·sin(2πj/k))}.
   */
  public static Dataset blobs(int n, int classes, double spread, long seed) {
    checkClasses("blobs", classes);
    checkCount("blobs", n, classes);
    checkNoise("blobs", spread);
    SplittableRandom random = new SplittableRandom(seed);
    Points p = new Points(n);
    for (int j = 0; j < classes; j++) {
      double angle = 2 * Math.PI * j / classes;
      double cx = BLOB_RADIUS * Math.cos(angle);
      double cy = BLOB_RADIUS * Math.sin(angle);
      for (int i = 0, size = classSize(n, classes, j); i < size; i++) {
        p.add(cx + spread * random.nextGaussian(), cy + spread * random.nextGaussian(), j);
      }
    }
    return Dataset.classification("blobs", p.features(), p.labels, classes, false);
  }

  /** Returns the size of class {@code j} when n points are shared as evenly as possible. */
  private static int classSize(int n, int classes, int j) {
    return n / classes + (j < n % classes ? 1 : 0);
  }

  /** Returns point {@code i} of {@code count} evenly spaced from {@code from} to {@code to}. */
  private static double linspace(double from, double to, int count, int i) {
    return count == 1 ? from : from + (to - from) * i / (count - 1);
  }

  private static void checkCount(String set, int n, int classes) {
    if (n < classes) {
      throw new IllegalArgumentException(set + " needs at least one point per class, so n >= "
          + classes + ", got n = " + n);
    }
  }

  private static void checkClasses(String set, int classes) {
    if (classes < 1) {
      throw new IllegalArgumentException(set + " needs at least 1 class, got " + classes);
    }
  }

  private static void checkNoise(String set, double noise) {
    if (!(noise >= 0) || Double.isInfinite(noise)) {
      throw new IllegalArgumentException(set + ": the noise standard deviation must be a finite "
          + "number 0 or more, got " + noise);
    }
  }

  /** An append-only buffer of 2-D points and their classes. */
  private static final class Points {
    private final double[] xy;
    private final int[] labels;
    private int count;

    Points(int n) {
      this.xy = new double[2 * n];
      this.labels = new int[n];
    }

    void add(double x, double y, int label) {
      xy[2 * count] = x;
      xy[2 * count + 1] = y;
      labels[count++] = label;
    }

    Tensor features() {
      return Tensor.wrap(Shape.of(count, 2), xy);
    }
  }
}
