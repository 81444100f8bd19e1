package dev.chainrule.core.exec;

import dev.chainrule.core.graph.Kernel;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/** A step running one operation's kernel: its prepared kernel, or its plain {@code forward}. */
final class OpStep implements Step {
  private final Kernel kernel;
  private final int[] args;
  private final Tensor out;
  private final Tensor[] arguments;
  private final boolean anyFed;
  private final boolean[] fed;

  private OpStep(Kernel kernel, int[] args, Tensor out, Tensor[] values, boolean[] fedSlots) {
    this.kernel = kernel;
    this.args = args;
    this.out = out;
    this.arguments = new Tensor[args.length];
    this.fed = new boolean[args.length];
    boolean any = false;
    for (int j = 0; j < args.length; j++) {
      arguments[j] = values[args[j]];
      fed[j] = fedSlots[args[j]];
      any |= fed[j];
    }
    this.anyFed = any;
  }

  @Override
  public void run(Workspace ws) {
    if (anyFed) {
      for (int j = 0; j < args.length; j++) {
        if (fed[j]) {
          arguments[j] = ws.values[args[j]];
        }
      }
    }
    kernel.run(arguments, out);
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
   * @param dtype the dtype of the result, which the operation supports
   */
  record Spec(Op op, List<Shape> inputs, Shape output, int[] args, int out, boolean prepare,
      DType dtype) implements StepSpec {
    @Override
    public Step newStep(Tensor[] values, boolean[] fed, double[][] scratch) {
      Kernel k = prepare ? op.prepare(inputs, output, dtype) : op::forward;
      return new OpStep(k, args, values[out], values, fed);
    }

    @Override
    public int[] reads() {
      return args;
    }

    @Override
    public int[] writes() {
      return new int[] {out};
    }

    @Override
    public String describe(java.util.function.IntFunction<String> slots) {
      StringBuilder sb = new StringBuilder(slots.apply(out)).append(" = ").append(op.label())
          .append('(');
      for (int j = 0; j < args.length; j++) {
        sb.append(j == 0 ? "" : ", ").append(slots.apply(args[j]));
      }
      return sb.append(')').append(prepare ? "" : " [forward]").toString();
    }
  }
}
