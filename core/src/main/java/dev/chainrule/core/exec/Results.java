package dev.chainrule.core.exec;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;

/**
 * The values computed by one run of a {@link Plan}. The tensors are the plan's own buffers, reused
 * by the next run on the same thread: read them or {@link Tensor#copy()} them before running again.
 */
public final class Results {
  private final Program program;
  private final Tensor[] values;

  Results(Program program, Tensor[] values) {
    this.program = program;
    this.values = values;
  }

  /** Returns the value of {@code node}, which must be a target of the plan or one of its inputs. */
  public Tensor get(Node node) {
    int slot = program.slotOf(node);
    if (slot < 0) {
      throw new IllegalArgumentException("node " + node.name() + " was not computed by this plan;"
          + " compile the plan with it among the targets");
    }
    return values[slot];
  }

  /** Returns the single element of {@code node}'s value, e.g. a scalar loss. */
  public double scalar(Node node) {
    return get(node).item();
  }
}
