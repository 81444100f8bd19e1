package dev.chainrule.core.rewrite;

import static dev.chainrule.core.rewrite.RuleHarness.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fusions, recognised in the unfused ops the user writes, on random inputs. */
class FusionsTest {
  @Test
  void logOfSoftmaxBecomesLogSoftmax() {
    check("log(softmax) → logsoftmax", "logsoftmax(Z, axis=1)",
        in -> in.input("Z", 4, 3).softmax(1).log().named("out"));
  }

  @Test
  void theFusedLogSoftmaxStaysFiniteWhereTheUnfusedOneIsNot() {
    Graph g = new Graph();
    Node logP = g.input("Z", Tensor.row(0, 800)).softmax(1).log();
    assertTrue(Double.isInfinite(logP.value().get(0, 0)));
    Tensor fused = Rewriter.standard().rewrite(logP).targets().get(0).value();
    assertEquals(-800, fused.get(0, 0), 1e-9);
    assertEquals(0, fused.get(0, 1), 1e-12);
  }

  @Test
  void softmaxCrossEntropyIsFusedWhenSummedOverTheClassAxis() {
    check("softmax + cross-entropy fused", "(1/6)·Σ CE(softmax(Z, axis=1), Y)",
        in -> in.input("Y", 6, 3).mul(in.input("Z", 6, 3).softmax(1).log()).sum()
            .mul(-1.0 / 6).named("J"));
    check("softmax + cross-entropy fused", "mean(CE(softmax(Z, axis=1), Y))",
        in -> in.input("Z", 6, 3).softmax(1).log().mul(in.input("Y", 6, 3)).sum(1).mean().neg()
            .named("J"));
    check("softmax + cross-entropy fused", "(1/3)·mean(CE(softmax(Z, axis=1), Y))",
        in -> in.input("Y", 6, 3).mul(in.input("Z", 6, 3).softmax(1).log()).mean().neg()
            .named("J"));
  }

  @Test
  void softmaxCrossEntropyIsNotFusedWhenTheClassAxisIsNotSummed() {
    Rewritten r = check("log(softmax) → logsoftmax", "Σ(Y ∘ logsoftmax(Z, axis=1))",
        in -> in.input("Y", 6, 3).mul(in.input("Z", 6, 3).softmax(1).log()).sumKeepDims(0)
            .named("out"));
    assertFalse(r.fired().containsKey("softmax + cross-entropy fused"));
  }

  @Test
  void sigmoidBinaryCrossEntropyIsFusedInEveryOrderTheUserWritesIt() {
    check("sigmoid + binary cross-entropy fused", "mean(BCE(σ(Z), Y))", in -> {
      Node y = in.input("Y", 1, 8);
      Node a = in.input("Z", 1, 8).sigmoid();
      return y.mul(a.log()).add(y.rsub(1).mul(a.rsub(1).log())).mean().neg().named("J");
    });
    check("sigmoid + binary cross-entropy fused", "Σ BCE(σ(Z), Y)", in -> {
      Node y = in.input("Y", 1, 8);
      Node a = in.input("Z", 1, 8).sigmoid();
      return a.rsub(1).log().mul(y.rsub(1)).add(a.log().mul(y)).sum().neg().named("L");
    });
    check("sigmoid + binary cross-entropy fused", "BCE(σ(Z), Y)", in -> {
      Node y = in.input("Y", 1, 8);
      Node a = in.input("Z", 1, 8).sigmoid();
      return y.mul(a.log()).neg().sub(y.rsub(1).mul(a.rsub(1).log())).named("L");
    });
  }

  @Test
  void aLossOfAnotherActivationIsNotFused() {
    Graph g = new Graph();
    Node y = g.input("Y", Tensor.row(1, 0, 1, 0));
    Node a = g.input("Z", Tensor.row(0.1, 0.2, 0.7, 0.4)).tanh().mul(0.5).add(0.5);
    Node loss = y.mul(a.log()).add(y.rsub(1).mul(a.rsub(1).log())).mean().neg();
    Rewritten r = Rewriter.standard().rewrite(loss);
    assertFalse(r.fired().containsKey("sigmoid + binary cross-entropy fused"), "" + r.fired());
    RuleHarness.assertSameValues(List.of(loss), Feeds.none(), r);
  }
}
