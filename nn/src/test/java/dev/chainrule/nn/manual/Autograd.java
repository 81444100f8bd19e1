package dev.chainrule.nn.manual;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.autodiff.Gradients;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Test helper: autograd's gradients and adjoints by name, and seeded random tensors. */
final class Autograd {
  private Autograd() {}

  /**
   * Returns d loss / d node for every entry of {@code wrt} (parameters) and {@code adjointsOf}
   * (forward nodes), under the entry's name, evaluated once.
   */
  static Map<String, Tensor> of(Node loss, Map<String, Node> wrt, Map<String, Node> adjointsOf) {
    Gradients pass = Autodiff.gradients(loss, new ArrayList<>(wrt.values()));
    Map<String, Node> targets = new LinkedHashMap<>();
    wrt.forEach((name, node) -> targets.put(name, pass.of(node)));
    adjointsOf.forEach((name, node) -> targets.put(name, pass.adjoint(node)));
    Results r = Plan.compile(List.copyOf(targets.values())).run(Feeds.none());
    Map<String, Tensor> out = new LinkedHashMap<>();
    targets.forEach((name, node) -> out.put(name, r.get(node).copy()));
    return out;
  }

  /** Returns a tensor of independent standard normal values times {@code scale}. */
  static Tensor normal(Random rng, double scale, int... dims) {
    int n = 1;
    for (int d : dims) {
      n *= d;
    }
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = rng.nextGaussian() * scale;
    }
    return Tensor.of(v, dims);
  }

  /** Returns random one-hot indicators 1(y): one 1 per sample along {@code classAxis}. */
  static Tensor oneHot(Random rng, int classes, int samples, int classAxis) {
    Tensor t = classAxis == 0 ? Tensor.zeros(classes, samples) : Tensor.zeros(samples, classes);
    for (int i = 0; i < samples; i++) {
      int c = rng.nextInt(classes);
      t.buffer()[classAxis == 0 ? c * samples + i : i * classes + c] = 1;
    }
    return t;
  }

  /** Returns random 0/1 labels of the given shape. */
  static Tensor bits(Random rng, int... dims) {
    Tensor t = Tensor.zeros(dims);
    for (int i = 0; i < t.size(); i++) {
      t.buffer()[i] = rng.nextBoolean() ? 1 : 0;
    }
    return t;
  }

  /** Asserts agreement to 1e-12 relative (normwise) with a message naming the gradient. */
  static void assertAgrees(String what, Tensor autograd, Tensor manual) {
    GradientDiff d = GradientComparison.compare(what, autograd, manual, 1e-12);
    org.junit.jupiter.api.Assertions.assertTrue(d.agrees(), () -> what + ": " + d);
  }

  /** Asserts that {@code autograd} = factor · {@code manual} to 1e-12 and that they differ. */
  static void assertFactor(String what, double factor, Tensor autograd, Tensor manual) {
    org.junit.jupiter.api.Assertions.assertFalse(
        GradientComparison.compare(what, autograd, manual, 1e-6).agrees(), what + " should differ");
    double r = GradientComparison.commonFactor(autograd, manual, 1e-12);
    org.junit.jupiter.api.Assertions.assertEquals(factor, r, 1e-9 * factor,
        what + ": autograd / manual");
  }
}
