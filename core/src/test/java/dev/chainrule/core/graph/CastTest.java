package dev.chainrule.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.testing.Float64OnlyOp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tensors and nodes of two dtypes: conversion both ways, the cast op, and mixing refused. */
class CastTest {
  private static final double[] VALUES = {0.1, -1.0 / 3, 1e-40, 3.4e38, 1e39, -0.0, 2.5};

  @Test
  void tensorsConvertBothWaysRoundingToTheNearestFloat() {
    Tensor d = Tensor.row(VALUES);
    Tensor f = d.to(DType.FLOAT32);
    assertEquals(DType.FLOAT32, f.dtype());
    for (int i = 0; i < VALUES.length; i++) {
      assertEquals((float) VALUES[i], f.floatBuffer()[i], 0f, "element " + i);
      assertEquals((double) (float) VALUES[i], f.get(0, i), 0.0, "read as a double");
    }
    assertEquals(Float.POSITIVE_INFINITY, f.floatBuffer()[4], 0f, "1e39 overflows float32");
    Tensor back = f.to(DType.FLOAT64);
    assertEquals(f, back.to(DType.FLOAT32), "float32 → float64 → float32 is exact");
    assertSame(d, d.to(DType.FLOAT64), "converting to its own dtype is a no-op");
  }

  @Test
  void storageOfTheOtherDTypeIsRefusedNamingTheAccessorToUse() {
    Tensor f = Tensor.ofFloats(new float[] {1, 2}, 2);
    IllegalStateException e = assertThrows(IllegalStateException.class, f::buffer);
    assertTrue(e.getMessage().contains("this tensor of shape (2,) is float32; read it with "
        + "floatBuffer() or convert it with to(DType.FLOAT64)"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> Tensor.row(1).floatBuffer());
  }

  @Test
  void castNodesConvertAndTheirGradientIsCastBack() {
    Graph g = new Graph();
    Node x = g.parameter("x", Tensor.row(VALUES[0], VALUES[1], VALUES[6]));
    Node f = x.cast(DType.FLOAT32);
    assertEquals(DType.FLOAT32, f.dtype());
    Tensor v = f.value();
    assertEquals(DType.FLOAT32, v.dtype());
    assertEquals((float) VALUES[1], v.floatBuffer()[1], 0f);
    Node loss = f.mul(f).sum();
    Node dx = Autodiff.grad(loss, x).get(0);
    assertEquals(DType.FLOAT64, dx.dtype(), "the gradient of a float64 parameter is float64");
    Tensor grad = dx.value();
    double[] expected = {2 * (float) VALUES[0], 2 * (float) VALUES[1], 2 * (float) VALUES[6]};
    for (int i = 0; i < expected.length; i++) {
      assertEquals((float) expected[i], grad.get(0, i), 0.0, "d(x²)/dx = 2x in float32");
    }
  }

  @Test
  void operandsOfTwoDTypesAreRefusedWithTheCastThatFixesIt() {
    Graph g = new Graph();
    Node a = g.parameter("a", Tensor.row(1, 2));
    Node b = g.parameter("b", Tensor.row(3, 4)).cast(DType.FLOAT32);
    DTypeException e = assertThrows(DTypeException.class, () -> a.add(b));
    String m = e.getMessage();
    assertTrue(m.startsWith("add of a float64, " + b.name() + " float32: the inputs of an "
        + "operation must have one dtype; cast one of them"), m);
    assertTrue(m.contains("CastTest.java"), m);
    assertEquals(DType.FLOAT32, b.mul(2).dtype(), "a literal takes its operand's dtype");
  }

  @Test
  void aParameterOfAnotherDTypeThanItsGraphIsRefused() {
    Graph g = new Graph(DType.FLOAT32);
    DTypeException e = assertThrows(DTypeException.class,
        () -> g.parameter("W", Tensor.row(1, 2)));
    assertTrue(e.getMessage().startsWith("parameter W holds a float64 tensor, but the graph "
        + "computes in float32; give it value.to(DType.FLOAT32)"), e.getMessage());
  }

  @Test
  void anOperationWithoutAFloat32KernelIsRefusedByNameAndTheCastWorkaroundRuns() {
    Graph g = new Graph(DType.FLOAT32);
    Node w = g.parameter("W", Tensor.ones(2, 2).to(DType.FLOAT32));
    Node y = g.apply(new Float64OnlyOp(), w).named("Y");
    DTypeException e = assertThrows(DTypeException.class, () -> Plan.compile(List.of(y)));
    assertTrue(e.getMessage().startsWith("Y = float64_only (2, 2) (built at "), e.getMessage());
    assertTrue(e.getMessage().contains("runs in float32, but float64_only has no float32 kernel "
        + "yet; cast its inputs with .cast(DType.FLOAT64)"), e.getMessage());
    Node viaFloat64 = g.apply(new Float64OnlyOp(), w.cast(DType.FLOAT64)).cast(DType.FLOAT32);
    assertEquals(1.0, viaFloat64.value().get(0, 0), 0.0, "the cast workaround runs");
  }

  /**
   * An input of the other dtype than its graph's enters a cast island directly: it is fed a
   * tensor of its own dtype and computes in it (0.1f + 0.2f in float, widened by the cast), and a
   * missing dtype is refused by name.
   */
  @Test
  void anInputMayHaveTheOtherDType() {
    Graph g = new Graph();
    Node x = g.input("x", DType.FLOAT32, 2);
    assertEquals(DType.FLOAT32, x.dtype());
    Node y = x.add(x.graph().scalar(0.2)).cast(DType.FLOAT64);
    Tensor got =
        Plan.compile(y).run(Feeds.of(x, Tensor.ofFloats(new float[] {0.1f, 1f}, 2))).get(y);
    assertEquals(Tensor.of(new double[] {0.1f + 0.2f, 1f + 0.2f}, 2), got);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> g.input("z", (DType) null, 2));
    assertTrue(e.getMessage().startsWith("input z needs a dtype, got null"), e.getMessage());
  }

  @Test
  void aLiteralBesideAFloat64IslandOfAFloat32GraphKeepsItsFloat64Value() {
    Graph g = new Graph(DType.FLOAT32);
    Node x = g.input("x", 2);
    Node tiny = x.cast(DType.FLOAT64).mul(1e-50);
    Node y = tiny.div(1e-50).cast(DType.FLOAT32);
    Tensor got = Plan.compile(y).run(Feeds.of(x, Tensor.ofFloats(new float[] {3f, -0.5f}, 2)))
        .get(y);
    assertEquals(3f, got.floatBuffer()[0], 0f, "1e-50 is 0 in float32; x·1e-50/1e-50 is x");
    assertEquals(-0.5f, got.floatBuffer()[1], 0f);
    Node third = x.cast(DType.FLOAT64).mul(1.0 / 3);
    double v = Plan.compile(third).run(Feeds.of(x, Tensor.ofFloats(new float[] {3f, 3f}, 2)))
        .get(third).toArray()[0];
    assertEquals(3 * (1.0 / 3), v, 0.0, "⅓ in float64, not (double) (float) ⅓");
  }
}
