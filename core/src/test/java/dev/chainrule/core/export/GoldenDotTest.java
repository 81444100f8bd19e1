package dev.chainrule.core.export;

import static dev.chainrule.core.export.DotAssertions.assertGolden;

import dev.chainrule.core.export.ExportOptions.Direction;
import dev.chainrule.core.export.ExportOptions.ValueDisplay;
import dev.chainrule.core.export.ExportOptions.View;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The exact DOT text of each view of the two-layer network, against files in
 * src/test/resources/export that were checked by eye, rendered. A change of layout, colour or
 * label shows up here as a diff to review.
 */
class GoldenDotTest {
  private final TwoLayerNet net = new TwoLayerNet();

  @Test
  void forward() throws IOException {
    assertGolden("two-layer-forward.dot", GraphExport.of(net.loss).gradients(net.grads)
        .options(ExportOptions.defaults().withView(View.FORWARD)).toDot());
  }

  @Test
  void backward() throws IOException {
    assertGolden("two-layer-backward.dot", GraphExport.of(net.grads.list()).gradients(net.grads)
        .options(ExportOptions.defaults().withView(View.BACKWARD)).toDot());
  }

  @Test
  void bothWithValuesLeftToRightAndATitle() throws IOException {
    assertGolden("two-layer-both-values.dot", GraphExport.of(net.gradientsAndLoss())
        .gradients(net.grads).options(ExportOptions.defaults().withValues(ValueDisplay.VALUES)
            .withDirection(Direction.LR).withTitle("two-layer net: forward & backward"))
        .toDot());
  }

  @Test
  void forwardWithStatisticsAndGradientsWithoutLegend() throws IOException {
    assertGolden("two-layer-forward-stats.dot", GraphExport.of(net.loss).gradients(net.grads)
        .options(ExportOptions.defaults().withView(View.FORWARD).withLegend(false)
            .withValues(ValueDisplay.STATISTICS)).toDot());
  }

  @Test
  void layers() throws IOException {
    assertGolden("two-layer-layers.dot", GraphExport.of(net.gradientsAndLoss())
        .gradients(net.grads).options(ExportOptions.defaults().withCollapsedScopes(true))
        .toDot());
  }
}
