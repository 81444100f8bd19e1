package dev.chainrule.core.exec;

import dev.chainrule.core.tensor.Tensor;

/** The update rule of a training step applied to the parameters whose gradients were stored. */
final class RuleStep implements Step {
  private final Spec s;
  private final Tensor[] parameters;
  private final Tensor[] gradients;

  private RuleStep(Spec s) {
    this.s = s;
    this.parameters = new Tensor[s.parameters.length];
    this.gradients = new Tensor[s.gradients.length];
  }

  @Override
  public void run(Workspace ws) {
    for (int i = 0; i < parameters.length; i++) {
      parameters[i] = ws.values[s.parameters[i]];
      gradients[i] = ws.values[s.gradients[i]];
    }
    s.update.applyInPlace(parameters, gradients, ws.learningRate);
  }

  /**
   * The plan's description of the update.
   *
   * @param update the rule
   * @param parameters the value slots of the parameters it updates
   * @param gradients the value slots of their gradients, in the same order
   */
  record Spec(Update update, int[] parameters, int[] gradients) implements StepSpec {
    @Override
    public Step newStep(Tensor[] values, boolean[] fed, double[][] scratch) {
      return new RuleStep(this);
    }

    @Override
    public int[] reads() {
      int[] r = new int[parameters.length + gradients.length];
      System.arraycopy(parameters, 0, r, 0, parameters.length);
      System.arraycopy(gradients, 0, r, parameters.length, gradients.length);
      return r;
    }

    @Override
    public int[] writes() {
      return new int[0];
    }

    @Override
    public String describe(java.util.function.IntFunction<String> slots) {
      StringBuilder sb = new StringBuilder("update ").append(update).append(':');
      for (int i = 0; i < parameters.length; i++) {
        sb.append(' ').append(slots.apply(parameters[i])).append(" ← ")
            .append(slots.apply(gradients[i]));
      }
      return sb.toString();
    }
  }
}
