package dev.chainrule.core.exec;

import dev.chainrule.core.tensor.Tensor;

/** The accumulations W ← W + s·G of the parameters whose increments were stored. */
final class AxpyStep implements Step {
  private final Spec s;

  private AxpyStep(Spec s) {
    this.s = s;
  }

  @Override
  public void run(Workspace ws) {
    if (!ws.accumulating) {
      return;
    }
    for (int i = 0; i < s.parameters.length; i++) {
      ws.values[s.parameters[i]].addScaledInPlace(ws.scale, ws.values[s.increments[i]]);
    }
  }

  /**
   * The plan's description of the accumulations.
   *
   * @param parameters the value slots of the parameters added to
   * @param increments the value slots of what is added to each, in the same order
   */
  record Spec(int[] parameters, int[] increments) implements StepSpec {
    @Override
    public Step newStep(Tensor[] values, boolean[] fed, double[][] scratch) {
      return new AxpyStep(this);
    }

    @Override
    public int[] reads() {
      int[] r = new int[parameters.length + increments.length];
      System.arraycopy(parameters, 0, r, 0, parameters.length);
      System.arraycopy(increments, 0, r, parameters.length, increments.length);
      return r;
    }

    @Override
    public int[] writes() {
      return new int[0];
    }

    @Override
    public String describe(java.util.function.IntFunction<String> slots) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < parameters.length; i++) {
        sb.append(i == 0 ? "" : ", ").append(slots.apply(parameters[i])).append(" += s·")
            .append(slots.apply(increments[i]));
      }
      return sb.toString();
    }
  }
}
