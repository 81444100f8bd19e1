package dev.chainrule.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.train.Sgd;
import dev.chainrule.core.exec.train.TrainingStep;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Samples;
import dev.chainrule.core.tensor.Tensor;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * For fixed shapes a run allocates nothing once the thread's buffers exist: the bytes this thread
 * allocates over a thousand runs, after warming up, are counted by the JVM. The products are kept
 * below the GEMM's small-product size so that only the plan's own steps are measured.
 */
class NoAllocationTest {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  @Test
  void trainingStepRunsAllocateNothing() {
    Random r = new Random(1);
    Graph g = new Graph();
    Node x = g.input("X", 4, 3);
    Node w1 = g.parameter("W1", Samples.uniform(r, -1, 1, 3, 5));
    Node b1 = g.parameter("b1", Samples.uniform(r, -1, 1, 5));
    Node w2 = g.parameter("W2", Samples.uniform(r, -1, 1, 5, 2));
    Node y = g.constant("Y", Tensor.matrix(new double[] {1, 0}, new double[] {0, 1},
        new double[] {1, 0}, new double[] {0, 1}));
    Node z = x.matmul(w1).add(b1).sigmoid().matmul(w2);
    Node loss = y.mul(z.logSoftmax(1)).sum(1).mean().neg().named("L");
    TrainingStep step = TrainingStep.builder(loss).parameters(w1, b1, w2).optimizer(new Sgd(0.01))
        .options(ExecOptions.defaults().withThreads(1)).build();
    Feeds feeds = Feeds.of(x, Samples.uniform(r, -1, 1, 4, 3));
    assertEquals(0, allocatedPerRun(() -> step.run(feeds, 0.01)), "bytes per training step");
  }

  /**
   * The same network in float32, its updates fused into the float GEMMs: a float32 product or
   * update that widened its operands to double would allocate the copies every run.
   */
  @Test
  void float32StepsWithFusedUpdatesAllocateNothing() {
    Random r = new Random(1);
    Graph g = new Graph(DType.FLOAT32);
    Node x = g.input("X", 4, 3);
    Node w1 = g.parameter("W1", Samples.uniform(r, -1, 1, 3, 5).to(DType.FLOAT32));
    Node b1 = g.parameter("b1", Samples.uniform(r, -1, 1, 5).to(DType.FLOAT32));
    Node w2 = g.parameter("W2", Samples.uniform(r, -1, 1, 5, 2).to(DType.FLOAT32));
    Node z = x.matmul(w1).add(b1).sigmoid().matmul(w2);
    Node loss = z.logSoftmax(1).sum(1).mean().neg().named("L");
    List<Node> params = List.of(w1, b1, w2);
    Plan step = Plan.compile(List.of(loss), Accumulations.of(params,
        Autodiff.gradients(loss, params).list()), ExecOptions.defaults().withThreads(1));
    assertTrue(step.toString().contains("2 updates fused into GEMMs"), step.toString());
    Feeds feeds = Feeds.of(x, Samples.uniform(r, -1, 1, 4, 3).to(DType.FLOAT32));
    assertEquals(0, allocatedPerRun(() -> step.run(feeds, -1e-6)), "bytes per float32 step");
  }

  @Test
  void scalarChainRunsAllocateNothing() {
    Graph g = new Graph();
    Node x = g.parameter("x", Tensor.scalar(0.5));
    Node y = x;
    for (int i = 0; i < 200; i++) {
      y = y.mul(x).add(g.scalar(1.0 / (i + 1))).sigmoid();
    }
    Plan plan = Plan.compile(List.of(y, Autodiff.grad(y, x).get(0)));
    assertEquals(0, allocatedPerRun(() -> plan.run(Feeds.none())), "bytes per run");
  }

  @Test
  void unfusedPreparedKernelsAllocateNothing() {
    Random r = new Random(2);
    Graph g = new Graph();
    Node x = g.parameter("x", Samples.uniform(r, -1, 1, 3, 4, 5));
    Node y = x.transpose(2, 0, 1).softmax(1).sumKeepDims(0, 2).max(1).add(x.mean(1, 2).sum());
    Plan plan = Plan.compile(List.of(y, Autodiff.grad(y, x).get(0)),
        new ExecOptions(true, false, true, true, true, 1));
    assertEquals(0, allocatedPerRun(() -> plan.run(Feeds.none())), "bytes per run");
  }

  /** Returns the bytes this thread allocates per call of {@code run}, after warming up. */
  private static long allocatedPerRun(Runnable run) {
    long tid = Thread.currentThread().getId();
    for (int i = 0; i < 20_000; i++) {
      run.run();
    }
    long before = THREADS.getThreadAllocatedBytes(tid);
    for (int i = 0; i < 1000; i++) {
      run.run();
    }
    long bytes = THREADS.getThreadAllocatedBytes(tid) - before;
    return bytes / 1000;
  }
}
