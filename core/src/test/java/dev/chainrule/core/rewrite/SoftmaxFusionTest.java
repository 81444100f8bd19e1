package dev.chainrule.core.rewrite;

import static dev.chainrule.core.rewrite.RuleHarness.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ops.Softmax;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The softmax written out, as a user writes it and as the derivative of the log-sum-exp reads,
 * fused into softmax along the right axis, on random inputs; and the forms that only look alike
 * left alone.
 */
class SoftmaxFusionTest {
  private static final String FIRED = "softmax written out → softmax";

  @Test
  void theExponentialOverItsSumIsTheSoftmax() {
    Rewritten rows = check(FIRED, "softmax(Z, axis=1)", in -> {
      Node e = in.input("Z", 3, 4).exp();
      return e.div(e.sumKeepDims(1)).named("out");
    });
    assertEquals(new Softmax(1), rows.targets().get(0).op());
    Rewritten columns = check(FIRED, "softmax(Z, axis=0)", in -> {
      Node e = in.input("Z", 3, 4).exp();
      return e.div(e.sum(0)).named("out");
    });
    assertEquals(new Softmax(0), columns.targets().get(0).op());
    check(FIRED, "softmax(z)", in -> {
      Node e = in.input("z", 5, 1).exp();
      return e.div(e.sum()).named("out");
    });
  }

  @Test
  void theReciprocalOfTheSumTimesTheExponentialIsTheSoftmax() {
    check(FIRED, "softmax(Z, axis=1)", in -> {
      Node e = in.input("Z", 3, 4).exp();
      return in.graph.scalar(1).div(e.sumKeepDims(1)).mul(e).named("out");
    });
    check(FIRED, "softmax(Z, axis=1)", in -> {
      Node e = in.input("Z", 4, 4).exp();
      return e.mul(in.graph.scalar(1).div(e.sum(1)).reshape(4, 1)).named("out");
    });
  }

  @Test
  void theExponentialOfZMinusItsLogSumExpIsTheSoftmax() {
    check(FIRED, "softmax(Z, axis=1)", in -> {
      Node z = in.input("Z", 3, 4);
      return z.sub(z.logSumExpKeepDims(1)).exp().named("out");
    });
    check(FIRED, "softmax(z)", in -> {
      Node z = in.input("z", 5, 1);
      return z.sub(z.logSumExp().reshape(1, 1)).exp().named("out");
    });
    check(FIRED, "softmax(Z, axis=0)", in -> in.input("Z", 3, 4).logSoftmax(0).exp().named("out"));
  }

  @Test
  void aSumBroadcastAlongTheWrongAxisOrOverTwoAxesIsNotASoftmax() {
    RuleHarness.Inputs in = new RuleHarness.Inputs(4);
    Node e = in.input("Z", 4, 4).exp();
    Node wrongAxis = e.div(e.sum(1)).named("wrong");
    Node f = in.input("W", 3, 4).exp();
    Node twoAxes = f.div(f.sum()).named("both");
    Rewritten r = Rewriter.standard().rewrite(List.of(wrongAxis, twoAxes));
    assertFalse(r.fired().containsKey(FIRED), r.fired().toString());
    RuleHarness.assertSameValues(List.of(wrongAxis, twoAxes), Feeds.none(), r);
  }

  @Test
  void theFusedSoftmaxStaysFiniteWhereTheWrittenOutOneOverflows() {
    Graph g = new Graph();
    Node e = g.input("z", Tensor.column(0, 800)).exp();
    Node p = e.div(e.sumKeepDims(0));
    assertTrue(Double.isNaN(p.value().get(1, 0)));
    Tensor fused = Rewriter.standard().rewrite(p).targets().get(0).value();
    assertEquals(1, fused.get(1, 0), 1e-12);
    assertEquals(Math.exp(-800), fused.get(0, 0), 1e-300);
  }
}
