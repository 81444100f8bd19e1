package dev.chainrule.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.GraphMismatchException;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Runs that cannot start from their feeds fail with the names of what is wrong. */
class FeedErrorTest {
  private final Graph g = new Graph();
  private final int inputLine = nextLine();
  private final Node x = g.input("X", 2, 3);
  private final Node w = g.parameter("W", Tensor.ones(4, 2));
  private final Node z = w.matmul(x).named("Z");
  private final Plan plan = Plan.compile(z);

  private static int nextLine() {
    return StackWalker.getInstance().walk(s -> s.skip(1).findFirst()).orElseThrow()
        .getLineNumber() + 1;
  }

  private static void assertMentions(Throwable e, String... parts) {
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), () -> "'" + p + "' missing from: " + e.getMessage());
    }
  }

  @Test
  void missingFeedNamesTheInputItsShapeAndTheTargets() {
    FeedException e = assertThrows(FeedException.class, () -> plan.run(Feeds.none()));
    assertMentions(e, "input X (2, 3) has no value", "but Z depends on it:", "Feeds.of(X",
        "hold");
    Node e2 = z.exp().named("E");
    FeedException two = assertThrows(FeedException.class,
        () -> Plan.compile(z, e2).run(Feeds.none()));
    assertMentions(two, "but Z, E depend on it:");
  }

  @Test
  void wrongShapeNamesBothShapesAndWhereTheInputWasDeclared() {
    FeedException e = assertThrows(FeedException.class,
        () -> plan.run(Feeds.of(x, Tensor.zeros(3, 2))));
    assertMentions(e, "input X", "(2, 3)", "(3, 2)",
        "declared at FeedErrorTest.java:" + inputLine + " ");
  }

  @Test
  void nanAndInfinityAreRefusedWithTheirPosition() {
    Tensor bad = Tensor.zeros(2, 3);
    bad.buffer()[4] = Double.NaN;
    FeedException e = assertThrows(FeedException.class, () -> plan.run(Feeds.of(x, bad)));
    assertMentions(e, "input X", "NaN", "flat index 4", "(2, 3)");
    bad.buffer()[4] = 0;
    bad.buffer()[1] = Double.NEGATIVE_INFINITY;
    FeedException inf = assertThrows(FeedException.class, () -> plan.run(Feeds.of(x, bad)));
    assertMentions(inf, "input X", "-Infinity", "flat index 1");
  }

  @Test
  void feedingAParameterConstantOrOperationIsRefused() {
    Feeds base = Feeds.of(x, Tensor.zeros(2, 3));
    FeedException p = assertThrows(FeedException.class,
        () -> plan.run(base.with(w, Tensor.zeros(4, 2))));
    assertMentions(p, "W is a parameter, not an input");
    FeedException o = assertThrows(FeedException.class,
        () -> plan.run(base.with(z, Tensor.zeros(4, 3))));
    assertMentions(o, "Z is an operation, not an input");
    Node c = g.constant("C", Tensor.ones(1));
    FeedException k = assertThrows(FeedException.class,
        () -> plan.run(base.with(c, Tensor.ones(1))));
    assertMentions(k, "C is a constant");
  }

  @Test
  void nodesOfAnotherGraphAreRefusedInFeedsAndPlans() {
    Graph other = new Graph();
    Node foreign = other.input("X", 2, 3);
    GraphMismatchException f = assertThrows(GraphMismatchException.class,
        () -> plan.run(Feeds.of(x, Tensor.zeros(2, 3)).with(foreign, Tensor.zeros(2, 3))));
    assertMentions(f, "fed node X belongs to another graph", "Z");
    Node y = foreign.exp().named("Y");
    int line = nextLine();
    GraphMismatchException p = assertThrows(GraphMismatchException.class, () -> Plan.compile(z, y));
    assertMentions(p, "Z and Y belong to different graphs", "FeedErrorTest.java:" + line + " ");
    Results r = plan.run(Feeds.of(x, Tensor.zeros(2, 3)));
    IllegalArgumentException get = assertThrows(IllegalArgumentException.class, () -> r.get(y));
    assertMentions(get, "Y was not computed by this plan");
  }

  @Test
  void anExtraFeedOfAnInputThePlanDoesNotUseIsRefused() {
    int line = nextLine();
    Node y = g.input("Y", 4, 3);
    Feeds both = Feeds.of(x, Tensor.zeros(2, 3), y, Tensor.zeros(4, 3));
    FeedException e = assertThrows(FeedException.class, () -> plan.run(both));
    assertMentions(e, "input Y (4, 3) was fed, but Z does not depend on it",
        "declared at FeedErrorTest.java:" + line + " ", "The plan's inputs are X",
        "feeds.usedBy(plan)");
    Node loss = z.sub(y).square().sum().named("J");
    Plan training = Plan.compile(loss);
    assertEquals(0.0, training.run(both).scalar(loss), "the same feeds fit a plan using both");
    assertEquals(plan.run(Feeds.of(x, Tensor.zeros(2, 3))).get(z),
        plan.run(both.usedBy(plan)).get(z), "usedBy drops what the plan does not use");
  }

  /** The usual cause of an extra feed: the input was declared twice and the wrong one was fed. */
  @Test
  void feedingADuplicateOfTheInputThePlanUsesSaysSo() {
    int line = nextLine();
    Node again = g.input("X", 2, 3);
    FeedException e = assertThrows(FeedException.class,
        () -> plan.run(Feeds.of(again, Tensor.zeros(2, 3))));
    assertMentions(e, "input X (2, 3) was fed, but Z does not depend on it",
        "(declared at FeedErrorTest.java:" + line + " ",
        "The plan uses another input of the same name (declared at FeedErrorTest.java:"
            + inputLine + " ");
  }

  @Test
  void emptyPlansAndIncompleteFeedsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Plan.compile(new Node[0]));
    assertThrows(IllegalArgumentException.class, () -> Feeds.of(x, null));
    assertThrows(IllegalArgumentException.class, () -> Feeds.of(null, Tensor.zeros(2, 3)));
  }
}
