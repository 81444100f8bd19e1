package dev.chainrule.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Feeds give each input one value: a second value for the same input is refused, not kept. */
class FeedsTest {
  private final Graph g = new Graph();
  private final Node x = g.input("X", 1, 2);
  private final Tensor a = Tensor.row(1, 2);
  private final Tensor b = Tensor.row(3, 4);

  @Test
  void feedingAnInputTwiceIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Feeds.of(x, a).with(x, b));
    assertEquals("input X (1, 2) is fed twice: it already has a value of shape (1, 2); feed each "
        + "input once, or use replacing(X, value) to change its value", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Feeds.of(x, a, x, b));
  }

  @Test
  void replacingChangesTheValueOfAnInputThatIsFed() {
    Feeds f = Feeds.of(x, a);
    assertSame(b, f.replacing(x, b).get(x));
    assertSame(a, f.get(x), "the original feeds are unchanged");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Feeds.none().replacing(x, b));
    assertEquals("input X (1, 2) is not fed, so there is no value to replace; give it one with "
        + "with(X, value)", e.getMessage());
  }
}
