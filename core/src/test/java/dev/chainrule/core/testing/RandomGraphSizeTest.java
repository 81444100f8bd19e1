package dev.chainrule.core.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.testing.RandomGraph.Step;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The random graphs stay small enough for a property test to compile several plans of them: from
 * family 2's leaves (700) and (300, 700), reshaped to a column (700, 1) and a row (1, 210 000),
 * the outer product, the broadcast sum and the diagonal of the long vector would hold 1.5·10⁸ and
 * 4.4·10¹⁰ elements; those steps are skipped and the reshapes are kept.
 */
class RandomGraphSizeTest {
  @Test
  void stepsWhoseResultWouldExceedTwoToTheTwentyAreSkipped() {
    int reshape = op("reshape");
    List<Step> steps = List.of(new Step(reshape, 0, 0, 2), new Step(reshape, 1, 1, 1),
        new Step(op("matmul"), 2, 3, 0), new Step(op("add"), 2, 3, 0),
        new Step(reshape, 1, 1, 0), new Step(op("diag"), 4, 4, 0));
    RandomGraph g = new RandomGraph(2, List.of(4, 3), steps, 1);
    long largest = 0;
    Set<Shape> shapes = new HashSet<>();
    for (Node n : g.graph.nodes()) {
      largest = Math.max(largest, n.shape().size());
      shapes.add(n.shape());
    }
    assertTrue(largest <= 1 << 20, "largest node " + largest);
    assertTrue(shapes.containsAll(List.of(Shape.of(700, 1), Shape.of(1, 210_000),
        Shape.of(210_000))), "the three reshapes are built: " + shapes);
  }

  private static int op(String name) {
    return Arrays.asList(RandomGraph.OPS).indexOf(name);
  }
}
