package dev.chainrule.core.testing;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Finite differences written for the tests (independent of {@code check.GradCheck}): Richardson
 * extrapolated central differences, D = (4·D(h/2) − D(h)) / 3 with D(h) = (φ(h) − φ(−h)) / 2h,
 * whose truncation error is O(h⁴·φ⁽⁵⁾) instead of O(h²·φ‴). With h = 1e-3 this is ≈ 1e-12·φ⁽⁵⁾,
 * and the rounding error is ≈ ε·|φ|/h ≈ 2e-13·|φ|, so values near 1e-6 relative are resolved.
 */
public final class FiniteDifferences {
  /** The default step: small against the margins (≥ 0.05) that samples keep from kinks. */
  public static final double STEP = 1e-3;

  private FiniteDifferences() {}

  /** Returns the Richardson-extrapolated central difference of φ at 0. */
  public static double derivative(DoubleUnaryOperator phi, double h) {
    double d1 = (phi.applyAsDouble(h) - phi.applyAsDouble(-h)) / (2 * h);
    double d2 = (phi.applyAsDouble(h / 2) - phi.applyAsDouble(-h / 2)) / h;
    return (4 * d2 - d1) / 3;
  }

  /**
   * Returns d{@code scalar}/d{@code moving} element by element, where {@code moving} is the live
   * tensor the plan reads (a parameter's stored value or a fed tensor); it is restored afterwards.
   */
  public static Tensor gradient(Plan plan, Node scalar, Tensor moving, Feeds feeds, double h) {
    double[] x = moving.buffer();
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      final int k = i;
      final double original = x[i];
      out[i] = derivative(t -> {
        x[k] = original + t;
        double v = plan.run(feeds).scalar(scalar);
        x[k] = original;
        return v;
      }, h);
    }
    return Tensor.of(out, moving.shape().dims());
  }

  /**
   * Returns the derivative of the values of {@code outputs} along a direction: every tensor in
   * {@code moving} moves by t·{@code direction} together (same extrapolation as {@link
   * #derivative}). The tensors are restored afterwards.
   */
  public static List<Tensor> directional(Plan plan, List<Node> outputs, List<Tensor> moving,
      List<Tensor> direction, Feeds feeds, double h) {
    List<Tensor> originals = new ArrayList<>();
    for (Tensor m : moving) {
      originals.add(m.copy());
    }
    double[] steps = {h, -h, h / 2, -h / 2};
    List<List<Tensor>> at = new ArrayList<>();
    for (double t : steps) {
      for (int i = 0; i < moving.size(); i++) {
        moving.get(i).addScaledInPlace(t, direction.get(i));
      }
      Results r = plan.run(feeds);
      List<Tensor> values = new ArrayList<>();
      for (Node out : outputs) {
        values.add(r.get(out).copy());
      }
      at.add(values);
      for (int i = 0; i < moving.size(); i++) {
        moving.get(i).copyFromInPlace(originals.get(i));
      }
    }
    List<Tensor> result = new ArrayList<>();
    for (int k = 0; k < outputs.size(); k++) {
      double[] up = at.get(0).get(k).toArray();
      double[] down = at.get(1).get(k).toArray();
      double[] halfUp = at.get(2).get(k).toArray();
      double[] halfDown = at.get(3).get(k).toArray();
      double[] d = new double[up.length];
      for (int e = 0; e < d.length; e++) {
        double d1 = (up[e] - down[e]) / (2 * h);
        double d2 = (halfUp[e] - halfDown[e]) / h;
        d[e] = (4 * d2 - d1) / 3;
      }
      result.add(Tensor.of(d, outputs.get(k).shape().dims()));
    }
    return result;
  }
}
