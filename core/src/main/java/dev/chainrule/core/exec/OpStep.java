package dev.chainrule.core.exec;

import dev.chainrule.core.graph.Kernel;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/** A step running one operation's kernel: its prepared kernel, or its plain {@code forward}. */
final class OpStep implements Step {
  private final Kernel kernel;
  private final int[] args;
  private final int out;
  private final Tensor[] arguments;

  private OpStep(Kernel kernel, int[] args, int out) {
    this.kernel = kernel;
    this.args = args;
    this.out = out;
    this.arguments = new Tensor[args.length];
  }

  @Override
  public void run(Workspace ws) {
    Tensor[] values = ws.values;
    for (int j = 0; j < args.length; j++) {
      arguments[j] = values[args[j]];
    }
    kernel.run(arguments, values[out]);
  }

  /**
   * The plan's description of an operation step.
   *
   * @param op the operation (possibly a rewritten form of the node's, e.g. a folded transpose)
   * @param inputs the shapes of its arguments
   * @param output the shape of its result
   * @param args the value slots of its arguments
   * @param out the value slot of its result
   * @param prepare whether to run the prepared kernel rather than {@code forward}
   */
  record Spec(Op op, List<Shape> inputs, Shape output, int[] args, int out, boolean prepare)
      implements StepSpec {
    @Override
    public Step newStep() {
      Kernel k = prepare ? op.prepare(inputs, output) : op::forward;
      return new OpStep(k, args, out);
    }

    @Override
    public int[] reads() {
      return args;
    }

    @Override
    public int[] writes() {
      return new int[] {out};
    }
  }
}
