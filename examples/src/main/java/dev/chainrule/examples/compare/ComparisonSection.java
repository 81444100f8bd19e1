package dev.chainrule.examples.compare;

import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.manual.GradientComparison;
import dev.chainrule.nn.manual.GradientDiff;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One comparison of autograd with a seed's formulas (as written where they are right, corrected
 * where the seed slips) on one network and cost.
 *
 * @param title what is compared, e.g. "one sample, J = −Σ_j 1(y=j) ln p(y=j) + ½λ(…)"
 * @param gradients one row per gradient
 */
public record ComparisonSection(String title, List<GradientDiff> gradients) {
  /** Keeps an unmodifiable copy of the rows. */
  public ComparisonSection {
    gradients = List.copyOf(gradients);
  }

  /**
   * Compares every gradient of {@code manual} with autograd's of the same name, in the manual
   * formulas' order, relative to the largest element of the section's autograd gradients;
   * throws naming a gradient autograd did not compute.
   */
  public static ComparisonSection of(String title, Map<String, Tensor> autograd,
      Map<String, Tensor> manual) {
    Map<String, Tensor> matching = new LinkedHashMap<>();
    manual.forEach((name, m) -> {
      Tensor a = autograd.get(name);
      if (a == null) {
        throw new IllegalArgumentException("the manual formulas give " + name
            + " but autograd computed only " + autograd.keySet());
      }
      matching.put(name, a);
    });
    List<GradientDiff> rows = GradientComparison.compareAll(matching, manual,
        GradientComparison.TOLERANCE);
    return new ComparisonSection(title, rows);
  }
}
