package dev.chainrule.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ops.BinaryElementwise;
import dev.chainrule.core.graph.ops.UnaryElementwise;
import dev.chainrule.core.scalar.Scalar;
import dev.chainrule.core.tensor.Samples;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Small fused loops compiled to JVM code give the unoptimised plan's numbers bit for bit: every
 * instruction code, and a program long enough to be split into several generated methods.
 * Compilation is switched on from the first run here, and each test checks that the code was
 * generated, so a silent fallback to the interpreter fails the test.
 */
class CompiledLoopTest {
  private int saved;

  @BeforeEach
  void compileAtOnce() {
    saved = FusedStep.compileAfterRuns;
    FusedStep.compileAfterRuns = 0;
  }

  @AfterEach
  void restore() {
    FusedStep.compileAfterRuns = saved;
  }

  /** Every primitive: the catalogue's elementwise ops, two written here, comparisons and where. */
  @Test
  void everyInstructionCompilesAndAgrees() {
    Random r = new Random(3);
    Graph g = new Graph();
    Node x = g.parameter("x", Samples.uniform(r, 0.2, 1.5, 3, 2));
    Node w = g.parameter("w", Samples.uniform(r, -1, 1, 2));
    Node cube = g.apply(new Cube(), x);
    Node hyp = g.apply(new Hypot(), x, w);
    Node y = x.add(w).sub(w.mul(0.5)).div(x).neg().exp().log().sqrt().abs().square().sigmoid()
        .tanh().relu().leakyRelu(0.1).pow(1.5).add(cube).add(hyp)
        .add(x.gt(w).add(x.ge(w)).add(x.lt(w)).add(x.le(w)).add(x.eq(x)))
        .add(x.gt(w).where(x, w)).named("y");
    List<Node> targets = new ArrayList<>(List.of(y));
    targets.addAll(Autodiff.grad(y.sum(), x, w));
    assertTrue(assertCompiledEqualsInterpreted(targets) > 0, "no small loop");
  }

  /** A scalar chain of about 2700 instructions spans many generated methods. */
  @Test
  void longChainSplitIntoPartsAgrees() {
    Graph g = new Graph();
    Node x = g.parameter("x", Tensor.scalar(0.999));
    Node y = g.constant("c0", Tensor.scalar(0.5));
    for (int i = 1; i <= 300; i++) {
      y = y.mul(x).add(g.constant("c" + i, Tensor.scalar(1.0 / (i + 1)))).tanh();
    }
    assertTrue(assertCompiledEqualsInterpreted(List.of(y, Autodiff.grad(y, x).get(0))) > 0,
        "no small loop");
  }

  /** Checks a plan with compiled loops against the unoptimised one; returns its small loops. */
  static int assertCompiledEqualsInterpreted(List<Node> targets) {
    Plan reference = Plan.compile(targets, ExecOptions.unoptimised());
    Plan plan = Plan.compile(targets, ExecOptions.defaults().withThreads(1));
    Results expected = reference.run(Feeds.none());
    Results actual = plan.run(Feeds.none());
    for (Node t : targets) {
      String m = OptimisedPlanPropertyTest.compare(actual.get(t), expected.get(t), false);
      assertEquals(null, m, t + "\n" + plan.explain());
    }
    int small = 0;
    for (StepSpec s : plan.program().steps) {
      if (s instanceof FusedStep.Spec && ((FusedStep.Spec) s).program().isSmall()) {
        assertNotNull(((FusedStep.Spec) s).program().compiledIfReady(),
            "a small loop was not compiled: " + s.describe(String::valueOf));
        small++;
      }
    }
    return small;
  }

  /** A unary op outside the catalogue, compiled from its form like any other: x³. */
  private static final class Cube implements UnaryElementwise {
    @Override
    public Scalar form(Scalar v) {
      return v.square().mul(v);
    }

    @Override
    public String name() {
      return "cube";
    }

    @Override
    public Node vjp(Node output, Node upstream, int input) {
      Node v = output.inputs().get(0);
      return upstream.mul(v.square().mul(3.0));
    }

    @Override
    public dev.chainrule.core.graph.Notation notation() {
      return dev.chainrule.core.graph.Notation.function("cube", "\\operatorname{cube}");
    }
  }

  /** A binary op outside the catalogue, compiled from its form like any other: √(a² + b²). */
  private static final class Hypot implements BinaryElementwise {
    @Override
    public Scalar form(Scalar a, Scalar b) {
      return a.square().add(b.square()).sqrt();
    }

    @Override
    public String name() {
      return "hypot";
    }

    @Override
    public Node vjp(Node output, Node upstream, int input) {
      Node x = output.inputs().get(input);
      return dev.chainrule.core.graph.ops.Unbroadcast.sumTo(upstream.mul(x).div(output),
          x.shape());
    }

    @Override
    public Node jvp(Node output, Node tangent, int input) {
      return tangent.mul(output.inputs().get(input)).div(output);
    }

    @Override
    public dev.chainrule.core.graph.Notation notation() {
      return dev.chainrule.core.graph.Notation.function("hypot", "\\operatorname{hypot}");
    }
  }
}
