package dev.chainrule.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plans that add to parameters in place, against the sums worked out by hand. */
class AccumulationsTest {
  /**
   * W (2, 2) = [[1, 2], [3, 4]] gets s·Aᵀ·B with A = [[1, 0], [2, 1]], B = [[1, 1], [0, 2]]:
   * Aᵀ·B = [[1, 5], [0, 2]], so s = −0.5 gives [[0.5, −0.5], [3, 3]]; v (2,) = (1, 1) gets s·2·c
   * with c = (3, −1), giving (−2, 2). The first runs inside the GEMM, the second as an axpy.
   */
  @Test
  void parametersReceiveScaledIncrements() {
    for (ExecOptions options : List.of(ExecOptions.defaults(), ExecOptions.unoptimised())) {
      Graph g = new Graph();
      Node a = g.input("A", 2, 2);
      Node b = g.input("B", 2, 2);
      Node c = g.input("c", 2);
      Node w = g.parameter("W", Tensor.matrix(new double[] {1, 2}, new double[] {3, 4}));
      Node v = g.parameter("v", Tensor.of(new double[] {1, 1}, 2));
      Node sum = c.sum().named("sum");
      Plan plan = Plan.compile(List.of(sum),
          Accumulations.of(List.of(w, v), List.of(a.T().matmul(b), c.mul(2))), options);
      Feeds feeds = Feeds.of(a, Tensor.matrix(new double[] {1, 0}, new double[] {2, 1}), b,
          Tensor.matrix(new double[] {1, 1}, new double[] {0, 2})).with(c,
          Tensor.of(new double[] {3, -1}, 2));
      assertEquals(2.0, plan.run(feeds, -0.5).scalar(sum));
      assertEquals(Tensor.matrix(new double[] {0.5, -0.5}, new double[] {3, 3}), w.storedValue());
      assertEquals(Tensor.of(new double[] {-2, 2}, 2), v.storedValue());
      assertEquals(options.fuseUpdates(), plan.toString().contains("1 updates fused into GEMMs"),
          plan.toString());
    }
  }

  /** A guard that is not finite skips the run's additions; a finite one lets them through. */
  @Test
  void aGuardThatIsNotFiniteSkipsTheAdditions() {
    Graph g = new Graph();
    Node x = g.input("x", 1);
    Node w = g.parameter("w", Tensor.of(new double[] {5}, 1));
    Node loss = x.log().sum().named("L");
    Plan plan = Plan.compile(List.of(loss),
        Accumulations.of(List.of(w), List.of(x)).onlyIfFinite(loss), ExecOptions.defaults());
    plan.run(Feeds.of(x, Tensor.of(new double[] {0}, 1)), 1.0);
    assertEquals(5.0, w.storedValue().item(), "log 0 = −∞: nothing added");
    plan.run(Feeds.of(x, Tensor.of(new double[] {2}, 1)), 1.0);
    assertEquals(7.0, w.storedValue().item());
  }

  @Test
  void misusesAreRefusedInTheUsersWords() {
    Graph g = new Graph();
    Node x = g.input("x", 2);
    Node w = g.parameter("w", Tensor.of(new double[] {1, 2}, 2));
    Plan plan = Plan.compile(List.of(x.sum()), Accumulations.of(List.of(w), List.of(x)),
        ExecOptions.defaults());
    IllegalStateException noScale = assertThrows(IllegalStateException.class,
        () -> plan.run(Feeds.of(x, Tensor.of(new double[] {1, 1}, 2))));
    assertTrue(noScale.getMessage().contains("adds to parameters w in place")
        && noScale.getMessage().contains("run(feeds, scale)"), noScale.getMessage());
    IllegalArgumentException input = assertThrows(IllegalArgumentException.class,
        () -> Accumulations.of(List.of(x), List.of(w)));
    assertTrue(input.getMessage().contains("x is not a parameter"), input.getMessage());
    IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
        () -> Accumulations.of(List.of(w), List.of(x.sum())));
    assertTrue(shape.getMessage().contains("has shape () but parameter w has shape (2,)"),
        shape.getMessage());
  }
}
