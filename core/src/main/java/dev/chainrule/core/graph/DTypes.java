package dev.chainrule.core.graph;

import dev.chainrule.core.tensor.DType;

/** The dtype rule of {@link Graph#apply}: an operation's inputs share one dtype. */
final class DTypes {
  private DTypes() {}

  /**
   * Returns the dtype the non-literal inputs share (literals adapt to it), or {@code fallback} when
   * every input is a literal; throws naming each input and its dtype when they differ.
   */
  static DType common(Op op, Node[] inputs, DType fallback) {
    DType common = null;
    for (Node n : inputs) {
      if (!n.isLiteral()) {
        if (common != null && n.dtype() != common) {
          throw mixed(op, inputs);
        }
        common = n.dtype();
      }
    }
    return common != null ? common : fallback;
  }

  private static DTypeException mixed(Op op, Node[] inputs) {
    StringBuilder sb = new StringBuilder(op.name()).append(" of ");
    for (int i = 0; i < inputs.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(inputs[i].name()).append(' ')
          .append(inputs[i].dtype());
    }
    return new DTypeException(sb.append(": the inputs of an operation must have one dtype; cast ")
        .append("one of them with .cast(DType.FLOAT32) or .cast(DType.FLOAT64) (at ")
        .append(CreationSite.here()).append(')').toString());
  }
}
