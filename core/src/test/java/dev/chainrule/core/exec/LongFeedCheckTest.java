package dev.chainrule.core.exec;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A feed long enough to be scanned by two threads still reports a NaN or ∞ in either half. */
class LongFeedCheckTest {
  @Test
  void nonFiniteValuesInEitherPartOfALongFeedAreReported() {
    int n = FeedChecks.PARALLEL_LENGTH + 7;
    Graph g = new Graph();
    Node x = g.input("X", n);
    Plan plan = Plan.compile(List.of(x.mul(2.0)), ExecOptions.defaults().withThreads(2));
    Tensor t = Tensor.full(dev.chainrule.core.tensor.Shape.of(n), 0.5);
    plan.run(Feeds.of(x, t));
    for (int at : new int[] {3, n - 2}) {
      t.fillInPlace(0.5);
      t.buffer()[at] = at == 3 ? Double.NaN : Double.NEGATIVE_INFINITY;
      FeedException e = assertThrows(FeedException.class, () -> plan.run(Feeds.of(x, t)));
      assertTrue(e.getMessage().contains("at flat index " + at), e.getMessage());
    }
  }
}
