package dev.chainrule.onnx;

import dev.chainrule.nn.layers.Layout;

/**
 * Between chainrule's sequences and ONNX's recurrent operators: chainrule lays a batch of m
 * sequences of T steps of F features out as one matrix, (T·F, m) in the column layout or
 * (m, T·F) in the row layout, step t in features [t·F, (t + 1)·F); ONNX's LSTM and GRU take and
 * give (T, m, F), step first.
 */
final class SequenceSteps {
  private SequenceSteps() {}

  /** Appends the view of the sequence {@code input} as (T, m, F) and returns its name. */
  static String stepsFirst(OnnxGraph graph, String scope, String input, Layout layout, int steps,
      int features, String name) {
    if (layout == Layout.COLUMN) {
      String split = graph.reshape(scope, input, name + " (T, F, m)", "the " + steps + " steps "
          + "of " + input + ", (T, F, m)", steps, features, -1);
      return graph.transpose(scope, split, name, name + ": the steps, samples as rows, (T, m, F)",
          0, 2, 1);
    }
    String split = graph.reshape(scope, input, name + " (m, T, F)", "the " + steps + " steps of "
        + input + ", (m, T, F)", -1, steps, features);
    return graph.transpose(scope, split, name, name + ": the steps first, (T, m, F)", 1, 0, 2);
  }

  /**
   * Appends the sequence (T·H, m) or (m, T·H) of the step-first values {@code stepsFirst}
   * (T, m, H), called {@code name}, and returns the name.
   */
  static String joined(OnnxGraph graph, String scope, String stepsFirst, Layout layout,
      int steps, int features, String name) {
    long width = (long) steps * features;
    if (layout == Layout.COLUMN) {
      String columns = graph.transpose(scope, stepsFirst, name + " (T, H, m)", "each step's "
          + "samples as columns, (T, H, m)", 0, 2, 1);
      return graph.reshape(scope, columns, name, name + ": the steps joined, (T·H, m)", width,
          -1);
    }
    String rows = graph.transpose(scope, stepsFirst, name + " (m, T, H)", "the samples first, "
        + "(m, T, H)", 1, 0, 2);
    return graph.reshape(scope, rows, name, name + ": the steps joined, (m, T·H)", -1, width);
  }
}
