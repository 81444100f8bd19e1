package dev.chainrule.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Anomaly mode names the first node whose value is not finite, forward or backward, with its op,
 * shape, pass, user line and its inputs' statistics; off, the same runs return the non-finite
 * values silently. Expected statistics are worked out by hand from the fed values.
 */
class AnomalyTest {
  private final Graph g = new Graph();

  @AfterEach
  void off() {
    Anomaly.setEnabled(false);
  }

  private static int nextLine() {
    return StackWalker.getInstance().walk(s -> s.skip(1).findFirst()).orElseThrow()
        .getLineNumber() + 1;
  }

  private static void assertMentions(Throwable e, String... parts) {
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), () -> "'" + p + "' missing from:\n" + e.getMessage());
    }
  }

  @Test
  void logOfZeroInTheForwardPassNamesTheLogItsLineAndItsInput() {
    Node x = g.input("X", 1, 3);
    int line = nextLine();
    Node logX = x.log().named("logX");
    Node loss = logX.sum().named("L");
    Plan plan = Plan.compile(loss);
    Feeds feeds = Feeds.of(x, Tensor.row(1, 0, 2));
    assertEquals(Double.NEGATIVE_INFINITY, plan.run(feeds).scalar(loss), "off: silent -∞");
    AnomalyException e;
    try (Anomaly.Scope on = Anomaly.detect()) {
      e = assertThrows(AnomalyException.class, () -> plan.run(feeds));
    }
    assertSame(logX, e.node());
    assertFalse(e.isBackward());
    // X = (1, 0, 2): min 0, max 2, mean 1; log gives (0, −∞, log 2): one −∞ at flat index 1.
    assertMentions(e, "logX = log (1, 3) produced 1 -Infinity of 3 values",
        "first -Infinity at flat index 1", "forward pass",
        "built at AnomalyTest.java:" + line + " ",
        "input 1: X (input) (1, 3) min 0, max 2, mean 1, all finite");
    assertFalse(Anomaly.isEnabled(), "closing the scope restores the setting");
  }

  @Test
  void zeroOverZeroIsCaughtAtTheDivisionNotLater() {
    Node a = g.parameter("a", Tensor.row(3, -1));
    Node zero = a.sub(a).named("zero");
    int line = nextLine();
    Node q = zero.div(zero).named("q");
    Node loss = q.exp().sum().named("L");
    Anomaly.setEnabled(true);
    AnomalyException e = assertThrows(AnomalyException.class,
        () -> Plan.compile(loss).run(Feeds.none()));
    assertSame(q, e.node());
    assertMentions(e, "q = div (1, 2) produced 2 NaN of 2 values", "forward pass",
        "AnomalyTest.java:" + line + " ", "input 1: zero (sub) (1, 2) min 0, max 0, mean 0",
        "input 2: zero (sub) (1, 2)");
  }

  /**
   * L = Σ r ∘ √x with x = (0, 1, 4), r = (0, 1, 1): every forward value is finite, but the
   * derivative of √x is r / (2√x) = (0/0, 1/2, 1/4), NaN in the first place.
   */
  @Test
  void aNaNOnlyInTheBackwardPassNamesTheForwardOpItDifferentiates() {
    Node x = g.parameter("x", Tensor.of(new double[] {0, 1, 4}, 3));
    int sqrtLine = nextLine();
    Node s = x.sqrt().named("s");
    Node loss = s.mul(g.constant("r", Tensor.of(new double[] {0, 1, 1}, 3))).sum().named("L");
    try (Anomaly.Scope on = Anomaly.detect()) {
      assertEquals(3.0, Plan.compile(loss).run(Feeds.none()).scalar(loss), "forward is finite");
      int gradLine = nextLine();
      Node dx = Autodiff.grad(loss, x).get(0);
      Plan backward = Plan.compile(dx);
      AnomalyException e = assertThrows(AnomalyException.class, () -> backward.run(Feeds.none()));
      assertTrue(e.isBackward());
      assertSame(s, e.node().derivativeOf());
      assertMentions(e, "= div (3,) produced 1 NaN of 3 values", "first NaN at flat index 0",
          "backward pass, in the derivative of s = sqrt (3,) built at AnomalyTest.java:"
              + sqrtLine + " ",
          "gradient requested at AnomalyTest.java:" + gradLine + " ",
          "(3,) min 0, max 1, mean 0.666666667", "(3,) min 0, max 4, mean 2");
    }
    Node again = Autodiff.grad(loss, x).get(0);
    Tensor silent = Plan.compile(again).run(Feeds.none()).get(again);
    assertTrue(Double.isNaN(silent.get(0)), "off: the NaN comes out silently");
  }

  /** A parameter an update turned into NaN after the graph was built (NaN is refused at build). */
  @Test
  void aNonFiniteParameterIsPointedAtAsTheSource() {
    Node w = g.parameter("W", Tensor.row(1, 0, 2));
    Node y = w.mul(2.0).named("y");
    w.storedValue().buffer()[1] = Double.NaN;
    Anomaly.setEnabled(true);
    AnomalyException e = assertThrows(AnomalyException.class,
        () -> Plan.compile(y).run(Feeds.none()));
    assertMentions(e, "y = mul (1, 3) produced 1 NaN of 3 values",
        "input 1: W (parameter) (1, 3) min 1, max 2, mean 1.5, and 1 NaN of 3 values <- already "
            + "non-finite: the values came in through this parameter, not from mul");
  }

  @Test
  void finiteRunsAreUnaffected() {
    Node x = g.input("X", 2, 2);
    Node loss = x.tanh().square().sum();
    Node dx = Autodiff.grad(loss, x).get(0);
    Plan plan = Plan.compile(loss, dx);
    Tensor value = Tensor.matrix(new double[] {0.5, -1}, new double[] {2, 0});
    Tensor expected = plan.run(Feeds.of(x, value)).get(dx).copy();
    try (Anomaly.Scope on = Anomaly.detect()) {
      assertEquals(expected, plan.run(Feeds.of(x, value)).get(dx));
    }
  }
}
