package dev.chainrule.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.testing.SourceLines;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Building in a loop records the user's exact line for every node while walking the stack for a
 * few of them only: the first ones met in each context, and one reuse in sixteen to check; lines
 * that build the same operation on the same inputs after the same line are told apart.
 */
class SiteSamplerTest {
  private static String at(int line, String method) {
    return "SiteSamplerTest.java:" + line + " (SiteSamplerTest." + method + ")";
  }

  @Test
  void aLoopRecordsTheExactLineOfEveryNodeWhileWalkingForFewOfThem() {
    Graph g = new Graph();
    Node x = g.parameter("x", Tensor.scalar(0.5));
    Node y = g.constant("c0", Tensor.scalar(1));
    List<Node> built = new ArrayList<>();
    long before = SiteSampler.walksOnThisThread();
    int line = SourceLines.next();
    for (int i = 1; i <= 1000; i++) { y = y.mul(x).add(g.constant("c" + i, Tensor.scalar(i))); built.add(y); }
    long walks = SiteSampler.walksOnThisThread() - before;
    String expected = at(line, "aLoopRecordsTheExactLineOfEveryNodeWhileWalkingForFewOfThem");
    for (Node n : g.nodes().subList(2, g.size())) {
      assertEquals(expected, n.site(), n.toString());
    }
    assertEquals(3002, g.size());
    assertTrue(walks < 3000 / 8, "3000 nodes built on one line took " + walks + " walks");
  }

  @Test
  void twoLinesBuildingTheSameOperationOnTheSameInputsAreToldApart() {
    Graph g = new Graph();
    Node x = g.input("x", 2);
    int first = 0;
    int second = 0;
    List<Node> fromFirst = new ArrayList<>();
    List<Node> fromSecond = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Node s = x.exp();
      if (i < 100 || i % 3 == 0) {
        first = SourceLines.next();
        fromFirst.add(s.neg());
      } else {
        second = SourceLines.next();
        fromSecond.add(s.neg());
      }
    }
    String method = "twoLinesBuildingTheSameOperationOnTheSameInputsAreToldApart";
    String secondSite = at(second, method);
    long wrong = fromSecond.stream().filter(n -> !n.site().equals(secondSite)).count();
    assertTrue(wrong < SiteSampler.VERIFY_EVERY, wrong + " nodes of the second line were given "
        + "the first line's site; at most the reuses before one check may be");
    for (Node n : fromSecond.subList(SiteSampler.VERIFY_EVERY, fromSecond.size())) {
      assertEquals(secondSite, n.site(), "once told apart, always walked");
    }
    for (Node n : fromFirst) {
      assertEquals(at(first, method), n.site());
    }
  }
}
