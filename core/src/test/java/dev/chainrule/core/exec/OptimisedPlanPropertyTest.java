package dev.chainrule.core.exec;

import static org.junit.jupiter.api.Assertions.fail;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.testing.GraphListing;
import dev.chainrule.core.testing.RandomGraph;
import dev.chainrule.core.testing.RandomGraphs.Draw;
import dev.chainrule.core.testing.RandomGraphs.FamilyDraws;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Every optimisation of the plan compiler against the unoptimised path (each operation's own
 * forward into a buffer of its own) on {@link RandomGraph}s over the whole catalogue, forward and
 * backward, with tiny shapes, shapes spanning several chunks of a fused loop, and shapes long
 * enough to be split across threads. Without transpose folding the values must agree bit for bit
 * (the order of operations is unchanged); with it, to 1e-12 of the tensor's largest magnitude.
 * Each plan runs twice, the parameters changed in between, to catch stale or shared buffers.
 */
class OptimisedPlanPropertyTest {
  private static final ExecOptions ALL = ExecOptions.defaults().withThreads(2);
  private static final List<ExecOptions> VARIANTS = List.of(
      ALL,
      new ExecOptions(true, true, false, true, true, 2),
      new ExecOptions(false, true, false, false, false, 1),
      new ExecOptions(true, false, false, false, false, 1),
      new ExecOptions(false, false, false, true, false, 1),
      new ExecOptions(false, false, true, false, false, 1));

  @Property(tries = 250, edgeCases = EdgeCasesMode.NONE)
  void optimisedPlansGiveTheUnoptimisedNumbers(@ForAll @IntRange(min = 0, max = 19) int pick,
      @ForAll(supplier = FamilyDraws.class) Draw draw) {
    int family = pick < 10 ? 0 : pick < 19 ? 1 : 2;
    RandomGraph rg = new RandomGraph(family, draw.leaves(), draw.steps(), draw.seed());
    List<Node> targets = new ArrayList<>(rg.targets);
    targets.addAll(Autodiff.grad(rg.loss, rg.params.toArray(new Node[0])));
    Plan reference = Plan.compile(targets, ExecOptions.unoptimised());
    List<Plan> plans = new ArrayList<>();
    for (ExecOptions o : VARIANTS) {
      plans.add(Plan.compile(targets, o));
    }
    Random random = new Random(draw.seed());
    for (int run = 0; run < 2; run++) {
      List<Tensor> expected = values(reference, targets);
      for (int v = 0; v < plans.size(); v++) {
        List<Tensor> actual = values(plans.get(v), targets);
        for (int t = 0; t < targets.size(); t++) {
          String m = compare(actual.get(t), expected.get(t), VARIANTS.get(v).foldTransposes());
          if (m != null) {
            fail("run " + run + ", " + VARIANTS.get(v) + ", target " + targets.get(t) + ": " + m
                + "\n" + plans.get(v) + "\n" + GraphListing.of(rg.graph, false));
          }
        }
      }
      for (Node p : rg.params) {
        p.storedValue().scaleInPlace(0.5 + random.nextDouble());
      }
    }
  }

  private static List<Tensor> values(Plan plan, List<Node> targets) {
    Results r = plan.run(Feeds.none());
    List<Tensor> out = new ArrayList<>();
    for (Node t : targets) {
      out.add(r.get(t).copy());
    }
    return out;
  }

  /** Returns null when equal (bitwise, or within 1e-12 of the largest magnitude), else why not. */
  static String compare(Tensor actual, Tensor expected, boolean rounding) {
    double[] a = actual.buffer();
    double[] e = expected.buffer();
    double scale = 0;
    for (double x : e) {
      scale = Double.isFinite(x) ? Math.max(scale, Math.abs(x)) : scale;
    }
    for (int i = 0; i < e.length; i++) {
      boolean same = Double.compare(a[i], e[i]) == 0;
      boolean near = rounding && Math.abs(a[i] - e[i]) <= 1e-12 * Math.max(1, scale);
      if (!same && !near) {
        return "element " + i + " is " + a[i] + " but the unoptimised plan gives " + e[i];
      }
    }
    return null;
  }
}
