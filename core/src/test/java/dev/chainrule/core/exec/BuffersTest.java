package dev.chainrule.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Naive;
import dev.chainrule.core.tensor.Samples;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.testing.Close;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** How a plan's values share buffers: a loop writes into an operand it has finished reading. */
class BuffersTest {
  private final Random random = new Random(5);
  private final Graph g = new Graph();
  private final Node p = g.input("P", 3, 4);
  private final Node q = g.input("Q", 4, 5);
  private final Node r = g.input("R", 3, 4);
  private final Node s = g.input("S", 4, 5);
  /** Read by the loop and by the product after it. */
  private final Node u = p.matmul(q).named("U");
  /** Read by the loop only. */
  private final Node v = r.matmul(s).named("V");
  /** The loop tanh(U ⊙ V), whose first operand is still needed when it runs. */
  private final Node w = u.mul(v).tanh().named("W");
  private final Node t = u.matmul(false, w, true).named("T");

  @Test
  void aLoopWritesIntoItsLaterOperandWhenTheFirstIsStillNeeded() {
    Program program = Plan.compile(t).program();
    assertEquals(bufferOf(program, v), bufferOf(program, w),
        "W is written over V, which nothing reads after the loop");
    assertNotEquals(bufferOf(program, u), bufferOf(program, w), "U is read after the loop");
  }

  @Test
  void theSharedBufferGivesTheValuesOfTheNaiveReference() {
    Tensor p0 = Samples.uniform(random, -1, 1, 3, 4);
    Tensor q0 = Samples.uniform(random, -1, 1, 4, 5);
    Tensor r0 = Samples.uniform(random, -1, 1, 3, 4);
    Tensor s0 = Samples.uniform(random, -1, 1, 4, 5);
    Tensor u0 = Naive.matmul(p0, false, q0, false);
    Tensor v0 = Naive.matmul(r0, false, s0, false);
    Tensor w0 = Naive.unary(Naive.binary(u0, v0, (a, b) -> a * b), Math::tanh);
    Tensor expected = Naive.matmul(u0, false, w0, true);
    Results res = Plan.compile(t).run(Feeds.of(p, p0).with(q, q0).with(r, r0).with(s, s0));
    Close.assertClose("T = U·tanh(U ⊙ V)ᵀ", res.get(t), expected, 1e-14, 1e-14);
  }

  private static int bufferOf(Program program, Node n) {
    for (int slot = 0; slot < program.slotNodes.length; slot++) {
      if (program.slotNodes[slot] == n) {
        return program.bufferOf[slot];
      }
    }
    throw new AssertionError(n.name() + " has no slot in the plan");
  }
}
