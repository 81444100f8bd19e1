package dev.chainrule.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Errors at construction, in the user's words: the exception is thrown by the line that builds the
 * bad node and names the operation, the inputs' names and shapes, and that line of this file.
 */
class ConstructionErrorTest {
  private final Graph g = new Graph();
  private final Node x = g.input("X", 2, 3);
  private final Node b = g.parameter("b", Tensor.zeros(4));

  /** Returns the line after the caller's: computed here, independently of CreationSite. */
  private static int nextLine() {
    return StackWalker.getInstance().walk(s -> s.skip(1).findFirst()).orElseThrow()
        .getLineNumber() + 1;
  }

  private static void assertMentions(Throwable e, String... parts) {
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), () -> "'" + p + "' missing from: " + e.getMessage());
    }
  }

  private static <T extends Throwable> T thrownAt(Class<T> type, int line, Executable build) {
    T e = assertThrows(type, build);
    assertMentions(e, "ConstructionErrorTest.java:" + line + " ");
    return e;
  }

  @Test
  void broadcastMismatchNamesOpShapesNodesAndLine() {
    int line = nextLine();
    ShapeException e = thrownAt(ShapeException.class, line, () -> x.add(b));
    assertMentions(e, "add", "X (2, 3)", "b (4,)", "do not broadcast");
  }

  @Test
  void everyBinaryElementwiseOpNamesItselfBothInputsAndTheLine() {
    int line = nextLine();
    List<Executable> builds = List.of(() -> x.sub(b), () -> x.mul(b), () -> x.div(b),
        () -> x.gt(b), () -> x.ge(b), () -> x.lt(b), () -> x.le(b), () -> x.eq(b),
        () -> g.apply(dev.chainrule.core.graph.ops.SigmoidCrossEntropy.INSTANCE, x, b));
    String[] ops = {"sub", "mul", "div", "gt", "ge", "lt", "le", "eq", "sigmoid_cross_entropy"};
    int[] lineOf = {0, 0, 0, 1, 1, 1, 1, 1, 2};
    for (int i = 0; i < builds.size(); i++) {
      ShapeException e = thrownAt(ShapeException.class, line + lineOf[i], builds.get(i));
      assertMentions(e, ops[i] + " of X (2, 3) and b (4,)", "do not broadcast");
    }
  }

  @Test
  void matrixProductMismatchNamesTheInnerDimensions() {
    Node w = g.parameter("W[1]", Tensor.zeros(2, 3)).named("W[1]");
    int line = nextLine();
    ShapeException e = thrownAt(ShapeException.class, line, () -> w.matmul(x));
    assertMentions(e, "matmul", "W[1] (2, 3)", "X (2, 3)", "inner dimensions 3 and 2");
    int line2 = nextLine();
    ShapeException t = thrownAt(ShapeException.class, line2, () -> w.matmul(true, x, true));
    assertMentions(t, "(2, 3)ᵀ = (3, 2)", "inner dimensions 2 and 3");
  }

  @Test
  void operandsThatAreNotMatricesAreRefused() {
    int line = nextLine();
    ShapeException e = thrownAt(ShapeException.class, line, () -> b.matmul(x));
    assertMentions(e, "matmul", "b (4,)", "rank 2");
  }

  @Test
  void badAxesAndShapesOfEveryShapedOpAreShapeErrors() {
    Node a = x.tanh().named("A");
    int line = nextLine();
    List<Executable> builds = List.of(() -> a.sum(2), () -> a.meanKeepDims(-3), () -> a.max(5),
        () -> a.softmax(2), () -> a.logSoftmax(-3), () -> a.reshape(4, 2), () -> a.reshape(-1, 6),
        () -> a.transpose(0, 0), () -> a.transpose(0), () -> a.broadcastTo(Shape.of(3, 3)),
        () -> a.broadcastTo(Shape.of(3)), () -> a.sum(1, -1));
    String[] ops = {"sum", "mean", "max", "softmax", "log_softmax", "reshape", "reshape",
        "transpose", "transpose", "broadcast", "broadcast", "sum"};
    int[] lineOf = {0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 3, 3};
    for (int i = 0; i < builds.size(); i++) {
      ShapeException e = thrownAt(ShapeException.class, line + lineOf[i], builds.get(i));
      assertMentions(e, ops[i] + " of A (2, 3)");
    }
    assertMentions(assertThrows(ShapeException.class, () -> a.sum(1, -1)),
        "axes [1, -1] name axis 1 of shape (2, 3) twice");
  }

  @Test
  void whereNamesAllThreeInputs() {
    Node c = x.gt(0.0).named("C");
    Node other = g.input("Y", 3, 2);
    int line = nextLine();
    ShapeException e = thrownAt(ShapeException.class, line, () -> c.where(x, other));
    assertMentions(e, "where", "C (2, 3)", "X (2, 3)", "Y (3, 2)");
  }

  @Test
  void nodesOfAnotherGraphCannotBeCombined() {
    Node foreign = new Graph().input("Z", 2, 3);
    int line = nextLine();
    GraphMismatchException e = thrownAt(GraphMismatchException.class, line, () -> x.mul(foreign));
    assertMentions(e, "mul", "Z", "another graph");
  }

  @Test
  void unnamedLeavesAndBlankNamesAreRefused() {
    int line = nextLine();
    IllegalArgumentException e = thrownAt(IllegalArgumentException.class, line + 1,
        () -> g.input(" ", 2));
    assertMentions(e, "input", "needs a name");
    assertThrows(IllegalArgumentException.class, () -> x.named(""));
    assertEquals("X", x.name());
  }

  @Test
  void holdingAValueChecksItsShapeAndKind() {
    int line = nextLine();
    ShapeException e = thrownAt(ShapeException.class, line, () -> x.hold(Tensor.zeros(3, 2)));
    assertMentions(e, "X", "(2, 3)", "(3, 2)");
    IllegalStateException s = assertThrows(IllegalStateException.class,
        () -> b.hold(Tensor.zeros(4)));
    assertMentions(s, "b", "parameter");
  }

  @Test
  void nanValuesAndAttributesAreRefusedWhereTheyAreGiven() {
    int line = nextLine();
    IllegalArgumentException p = thrownAt(IllegalArgumentException.class, line + 1,
        () -> g.parameter("W", Tensor.row(1, Double.NaN)));
    assertMentions(p, "parameter W holds NaN at flat index 1 of its (1, 2) value");
    assertMentions(thrownAt(IllegalArgumentException.class, nextLine(),
        () -> g.constant("c", null)), "constant c needs a tensor, got null");
    assertMentions(thrownAt(IllegalArgumentException.class, nextLine(),
        () -> x.mul(Double.NaN)), "a scalar in a formula must be a number, got NaN");
    assertMentions(thrownAt(IllegalArgumentException.class, nextLine(),
        () -> x.pow(Double.NaN)), "pow: the exponent must be a finite number, got NaN");
    assertMentions(thrownAt(IllegalArgumentException.class, nextLine(),
        () -> x.leakyRelu(Double.POSITIVE_INFINITY)), "slope α must be a finite number");
    assertEquals(Double.NEGATIVE_INFINITY, x.add(Double.NEGATIVE_INFINITY).inputs().get(1)
        .storedValue().item(), "−∞ stays allowed, e.g. for masks before a softmax");
  }

  @Test
  void aFailedBuildAddsNoNode() {
    int before = g.size();
    assertThrows(ShapeException.class, () -> x.add(b));
    assertThrows(ShapeException.class, () -> x.sum(4));
    assertEquals(before, g.size());
  }
}
