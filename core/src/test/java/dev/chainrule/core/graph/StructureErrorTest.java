package dev.chainrule.core.graph;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.graph.Range;
import dev.chainrule.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The structure ops of issue 14 (batched matmul, slice, pad, permute, squeeze, unsqueeze,
 * logsumexp, clamp, maximum) refuse bad shapes and arguments in the user's words: the operation,
 * the inputs' names and shapes, the values at fault, and the line of this file that built it.
 */
class StructureErrorTest {
  private final Graph g = new Graph();
  private final Node a = g.input("A", 4, 2, 3);
  private final Node b = g.parameter("B", Tensor.zeros(4, 5, 2));
  private final Node x = g.input("X", 1, 3, 1);

  /** Returns the line after the caller's: computed here, independently of CreationSite. */
  private static int nextLine() {
    return StackWalker.getInstance().walk(s -> s.skip(1).findFirst()).orElseThrow()
        .getLineNumber() + 1;
  }

  private static void thrownAt(int line, Executable build, String... parts) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
    assertTrue(e.getMessage().contains("StructureErrorTest.java:" + line + " "),
        () -> "line " + line + " missing from: " + e.getMessage());
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), () -> "'" + p + "' missing from: " + e.getMessage());
    }
  }

  @Test
  void batchedMatmulNamesBothShapesAndTheInnerDimensions() {
    int line = nextLine();
    thrownAt(line, () -> a.matmul(b), "batch_matmul of A (4, 2, 3) and B (4, 5, 2)",
        "inner dimensions 3 and 5 differ");
  }

  @Test
  void batchedMatmulNamesBatchAxesThatDoNotBroadcast() {
    Node c = g.input("C", 3, 3, 4);
    int line = nextLine();
    thrownAt(line, () -> a.matmul(c), "A (4, 2, 3) and C (3, 3, 4)",
        "batch axes (4,) and (3,) do not broadcast");
  }

  @Test
  void batchedMatmulRefusesAVector() {
    Node v = g.input("v", 3);
    int line = nextLine();
    thrownAt(line, () -> a.matmul(v), "A (4, 2, 3) and v (3,)", "rank 2 or more");
  }

  @Test
  void sliceNamesTooManyRangesAndAZeroStep() {
    int line = nextLine();
    thrownAt(line, () -> x.slice(Range.all(), Range.all(), Range.all(), Range.all()),
        "slice of X (1, 3, 1)", "4 ranges", "rank 3");
    int next = nextLine();
    thrownAt(next, () -> x.slice(Range.all(), Range.every(0)), "slice of X (1, 3, 1)",
        "slice ::0 has step 0");
  }

  @Test
  void padNamesANegativeWidthAndAMissingAxis() {
    int line = nextLine();
    thrownAt(line, () -> x.pad(new int[][] {{0, 0}, {1, -2}, {0, 0}}, 0.0), "pad of X (1, 3, 1)",
        "pad widths [1, -2] of axis 1", "0 or more");
    int next = nextLine();
    thrownAt(next, () -> x.pad(new int[][] {{1, 1}}, 0.0), "1 pad widths", "rank 3");
  }

  @Test
  void permuteNamesABadAxisAndARepeatedOne() {
    int line = nextLine();
    thrownAt(line, () -> a.permute(0, 3, 1), "permute of A (4, 2, 3)", "axis 3 does not exist");
    int next = nextLine();
    thrownAt(next, () -> a.permute(0, 1, -2), "transpose of A (4, 2, 3)",
        "[0, 1, 1] are not a permutation");
    int last = nextLine();
    thrownAt(last, () -> a.permute(1, 0), "permutation of 2 axes", "(4, 2, 3) with 3");
  }

  @Test
  void squeezeAndUnsqueezeNameTheAxis() {
    int line = nextLine();
    thrownAt(line, () -> x.squeeze(1), "squeeze of X (1, 3, 1)",
        "cannot squeeze axis 1 of shape (1, 3, 1): it has size 3");
    int next = nextLine();
    thrownAt(next, () -> x.unsqueeze(4), "unsqueeze of X (1, 3, 1)",
        "cannot insert axis 4", "-4..3");
  }

  @Test
  void logSumExpNamesTheAxis() {
    int line = nextLine();
    thrownAt(line, () -> a.logSumExp(3), "logsumexp of A (4, 2, 3)", "axis 3 does not exist");
  }

  @Test
  void clampNamesReversedBoundsAndMaximumClashingShapes() {
    int line = nextLine();
    thrownAt(line, () -> a.clamp(1, -1), "clamp", "lo = 1.0 and hi = -1.0");
    int next = nextLine();
    thrownAt(next, () -> a.maximum(b), "maximum of A (4, 2, 3) and B (4, 5, 2)",
        "do not broadcast");
  }
}
