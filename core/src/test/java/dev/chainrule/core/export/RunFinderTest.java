package dev.chainrule.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Runs of identical steps, found in sequences built so that the runs are known by hand. */
class RunFinderTest {
  private static List<RunFinder.Run> runs(Node... targets) {
    Selection s = Selection.of(List.of(targets), ExportOptions.defaults(), null, null, Set.of());
    List<Node> sequence = new ArrayList<>();
    for (Node n : s.drawn()) {
      if (!n.isLiteral()) {
        sequence.add(n);
      }
    }
    return new RunFinder(sequence, s, targets[0].graph().size()).runs();
  }

  @Test
  void aLoopWithASharedWeightIsOneRunOfItsSteps() {
    Graph g = new Graph();
    Node w = g.parameter("w", Tensor.scalar(2));
    Node h = g.input("h", Tensor.scalar(1));
    for (int i = 0; i < 6; i++) {
      h = h.mul(w).tanh().add(1);
    }
    // sequence: w, h, then 6 steps of (∘, tanh, +): one run of period 3 from position 2
    assertEquals(List.of(new RunFinder.Run(2, 3, 6)), runs(h));
  }

  @Test
  void aStepReadingAnotherWeightEachTimeIsARunOnlyWhenTheWeightsMoveWithIt() {
    Graph g = new Graph();
    Node h = g.input("h", Tensor.scalar(1));
    for (int i = 0; i < 5; i++) {
      h = h.mul(g.parameter("w" + i, Tensor.scalar(i))).tanh();
    }
    // sequence: h, then 5 × (w_i, ∘, tanh): the weights sit inside each step, so the steps
    // repeat with period 3; the first step starts at the first operation, ∘ (position 2), and
    // ends one weight short: 4 whole steps of (∘, tanh, w)
    assertEquals(List.of(new RunFinder.Run(2, 3, 4)), runs(h));
  }

  @Test
  void unrelatedOperationsAndTooFewStepsAreNoRun() {
    Graph g = new Graph();
    Node a = g.input("a", Tensor.scalar(1));
    Node b = a.mul(a).tanh().mul(a).tanh();
    assertEquals(List.of(), runs(b), "two steps are not enough");
    Node c = a.add(a).sub(a).mul(a).tanh().exp();
    assertEquals(List.of(), runs(c));
  }
}
