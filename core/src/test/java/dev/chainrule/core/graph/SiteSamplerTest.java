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
 * few of them only: the first ones met in each context, then one reuse in sixteen to check, the
 * gap doubling while checks agree (up to one in 256) and shrinking back to sixteen whenever the
 * thread meets something new; lines that build the same operation on the same inputs after the
 * same line are told apart.
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
  void aGraphRebuiltAgainAndAgainIsWalkedLessAndLess() {
    Node x = new Graph().parameter("x", Tensor.scalar(0.5));
    for (int build = 0; build < 20; build++) {
      chainOnOneLine(x.graph(), 100);
    }
    long before = SiteSampler.walksOnThisThread();
    List<Node> built = new ArrayList<>();
    for (int build = 0; build < 100; build++) {
      built.addAll(chainOnOneLine(new Graph(), 100));
    }
    long walks = SiteSampler.walksOnThisThread() - before;
    for (Node n : built) {
      assertEquals(at(chainLine, "chainOnOneLine"), n.site(), n.toString());
    }
    assertTrue(walks < built.size() / 64, built.size() + " nodes of a warm loop took " + walks
        + " walks; fewer than one in 64 nodes was expected");
  }

  private static int chainLine;

  /** Builds y = tanh(y)·2 {@code steps} times in {@code g}; returns the nodes, all of one line. */
  private static List<Node> chainOnOneLine(Graph g, int steps) {
    Node y = g.size() > 0 ? g.node(0) : g.parameter("x", Tensor.scalar(0.5));
    List<Node> built = new ArrayList<>();
    chainLine = SourceLines.next();
    for (int i = 0; i < steps; i++) { y = y.tanh().mul(2.0); built.add(y.inputs().get(0)); built.add(y); }
    return built;
  }

  @Test
  void aSecondLineMetAfterSomethingNewIsToldApartWithinSixteenNodes() {
    assertToldApart(negateOnTwoLines(1000, 1200, true), SiteSampler.VERIFY_EVERY);
  }

  @Test
  void aSecondLineMetWithNothingNewIsToldApartWithinTheLongestGap() {
    assertToldApart(negateOnTwoLines(2000, 3000, false), SiteSampler.MOST_TRUSTED);
  }

  /** The nodes two lines built, and the lines. */
  private record TwoLines(List<Node> fromFirst, int first, List<Node> fromSecond, int second) {}

  /**
   * Negates exp(x) on a first line {@code firstOnly} times, then on a first and a second line
   * (one time in three and two in three) up to {@code total}: the same operation on the same
   * input right after the same line. With {@code somethingNew}, the second line is followed by
   * an operation the loop has not built before.
   */
  private static TwoLines negateOnTwoLines(int firstOnly, int total, boolean somethingNew) {
    Node x = new Graph().input("x", 2);
    int first = 0;
    int second = 0;
    List<Node> fromFirst = new ArrayList<>();
    List<Node> fromSecond = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      Node s = x.exp();
      if (i < firstOnly || i % 3 == 0) {
        first = SourceLines.next();
        fromFirst.add(s.neg());
      } else {
        second = SourceLines.next();
        fromSecond.add(s.neg());
        if (somethingNew) {
          s.abs();
        }
      }
    }
    return new TwoLines(fromFirst, first, fromSecond, second);
  }

  /**
   * Asserts that every node of the first line has its line, and that of the second line's nodes
   * fewer than {@code window} were given the first line's: only those built before the check
   * that told the lines apart, after which every node is walked.
   */
  private static void assertToldApart(TwoLines built, int window) {
    String secondSite = at(built.second(), "negateOnTwoLines");
    List<Node> fromSecond = built.fromSecond();
    long wrong = fromSecond.stream().filter(n -> !n.site().equals(secondSite)).count();
    assertTrue(wrong < window, wrong + " nodes of the second line were given the first line's "
        + "site; at most the reuses before one check may be");
    for (Node n : fromSecond.subList(window, fromSecond.size())) {
      assertEquals(secondSite, n.site(), "once told apart, always walked");
    }
    for (Node n : built.fromFirst()) {
      assertEquals(at(built.first(), "negateOnTwoLines"), n.site());
    }
  }
}
