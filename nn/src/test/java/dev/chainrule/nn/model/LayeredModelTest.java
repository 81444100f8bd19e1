package dev.chainrule.nn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chainrule.core.tensor.Shape;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a {@link Network} and a {@link LayerStack} share: refusing no layers, listing them. */
class LayeredModelTest {
  @Test
  void aModelWithoutLayersIsRefusedNamingItsKind() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Network(Shape.of(3), List.of()));
    assertEquals("a network needs at least one layer", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new LayerStack(Layout.ROW, List.of()));
    assertEquals("a layer stack needs at least one layer", e.getMessage());
  }

  @Test
  void theDescriptionListsOneIndentedLinePerLayerAfterTheHeading() {
    Network net = Network.builder(3).dense(2, Activation.tanh()).dense(1, Activation.identity())
        .build();
    String[] lines = net.toString().split("\n");
    assertEquals(3, lines.length);
    assertEquals("  " + net.layers().get(0), lines[1]);
    assertEquals("  " + net.layers().get(1), lines[2]);
    LayerStack stack = new LayerStack(Layout.ROW, net.layers());
    assertEquals("LayerStack (row layout, 11 parameters)\n  " + net.layers().get(0) + "\n  "
        + net.layers().get(1), stack.toString());
  }
}
