package dev.chainrule.core.graph.ops;

import dev.chainrule.core.tensor.Window2d;

/** How the convolution ops write their attributes in picture labels: "W ⋆ X stride 2". */
final class ConvLabels {
  private ConvLabels() {}

  /** Returns {@code symbol} followed by the window's non-default settings and the groups. */
  static String label(String symbol, Window2d window, int groups) {
    String w = window.label();
    return symbol + (w.isEmpty() ? "" : " " + w) + (groups == 1 ? "" : " groups " + groups);
  }
}
