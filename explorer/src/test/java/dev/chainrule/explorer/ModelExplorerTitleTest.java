package dev.chainrule.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Network;
import dev.chainrule.nn.model.Sequential;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A model's page is titled by the model itself: a dense stack by its widths, a network by its
 * sample shape, its layers (the boxes the page opens with) and its outputs, never by the bare class
 * name "Network". The expected titles are written from the models' definitions below.
 */
class ModelExplorerTitleTest {
  private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>");

  private static String title(String html) {
    Matcher m = TITLE.matcher(html);
    assertTrue(m.find(), "the page has a title");
    return m.group(1);
  }

  @Test
  void aNetworksPageNamesItsShapeAndLayers() {
    Network net = Network.builder(1, 4, 4).conv2d(2, 3, 1, Activation.relu()).maxPool2d(2)
        .flatten().dense(3, Activation.softmax()).seed(3).build();
    Tensor images = Tensor.of(new double[2 * 16], 2, 16);
    Tensor targets = Tensor.matrix(new double[] {1, 0, 0}, new double[] {0, 1, 0});
    String html = ModelExplorer.of(net, Loss.softmaxCrossEntropy(), images, targets).toHtml();
    String expected = "chainrule model (1, 4, 4) → conv1 → maxpool2 → flatten3 → layer4 → 3, "
        + "loss " + Loss.softmaxCrossEntropy().name();
    assertEquals(expected, title(html));
  }

  @Test
  void aDenseStacksPageKeepsItsWidths() {
    Sequential mlp = Sequential.builder(Layout.ROW, 4).dense(5, Activation.relu())
        .dense(3, Activation.softmax()).seed(1).build();
    Tensor features = Tensor.matrix(new double[] {0.1, 0.2, 0.3, 0.4},
        new double[] {0.5, -0.1, 0.0, 0.2});
    Tensor targets = Tensor.matrix(new double[] {1, 0, 0}, new double[] {0, 0, 1});
    String html = ModelExplorer.of(mlp, Loss.softmaxCrossEntropy(), features, targets).toHtml();
    assertTrue(title(html).startsWith("chainrule model 4-5-3, loss "), title(html));
  }
}
