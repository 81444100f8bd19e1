package dev.chainrule.core.graph.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ShapeException;
import dev.chainrule.core.tensor.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The axes of a reduction as a value, and the checks the reductions and softmaxes make with it. */
class AxesTest {
  private static final Shape T234 = Shape.of(2, 3, 4);

  @Test
  void negativeAxesCountFromTheEndAndAreSorted() {
    Axes a = Axes.of(T234, false, -1, 0);
    assertArrayEquals(new int[] {0, 2}, a.toArray());
    assertEquals(2, a.size());
    assertEquals(0, a.get(0));
    assertEquals(2, a.get(1));
    assertTrue(a.contains(2));
    assertFalse(a.contains(1));
  }

  /** −1 and 2 are the same axis of a rank-3 shape: NumPy refuses the pair, and so does Axes. */
  @Test
  void anAxisNamedTwiceIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Axes.of(T234, false, -1, 0, 2));
    assertEquals("axes [-1, 0, 2] name axis 2 of shape (2, 3, 4) twice; name each axis once",
        e.getMessage());
  }

  @Test
  void noAxesMeansEveryAxis() {
    assertArrayEquals(new int[] {0, 1, 2}, Axes.of(T234, true).toArray());
    assertArrayEquals(new int[] {}, Axes.of(Shape.scalar(), false).toArray());
  }

  @Test
  void anAxisOutsideTheShapeIsNamedWithTheShape() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Axes.of(T234, false, 0, -4));
    assertEquals("axis -4 does not exist in shape (2, 3, 4) of rank 3", e.getMessage());
  }

  @Test
  void equalAxesAreEqualValuesAndTheArrayIsACopy() {
    Axes a = Axes.of(T234, true, 2, 0);
    Axes b = Axes.of(T234, true, 0, -1);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, Axes.of(T234, false, 0, 2));
    assertNotEquals(a, Axes.of(T234, true, 0, 1));
    assertEquals(a, Axes.of(T234, false, 0, 2).keepingDims());
    a.toArray()[0] = 1;
    assertArrayEquals(new int[] {0, 2}, a.toArray());
    assertEquals(new Sum(a), new Sum(b));
    assertEquals(new Sum(a).hashCode(), new Sum(b).hashCode());
    assertNotEquals(new Sum(a), new Mean(a));
  }

  @Test
  void shapesCountsAndLabels() {
    Axes a = Axes.of(T234, false, 0, 2);
    assertEquals(Shape.of(3), a.reduce(T234));
    assertEquals(Shape.of(1, 3, 1), a.kept(T234));
    assertEquals(Shape.of(1, 3, 1), a.keepingDims().reduce(T234));
    assertEquals(8, a.count(T234));
    assertEquals("axes=[0, 2]", a.label());
    assertEquals("axes=0,2", a.formulaLabel());
    assertEquals("axis=1 keep", Axes.of(T234, true, 1).label());
    assertEquals("axis=1, keepdims", Axes.of(T234, true, 1).formulaLabel());
    assertEquals("[0, 2]", a.toString());
    assertEquals("Sum[axes=[1] keep]", new Sum(Axes.of(T234, true, 1)).toString());
  }

  /** A reduction's gradient or value comes back with the reduced axes as size 1, reshaped once. */
  @Test
  void withKeptDimsReshapesOnlyWhatDroppedTheAxes() {
    Graph g = new Graph();
    Node dropped = g.input("G", 3);
    Node kept = g.input("K", 1, 3, 1);
    Axes a = Axes.of(T234, false, 0, 2);
    Node reshaped = a.withKeptDims(dropped, T234);
    assertEquals(Shape.of(1, 3, 1), reshaped.shape());
    assertEquals(List.of(dropped), reshaped.inputs());
    assertTrue(kept == a.withKeptDims(kept, T234), "already kept: the node itself");
  }

  @Test
  void reductionsCheckTheirAxesAgainstTheInputsRank() {
    Graph g = new Graph();
    Node x = g.input("X", 2, 3);
    Axes ofRank3 = Axes.of(T234, false, 2);
    for (dev.chainrule.core.graph.Op op : List.of(new Sum(ofRank3), new Mean(ofRank3),
        new Max(ofRank3))) {
      ShapeException e = assertThrows(ShapeException.class, () -> g.apply(op, x));
      assertTrue(e.getMessage().contains(op.name() + " of X (2, 3): axis 2 does not exist in "
          + "shape (2, 3) of rank 2"), e.getMessage());
    }
  }

  @Test
  void softmaxesHoldTheirAxisCountedFromZero() {
    Graph g = new Graph();
    Node x = g.input("X", 2, 3);
    for (dev.chainrule.core.graph.Op op : List.of(new Softmax(-1), new LogSoftmax(2),
        new SoftmaxCrossEntropy(-1))) {
      Node[] in = op instanceof SoftmaxCrossEntropy ? new Node[] {x, x} : new Node[] {x};
      ShapeException e = assertThrows(ShapeException.class, () -> g.apply(op, in));
      assertTrue(e.getMessage().contains("does not exist in shape (2, 3) of rank 2"),
          e.getMessage());
    }
    assertEquals(Shape.of(2, 3), g.apply(new Softmax(1), x).shape());
    assertEquals(new Softmax(1), x.softmax(-1).op());
    assertEquals(new LogSoftmax(0), x.logSoftmax(-2).op());
    assertEquals("softmax axis=1", new Softmax(1).label());
    assertEquals("logsoftmax axis=0", new LogSoftmax(0).label());
  }
}
