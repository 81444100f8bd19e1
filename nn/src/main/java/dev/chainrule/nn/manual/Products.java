package dev.chainrule.nn.manual;

import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/** Matrix products evaluated left to right as a seed writes them, failing in the seed's terms. */
final class Products {
  private Products() {}

  /**
   * Returns {@code factors[0] · factors[1] · …}, or throws a {@link FormulaShapeException} quoting
   * {@code formula} and all factor shapes when two neighbours do not conform.
   */
  static Tensor chain(String formula, Tensor... factors) {
    List<Shape> shapes = new ArrayList<>();
    for (Tensor f : factors) {
      shapes.add(f.shape());
    }
    Tensor result = factors[0];
    for (int i = 1; i < factors.length; i++) {
      Shape left = result.shape();
      Shape right = factors[i].shape();
      if (left.rank() != 2 || right.rank() != 2 || left.dim(1) != right.dim(0)) {
        throw new FormulaShapeException(formula, shapes, "the product " + left + " · " + right
            + " does not conform (inner dimensions " + (left.rank() == 2 ? left.dim(1) : -1)
            + " and " + (right.rank() == 2 ? right.dim(0) : -1) + " differ)");
      }
      result = result.matmul(factors[i]);
    }
    return result;
  }
}
