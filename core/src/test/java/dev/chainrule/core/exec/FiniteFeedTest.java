package dev.chainrule.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A value added by {@link Feeds#withFinite} is not scanned for NaN (the caller vouches for it),
 * but its shape and dtype are checked as any feed's, and a value that is converted, replaced or
 * added by {@link Feeds#with} is scanned.
 */
class FiniteFeedTest {
  private final Graph g = new Graph();
  private final Node x = g.input("X", 2, 3);
  private final Node y = g.input("Y", 2, 3);
  private final Plan plan = Plan.compile(List.of(x.mul(2.0).add(y)));

  private static Tensor withNaNAt(int at) {
    Tensor t = Tensor.full(Shape.of(2, 3), 0.25);
    t.buffer()[at] = Double.NaN;
    return t;
  }

  @Test
  void aVouchedValueComputesLikeAScannedOne() {
    Tensor a = Tensor.of(new double[] {1, -2, 3, 0.5, 5, -6}, 2, 3);
    Tensor b = Tensor.full(Shape.of(2, 3), 0.25);
    Tensor out =
        plan.run(Feeds.none().withFinite(x, a).withFinite(y, b)).get(plan.targets().get(0));
    assertEquals(Tensor.of(new double[] {2.25, -3.75, 6.25, 1.25, 10.25, -11.75}, 2, 3), out);
  }

  @Test
  void aVouchedValueIsNotScannedButAnOrdinaryOneIs() {
    Feeds vouched = Feeds.none().withFinite(x, withNaNAt(4)).with(y, Tensor.zeros(2, 3));
    Tensor out = plan.run(vouched).get(plan.targets().get(0));
    assertTrue(Double.isNaN(out.buffer()[4]), "the NaN the caller let through reaches the output");
    FeedException e = assertThrows(FeedException.class,
        () -> plan.run(Feeds.of(x, withNaNAt(4), y, Tensor.zeros(2, 3))));
    assertTrue(e.getMessage().contains("input X was fed NaN at flat index 4"), e.getMessage());
  }

  @Test
  void aVouchedValueStillHasItsShapeAndDtypeChecked() {
    FeedException shape = assertThrows(FeedException.class, () -> plan.run(
        Feeds.none().withFinite(x, Tensor.zeros(3, 2)).withFinite(y, Tensor.zeros(2, 3))));
    assertTrue(shape.getMessage().contains("declared with shape (2, 3) but was fed a tensor of "
        + "shape (3, 2)"), shape.getMessage());
    FeedException dtype = assertThrows(FeedException.class, () -> plan.run(Feeds.none()
        .withFinite(x, Tensor.zeros(Shape.of(2, 3), DType.FLOAT32)).withFinite(y,
            Tensor.zeros(2, 3))));
    assertTrue(dtype.getMessage().contains("was fed a float32 tensor"), dtype.getMessage());
  }

  @Test
  void aReplacedValueIsScannedAndDroppingUnusedFeedsKeepsTheVouch() {
    Feeds vouched = Feeds.none().withFinite(x, Tensor.zeros(2, 3)).withFinite(y,
        Tensor.zeros(2, 3));
    FeedException e = assertThrows(FeedException.class,
        () -> plan.run(vouched.replacing(y, withNaNAt(1))));
    assertTrue(e.getMessage().contains("input Y was fed NaN at flat index 1"), e.getMessage());
    Node unused = g.input("U", 1);
    Feeds more = vouched.replacing(x, withNaNAt(2)).withFinite(unused, Tensor.zeros(1));
    FeedException again = assertThrows(FeedException.class, () -> plan.run(more.usedBy(plan)));
    assertTrue(again.getMessage().contains("input X was fed NaN at flat index 2"),
        again.getMessage());
    Feeds kept = Feeds.none().withFinite(x, withNaNAt(0)).withFinite(y, Tensor.zeros(2, 3))
        .withFinite(unused, Tensor.zeros(1)).usedBy(plan);
    assertTrue(Double.isNaN(plan.run(kept).get(plan.targets().get(0)).buffer()[0]));
  }

  @Test
  void aConvertedValueIsScannedSinceFloat32CanOverflow() {
    Graph g32 = new Graph(DType.FLOAT32);
    Node in = g32.input("X", 2);
    Plan p = Plan.compile(List.of(in.mul(2.0)));
    Feeds converted = Feeds.converting().withFinite(in, Tensor.of(new double[] {1, 1e300}, 2));
    FeedException e = assertThrows(FeedException.class, () -> p.run(converted));
    assertTrue(e.getMessage().contains("input X was fed Infinity at flat index 1"),
        e.getMessage());
  }
}
