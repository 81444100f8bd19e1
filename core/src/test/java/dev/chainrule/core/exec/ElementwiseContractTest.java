package dev.chainrule.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.exec.fused.FusedProgram;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.ops.OpCatalogue;
import dev.chainrule.core.graph.ops.OpCatalogue.Entry;
import dev.chainrule.core.scalar.Gather;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract that keeps elementwise operations fast: an operation of the catalogue that
 * computes each output element from the input elements at its position only (found by perturbing
 * input elements one at a time) must have a scalar form, and every operation with a form must
 * run inside a fused loop — in chunks for a large shape, and as generated JVM code for a small
 * one — giving its own forward's numbers bit for bit. An operation that would run through a slow
 * path (a step of its own, or the interpreter because code generation failed) fails here, as the
 * test on a form-less softsign shows; the scratch op {@code ScratchSoftsign}, added to the test
 * sources with only its catalogue line, passes like the ops of core.
 */
class ElementwiseContractTest {
  /** Copies of the sample along a new leading axis, so that the loop runs in several chunks. */
  private static final int COPIES = 300;

  static Stream<Entry> withForm() {
    return OpCatalogue.entries().stream().filter(e -> e.op().scalarForm() != null);
  }

  @Test
  void everyPointwiseOpHasAScalarForm() {
    Map<Class<?>, List<Entry>> byClass = new LinkedHashMap<>();
    for (Entry e : OpCatalogue.entries()) {
      byClass.computeIfAbsent(e.op().getClass(), c -> new ArrayList<>()).add(e);
    }
    List<String> slow = new ArrayList<>();
    for (Map.Entry<Class<?>, List<Entry>> c : byClass.entrySet()) {
      boolean pointwise = c.getValue().stream().allMatch(ElementwiseContractTest::pointwise);
      if (pointwise && c.getValue().get(0).op().scalarForm() == null) {
        slow.add(c.getKey().getSimpleName());
      }
    }
    assertEquals(List.of(), slow, "elementwise ops without a scalar form run unfused");
    assertTrue(byClass.keySet().stream().filter(c -> byClass.get(c).stream()
        .allMatch(ElementwiseContractTest::pointwise)).count() >= 20, "the check finds them");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("withForm")
  void formRunsFusedAndCompiledAndAgreesWithForward(Entry e) {
    assertNull(violation(e.op(), e.inputs()), e.name());
    List<Tensor> large = tiled(e);
    if (large != null) {
      assertNull(violation(e.op(), large), e.name() + ", " + COPIES + " copies");
    }
  }

  @Test
  void scratchOpFromTheTestSourcesRunsFusedAndCompiled() {
    List<Entry> scratch = OpCatalogue.entries().stream()
        .filter(e -> e.op().name().equals("scratch_softsign")).collect(Collectors.toList());
    assertEquals(2, scratch.size(), "its catalogue line, for two shapes");
    int chunked = 0;
    for (Entry e : scratch) {
      assertNull(violation(e.op(), e.inputs()), e.name());
      List<Tensor> large = tiled(e);
      if (large != null) {
        assertNull(violation(e.op(), large), e.name() + " in chunks");
        chunked++;
      }
    }
    assertEquals(1, chunked, "the (2, 3) sample, repeated, runs in chunks");
  }

  @Test
  void aPointwiseOpWithoutAFormIsReported() {
    Op slow = new LoopSoftsign();
    Tensor x = Tensor.row(-2, -0.5, 0.5, 3);
    Entry e = new Entry("loop softsign", slow, List.of(x), in -> in.get(0),
        new boolean[1], new boolean[] {true});
    assertTrue(pointwise(e), "perturbing one element changes only its own output");
    String v = violation(slow, List.of(x));
    assertNotNull(v);
    assertTrue(v.contains("not in a fused loop"), v);
  }

  /**
   * Returns why {@code op} on {@code inputs} does not run as a fused loop (compiled to JVM code
   * when small) computing its forward's numbers, or null when it does.
   */
  static String violation(Op op, List<Tensor> inputs) {
    Graph g = new Graph();
    Node[] params = new Node[inputs.size()];
    Tensor[] copies = new Tensor[inputs.size()];
    for (int i = 0; i < params.length; i++) {
      params[i] = g.parameter("x" + i, inputs.get(i).copy());
      copies[i] = inputs.get(i).copy();
    }
    Node y = g.apply(op, params);
    Tensor expected = Tensor.zeros(y.shape());
    op.forward(copies, expected);
    int saved = FusedStep.compileAfterRuns;
    FusedStep.compileAfterRuns = 0;
    try {
      Plan plan = Plan.compile(List.of(y), ExecOptions.defaults().withThreads(1));
      Tensor got = plan.run(Feeds.none()).get(y);
      StepSpec[] steps = plan.program().steps;
      if (steps.length != 1 || !(steps[0] instanceof FusedStep.Spec)) {
        return op.name() + " is not in a fused loop:\n" + plan.explain();
      }
      FusedProgram p = ((FusedStep.Spec) steps[0]).program();
      if (p.isSmall() && p.compiledIfReady() == null) {
        return op.name() + " is not compiled: " + p.mode();
      }
      String m = OptimisedPlanPropertyTest.compare(got, expected, false);
      return m == null ? null : op.name() + " in a fused loop differs from its forward: " + m;
    } finally {
      FusedStep.compileAfterRuns = saved;
    }
  }

  /**
   * Returns true when each output element depends only on the input elements broadcast to its
   * position: changing one input element changes no other output element.
   */
  static boolean pointwise(Entry e) {
    List<Shape> shapes = e.inputs().stream().map(Tensor::shape).collect(Collectors.toList());
    Shape out = e.op().inferShape(shapes);
    Shape all = shapes.get(0);
    for (Shape s : shapes) {
      all = all == null ? null : Shape.broadcastOrNull(all, s);
    }
    if (!out.equals(all)) {
      return false;
    }
    Tensor base = forward(e.op(), e.inputs());
    for (int i = 0; i < shapes.size(); i++) {
      Gather read = new Gather(shapes.get(i), out);
      for (int j = 0; j < shapes.get(i).size(); j++) {
        List<Tensor> moved = new ArrayList<>(e.inputs());
        Tensor t = moved.get(i).copy();
        t.buffer()[j] += 0.375;
        moved.set(i, t);
        Tensor changed = forward(e.op(), moved);
        for (int p = 0; p < out.size(); p++) {
          boolean differs = Double.compare(changed.buffer()[p], base.buffer()[p]) != 0;
          if (differs && read.offsetOf(p) != j) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static Tensor forward(Op op, List<Tensor> inputs) {
    Tensor[] in = inputs.stream().map(Tensor::copy).toArray(Tensor[]::new);
    Tensor out = Tensor.zeros(op.inferShape(inputs.stream().map(Tensor::shape)
        .collect(Collectors.toList())));
    op.forward(in, out);
    return out;
  }

  /**
   * Returns the entry's inputs with every input of the output's shape repeated along a new leading
   * axis, or null when none has that shape or the op's shape rule refuses the result.
   */
  static List<Tensor> tiled(Entry e) {
    Shape out = e.op().inferShape(e.inputs().stream().map(Tensor::shape)
        .collect(Collectors.toList()));
    List<Tensor> large = new ArrayList<>();
    boolean any = false;
    for (Tensor t : e.inputs()) {
      if (!t.shape().equals(out) || out.rank() == 0) {
        large.add(t);
        continue;
      }
      int[] dims = new int[out.rank() + 1];
      dims[0] = COPIES;
      System.arraycopy(out.dims(), 0, dims, 1, out.rank());
      double[] v = new double[COPIES * t.size()];
      for (int k = 0; k < COPIES; k++) {
        System.arraycopy(t.buffer(), 0, v, k * t.size(), t.size());
      }
      large.add(Tensor.of(v, dims));
      any = true;
    }
    if (!any) {
      return null;
    }
    try {
      e.op().inferShape(large.stream().map(Tensor::shape).collect(Collectors.toList()));
      return large;
    } catch (IllegalArgumentException refused) {
      return null;
    }
  }

  /** softsign written the slow way: a plain operation with a loop of its own and no form. */
  private static final class LoopSoftsign implements Op {
    @Override
    public String name() {
      return "loop_softsign";
    }

    @Override
    public Shape inferShape(List<Shape> inputs) {
      return inputs.get(0);
    }

    @Override
    public void forward(Tensor[] inputs, Tensor out) {
      double[] x = inputs[0].buffer();
      for (int i = 0; i < x.length; i++) {
        out.buffer()[i] = x[i] / (1 + Math.abs(x[i]));
      }
    }

    @Override
    public Node vjp(Node output, Node upstream, int input) {
      return upstream.div(output.inputs().get(0).abs().add(1.0).square());
    }

    @Override
    public Node jvp(Node output, Node tangent, int input) {
      return vjp(output, tangent, input);
    }

    @Override
    public Notation notation() {
      return Notation.function("softsign", "\\operatorname{softsign}");
    }
  }
}
