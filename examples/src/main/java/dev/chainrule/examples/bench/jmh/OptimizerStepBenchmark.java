package dev.chainrule.examples.bench.jmh;

import dev.chainrule.core.exec.train.Optimizer;
import dev.chainrule.core.exec.train.OptimizerState;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.optim.Adam;
import dev.chainrule.nn.optim.Momentum;
import java.util.List;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Times one optimizer step over a million parameters, in float64 (the reference) and in float32,
 * for momentum and Adam: the float32 updates run in float arithmetic, so their step should cost
 * no more than float64's (a loop converting each element to double and back cost five times as
 * much).
 */
public class OptimizerStepBenchmark extends JmhDefaults {
  /** {@code momentum} or {@code adam}. */
  @Param({"momentum", "adam"})
  public String optimizer;

  /** {@code FLOAT64} (the reference) or {@code FLOAT32}. */
  @Param({"FLOAT64", "FLOAT32"})
  public String dtype;

  private OptimizerState state;
  private Tensor[] gradients;

  /** Starts the optimizer on a parameter of 2²⁰ elements with a fixed gradient. */
  @Setup
  public void setUp() {
    DType type = DType.valueOf(dtype);
    Random r = new Random(5);
    double[] w = new double[1 << 20];
    double[] g = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = r.nextGaussian();
      g[i] = 1e-3 * r.nextGaussian();
    }
    Optimizer rule = optimizer.equals("adam") ? Adam.of(1e-3) : Momentum.of(1e-3);
    state = rule.start(List.of(Tensor.of(w, w.length).to(type)));
    gradients = new Tensor[] {Tensor.of(g, g.length).to(type)};
  }

  /** One update of the parameter. */
  @Benchmark
  public OptimizerState step() {
    state.stepInPlace(gradients, 1e-3);
    return state;
  }
}
