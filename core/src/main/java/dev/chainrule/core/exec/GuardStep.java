package dev.chainrule.core.exec;

import dev.chainrule.core.tensor.Finiteness;
import dev.chainrule.core.tensor.Tensor;

/**
 * Decides, before a run's accumulations, whether they run: only when the guard's value (a
 * training step's loss) holds no NaN and no infinity.
 */
final class GuardStep implements Step {
  private final int guard;

  private GuardStep(int guard) {
    this.guard = guard;
  }

  @Override
  public void run(Workspace ws) {
    Tensor v = ws.values[guard];
    ws.accumulating = Finiteness.allFinite(v);
  }

  /**
   * The plan's description of the guard.
   *
   * @param guard the value slot whose value must be finite
   */
  record Spec(int guard) implements StepSpec {
    @Override
    public Step newStep(Tensor[] values, boolean[] fed, double[][] scratch) {
      return new GuardStep(guard);
    }

    @Override
    public int[] reads() {
      return new int[] {guard};
    }

    @Override
    public int[] writes() {
      return new int[0];
    }

    @Override
    public String describe(java.util.function.IntFunction<String> slots) {
      return "accumulate only if " + slots.apply(guard) + " is finite";
    }
  }
}
