package dev.chainrule.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.graph.ops.Tanh;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.testing.SourceLines;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Where nodes say they were built: the user's own line, found cheaply and shared per line. */
class CreationSiteTest {
  private static String at(int line, String method) {
    return "CreationSiteTest.java:" + line + " (CreationSiteTest." + method + ")";
  }

  @Test
  void nodesRecordTheLineThatBuiltThem() {
    Graph g = new Graph();
    int line = SourceLines.next();
    Node x = g.input("x", 2, 3);
    Node y = x.exp();
    assertEquals(at(line, "nodesRecordTheLineThatBuiltThem"), x.site());
    assertEquals(at(line + 1, "nodesRecordTheLineThatBuiltThem"), y.site());
  }

  @Test
  void nodesBuiltOnOneLineShareOneSiteString() {
    Graph g = new Graph();
    Node y = g.parameter("x", Tensor.scalar(1));
    List<Node> chain = new ArrayList<>();
    int line = SourceLines.next();
    for (int i = 0; i < 3; i++) { y = y.mul(2.0); chain.add(y); }
    assertEquals(at(line, "nodesBuiltOnOneLineShareOneSiteString"), chain.get(0).site());
    assertSame(chain.get(0).site(), chain.get(2).site());
  }

  @Test
  void twoCallsOnOneLineShareTheLineAndItsString() {
    Graph g = new Graph();
    Node x = g.input("x", 2);
    int line = SourceLines.next();
    Node p = x.exp(); Node q = x.neg().tanh();
    assertEquals(at(line, "twoCallsOnOneLineShareTheLineAndItsString"), p.site());
    assertSame(p.site(), q.site());
    assertSame(p.site(), q.inputs().get(0).site());
  }

  @Test
  void aLambdaRecordsTheLineOfItsBodyWhereverItIsCalled() {
    Graph g = new Graph();
    Node x = g.input("x", 2);
    int body = SourceLines.next();
    UnaryOperator<Node> activation = v -> v.tanh();
    List<Node> built = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      built.add(activation.apply(x));
      built.add(activation.apply(x.exp()).neg());
    }
    String prefix = "CreationSiteTest.java:" + body + " (CreationSiteTest.lambda$";
    for (Node n : built) {
      Node tanh = n.op() == Tanh.INSTANCE ? n : n.inputs().get(0);
      assertTrue(tanh.site().startsWith(prefix), tanh.site());
    }
  }

  @Test
  void aMethodReferenceRecordsTheLineThatCallsIt() {
    Graph g = new Graph();
    Node x = g.input("x", 2);
    UnaryOperator<Node> activation = Node::tanh;
    int first = 0;
    int second = 0;
    List<Node> fromFirst = new ArrayList<>();
    List<Node> fromSecond = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      first = SourceLines.next();
      fromFirst.add(activation.apply(x));
      second = SourceLines.next();
      fromSecond.add(activation.apply(x));
    }
    String method = "aMethodReferenceRecordsTheLineThatCallsIt";
    for (int i = 0; i < fromFirst.size(); i++) {
      assertEquals(at(first, method), fromFirst.get(i).site(), "first line, pass " + i);
      assertEquals(at(second, method), fromSecond.get(i).site(), "second line, pass " + i);
    }
  }

  @Test
  void aHelperCalledFromTwoPlacesRecordsItsOwnLineAndTheCallersTheirs() {
    Graph g = new Graph();
    Node x = g.input("x", 2);
    int first = 0;
    int second = 0;
    List<Node> fromFirst = new ArrayList<>();
    List<Node> fromSecond = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      first = SourceLines.next();
      fromFirst.add(squareOf(x).exp());
      second = SourceLines.next();
      fromSecond.add(squareOf(x).exp());
    }
    String method = "aHelperCalledFromTwoPlacesRecordsItsOwnLineAndTheCallersTheirs";
    String helper = at(squareLine, "squareOf");
    for (int i = 0; i < fromFirst.size(); i++) {
      assertEquals(at(first, method), fromFirst.get(i).site(), "first caller, pass " + i);
      assertEquals(at(second, method), fromSecond.get(i).site(), "second caller, pass " + i);
      assertEquals(helper, fromFirst.get(i).inputs().get(0).site());
      assertEquals(helper, fromSecond.get(i).inputs().get(0).site());
    }
  }

  private static int squareLine;

  private static Node squareOf(Node v) {
    squareLine = SourceLines.next();
    return v.mul(v);
  }

  @Test
  void overloadsAtTheSameBytecodeOffsetKeepTheirOwnLines() {
    Graph g = new Graph();
    Node x = g.input("x", 2);
    Node a = build(x, 1);
    Node b = build(x, "s");
    assertEquals(at(buildIntLine, "build"), a.site());
    assertEquals(at(buildStringLine, "build"), b.site());
  }

  private static int buildIntLine;
  private static int buildStringLine;

  private static Node build(Node x, int ignored) {
    buildIntLine = SourceLines.next();
    return x.neg();
  }

  private static Node build(Node x, String ignored) {
    buildStringLine = SourceLines.next();
    return x.neg();
  }

  @Test
  void gradientNodesRecordTheLineThatAskedForTheGradient() {
    Graph g = new Graph();
    Node w = g.parameter("w", Tensor.of(new double[] {1, 2}, 2));
    Node loss = w.square().sigmoid().sum();
    int line = SourceLines.next();
    Node dw = Autodiff.grad(loss, w).get(0);
    String expected = at(line, "gradientNodesRecordTheLineThatAskedForTheGradient");
    int checked = 0;
    for (Node n : g.nodes()) {
      if (n.isGradient()) {
        assertEquals(expected, n.site(), n.toString());
        checked++;
      }
    }
    assertEquals(expected, dw.site());
    assertEquals(true, checked > 5, "the pass built " + checked + " nodes");
  }

  @Test
  void recordingCanBeTurnedOffAndUnnamedNodesGetReadableDefaults() {
    Graph g = new Graph();
    Node x = g.input("x", 2);
    CreationSite.setEnabled(false);
    Node y;
    try {
      y = x.tanh();
    } finally {
      CreationSite.setEnabled(true);
    }
    assertNull(y.site());
    assertEquals("tanh_" + y.id(), y.name());
    assertEquals(false, y.isUserNamed());
    assertEquals("A", y.named("A").name());
  }
}
