package dev.chainrule.nn.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.testing.Prerequisites;
import dev.chainrule.nn.data.FashionMnist;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Sequential;
import dev.chainrule.nn.optim.Adam;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Trains a small MLP on the first 2,000 Fashion-MNIST training images and tests it on the first
 * 1,000 test images. Skipped when the data set is not installed (CI installs the Debian package
 * dataset-fashion-mnist). Ten classes make chance 10%; 70% shows that the whole path (reader,
 * layers, loss, Adam, evaluation) works.
 */
class FashionMnistSmokeTest {
  @Test
  void smallSliceTrainsWellAboveChance() throws IOException {
    Prerequisites.require(Files.isDirectory(FashionMnist.defaultDirectory()),
        "Fashion-MNIST in " + FashionMnist.defaultDirectory(),
        "apt-get install dataset-fashion-mnist");
    FashionMnist data = FashionMnist.load(FashionMnist.defaultDirectory(), 2000);
    Sequential net = Sequential.builder(Layout.ROW, 784).dense(64, Activation.relu())
        .dense(10, Activation.softmax()).weights(Initializers.heNormal()).seed(1).build();
    Trainer t = new Trainer(net, Loss.softmaxCrossEntropy(), Adam.of(1e-3));
    History h = t.fit(data.train(), FitOptions.defaults().epochs(3).batchSize(64));
    double accuracy = t.evaluate(data.test().slice(0, 1000)).accuracy();
    assertTrue(accuracy >= 0.70, "test accuracy " + accuracy + " after " + h.last());
  }
}
