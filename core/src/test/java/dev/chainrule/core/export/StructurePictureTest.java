package dev.chainrule.core.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Range;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ops of issue 14's ops-structure part draw with labels that say what they do: the slice's
 * resolved ranges, the pad's shape and positions, the clamp's bounds, the batched product, and the
 * pad that the slice's derivative is.
 */
class StructurePictureTest {
  @Test
  void forwardAndBackwardBoxesNameTheirAttributes() {
    Graph g = new Graph();
    Node x = g.parameter("x", Tensor.zeros(4, 2, 3));
    Node w = g.parameter("W", Tensor.zeros(3, 5));
    Node h = x.matmul(w).slice(Range.from(-2), Range.all(), Range.every(-2))
        .pad(new int[][] {{0, 0}, {1, 0}, {0, 0}}, 0.0).clamp(-1, 1).logSumExp(2).sum();
    Node dx = Autodiff.grad(h, x).get(0);
    String dot = GraphExport.of(List.of(h, dx)).toDot();
    for (String label : new String[] {"batched A·B", "slice [2:4, 0:2, 4::-2]",
        "pad (2, 3, 3) at [0, 1, 0]", "clamp [-1, 1]", "logsumexp axis=2",
        "pad (4, 2, 5) at [2, 0, 4] step [1, 1, -2]", "batched A·Bᵀ"}) {
      assertTrue(dot.contains(label), () -> "no box labelled '" + label + "' in:\n" + dot);
    }
  }
}
