package dev.chainrule.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.exec.fused.FusedProgram;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.ops.OpCatalogue;
import dev.chainrule.core.graph.ops.OpCatalogue.Entry;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The float32 half of {@link ElementwiseContractTest}: in a float32 graph every operation of the
 * catalogue with a scalar form must run inside one fused float32 loop — in chunks for a large
 * shape, as generated float32 JVM code for a small one — giving its own float32 forward's numbers
 * bit for bit. An operation that ran float32 through a step of its own, or through the
 * interpreter because code generation failed, fails here. (A cast to float64, whose form is its
 * argument, leaves the float32 loop by design: {@code Float32ContractTest} checks it.)
 */
class Float32ElementwiseContractTest {
  static Stream<Entry> withForm() {
    return OpCatalogue.entries().stream().filter(e -> e.op().scalarForm() != null
        && e.op().outputDType(DType.FLOAT32) == DType.FLOAT32);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("withForm")
  void formRunsFusedAndCompiledInFloat32AndAgreesWithForward(Entry e) {
    assertNull(violation(e.op(), e.inputs()), e.name());
    List<Tensor> large = ElementwiseContractTest.tiled(e);
    if (large != null) {
      assertNull(violation(e.op(), large), e.name() + " in chunks");
    }
  }

  @Test
  void aLoopThatIsNotFloat32IsReported() {
    Graph g = new Graph();
    Node y = g.parameter("x", Tensor.row(1, 2, 3)).tanh();
    Plan plan = Plan.compile(List.of(y), ExecOptions.defaults().withThreads(1));
    String v = describe(plan, "tanh");
    assertNotNull(v, "a float64 loop is not a float32 loop");
    assertTrue(v.contains("not a float32 loop"), v);
  }

  /**
   * Returns why {@code op} on {@code inputs}, rounded to float32, does not run as one fused
   * float32 loop (compiled to JVM code when small) computing its float32 forward's numbers, or
   * null when it does.
   */
  static String violation(Op op, List<Tensor> inputs) {
    Graph g = new Graph(DType.FLOAT32);
    Node[] params = new Node[inputs.size()];
    Tensor[] copies = new Tensor[inputs.size()];
    for (int i = 0; i < params.length; i++) {
      params[i] = g.parameter("x" + i, inputs.get(i).to(DType.FLOAT32).copy());
      copies[i] = inputs.get(i).to(DType.FLOAT32).copy();
    }
    Node y = g.apply(op, params);
    assertEquals(DType.FLOAT32, y.dtype());
    Tensor expected = Tensor.zeros(y.shape(), DType.FLOAT32);
    op.forward(copies, expected);
    int saved = FusedStep.compileAfterRuns;
    FusedStep.compileAfterRuns = 0;
    try {
      Plan plan = Plan.compile(List.of(y), ExecOptions.defaults().withThreads(1));
      Tensor got = plan.run(Feeds.none()).get(y);
      plan.run(Feeds.none());
      String why = describe(plan, op.name());
      if (why != null) {
        return why;
      }
      if (got.dtype() != DType.FLOAT32) {
        return op.name() + " gave a " + got.dtype() + " value";
      }
      float[] a = got.floatBuffer();
      float[] b = expected.floatBuffer();
      for (int i = 0; i < a.length; i++) {
        if (Float.compare(a[i], b[i]) != 0) {
          return op.name() + " in a fused float32 loop gives " + a[i] + " at " + i
              + " but its float32 forward " + b[i];
        }
      }
      return null;
    } finally {
      FusedStep.compileAfterRuns = saved;
    }
  }

  /** Returns why the plan is not one fused float32 loop, compiled when small; null when it is. */
  private static String describe(Plan plan, String name) {
    StepSpec[] steps = plan.program().steps;
    if (steps.length != 1 || !(steps[0] instanceof FusedStep.Spec)) {
      return name + " is not in one fused loop:\n" + plan.explain();
    }
    FusedStep.Spec spec = (FusedStep.Spec) steps[0];
    if (spec.floatCode() == null) {
      return name + " runs in a loop that is not a float32 loop:\n" + plan.explain();
    }
    FusedProgram p = spec.program();
    if (p.isSmall() && !spec.floatCode().isCompiled()) {
      return name + " is not compiled: " + spec.floatCode().mode();
    }
    return null;
  }
}
