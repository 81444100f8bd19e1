package dev.chainrule.core.graph.ops;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ShapeException;
import dev.chainrule.core.tensor.Window2d;
import org.junit.jupiter.api.Test;

/** Shape errors of convolutions and pools, in the user's words: both shapes and the user's line. */
class ConvolutionErrorsTest {
  private final Graph g = new Graph();

  private static void assertMentions(String message, String... parts) {
    for (String p : parts) {
      assertTrue(message.contains(p), () -> "'" + p + "' missing from: " + message);
    }
  }

  @Test
  void aKernelThatDoesNotFitNamesBothShapesAndTheLine() {
    Node x = g.input("X", 2, 1, 4, 4);
    Node w = g.input("W", 16, 1, 5, 5);
    ShapeException e = assertThrows(ShapeException.class, () -> x.conv2d(w));
    assertMentions(e.getMessage(), "conv2d", "W (16, 1, 5, 5)", "X (2, 1, 4, 4)",
        "5×5 kernel (16, 1, 5, 5) does not fit the 4×4 input (2, 1, 4, 4) without padding",
        "ConvolutionErrorsTest.java:");
    assertTrue(e.site().contains("ConvolutionErrorsTest.java:"), e.site());
  }

  @Test
  void channelsThatDisagreeSayWhichKernelWouldFit() {
    Node x = g.input("X", 2, 3, 8, 8);
    Node w = g.input("W", 4, 2, 3, 3);
    ShapeException e = assertThrows(ShapeException.class, () -> x.conv2d(w));
    assertMentions(e.getMessage(), "the kernel (4, 2, 3, 3) reads 2 channels per group × 1 group",
        "the input (2, 3, 8, 8) has 3 channels", "(4, 3, 3, 3)");
  }

  @Test
  void groupsMustDivideTheChannels() {
    Node x = g.input("X", 1, 3, 8, 8);
    Node w = g.input("W", 4, 1, 3, 3);
    ShapeException e = assertThrows(ShapeException.class,
        () -> x.conv2d(w, Window2d.DENSE, 2));
    assertMentions(e.getMessage(), "2 groups must divide both the input's 3 channels");
  }

  @Test
  void aRankOtherThanFourIsNamed() {
    Node x = g.input("X", 8, 8);
    Node w = g.input("W", 4, 1, 3, 3);
    ShapeException e = assertThrows(ShapeException.class, () -> x.conv2d(w));
    assertMentions(e.getMessage(), "the input must have rank 4, (batch, channels, height, width)",
        "got (8, 8)");
  }

  @Test
  void aPoolWindowThatDoesNotFitOrPadsTooMuchIsNamed() {
    Node x = g.input("X", 1, 2, 3, 3);
    assertMentions(assertThrows(ShapeException.class, () -> x.maxPool2d(4)).getMessage(),
        "max_pool2d", "the 4×4 window does not fit the 3×3 input (1, 2, 3, 3) with stride 4");
    assertMentions(assertThrows(ShapeException.class,
        () -> x.avgPool2d(2, 2, Window2d.of(1, 2, 1))).getMessage(),
        "padding (2, 2) is more than half the 2×2 window");
  }

  @Test
  void aDilatedPoolWindowOverPaddingOnlyIsNamed() {
    Node x = g.input("X", 1, 2, 1, 4);
    assertMentions(assertThrows(ShapeException.class,
        () -> x.maxPool2d(2, 2, Window2d.of(1, 1, 2))).getMessage(),
        "window 0 along the height of the input (1, 2, 1, 4) covers only padding",
        "2 taps 2 apart from -1, padding 1");
  }

  @Test
  void badWindowSettingsAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Window2d.of(0, 0, 1));
    assertMentions(e.getMessage(), "strides and dilations of at least 1", "stride (0, 0)");
    assertMentions(assertThrows(IllegalArgumentException.class,
        () -> new AvgPool2d(2, 2, Window2d.of(1, 0, 2))).getMessage(),
        "average pooling takes no dilation");
  }
}
