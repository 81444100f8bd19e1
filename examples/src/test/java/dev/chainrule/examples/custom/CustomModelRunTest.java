package dev.chainrule.examples.custom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.io.ModelFile;
import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.optim.Adam;
import dev.chainrule.nn.train.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomModelRunTest {
  @Test
  void skipNetPassesGradcheckAndLearnsTheMoons() {
    CustomModelRun r = CustomModelRun.compute(100, 1);
    assertTrue(r.gradcheck().passes(1e-7), r.gradcheck().toString());
    assertEquals(5, r.gradcheck().entries().size());
    assertTrue(r.accuracy() >= 0.95, "accuracy " + r.accuracy());
    assertTrue(r.testAccuracy() >= 0.93, "test accuracy " + r.testAccuracy());
  }

  /** A custom model has no architecture in its file: it is built in code and loaded into. */
  @Test
  void loadIntoRestoresTheSkipNetsParameters(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("skipnet.crm");
    SkipNet saved = new SkipNet(2, 8, 1);
    ModelFile.save(saved, file);
    SkipNet restored = new SkipNet(2, 8, 2);
    assertFalse(sameValues(saved, restored), "different seeds draw different weights");
    ModelFile.loadInto(restored, file);
    assertTrue(sameValues(saved, restored));
    Tensor points = Tensor.matrix(new double[] {0.5, 0.25}, new double[] {-1, 1.5},
        new double[] {2, -0.5});
    assertArrayEquals(predict(saved, points).buffer(), predict(restored, points).buffer());
  }

  private static Tensor predict(SkipNet net, Tensor points) {
    return new Trainer(net, Loss.binaryCrossEntropyWithLogits(), Adam.of(0.02)).predict(points);
  }

  private static boolean sameValues(SkipNet a, SkipNet b) {
    for (int i = 0; i < a.parameters().size(); i++) {
      Parameter p = a.parameters().get(i);
      if (!p.value().equals(b.parameters().get(i).value())) {
        return false;
      }
    }
    return true;
  }
}
