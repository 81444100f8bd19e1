package dev.chainrule.nn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.layers.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Models built for float32: every parameter and state tensor is float32, holding the float64
 * model of the same seed rounded to the nearest float, and the model's graphs compute in float32.
 */
class Float32ModelTest {
  private static NetworkBuilder network() {
    return Network.builder(1, 6, 6).conv2d(2, 3, 1, Activation.relu()).batchNorm()
        .maxPool2d(2).flatten().dropout(0.25).dense(4, Activation.tanh())
        .dense(3, Activation.softmax()).seed(5);
  }

  private static void assertRounded(List<Parameter> f64, List<Parameter> f32) {
    assertEquals(f64.size(), f32.size());
    for (int i = 0; i < f64.size(); i++) {
      assertEquals(f64.get(i).name(), f32.get(i).name());
      assertEquals(DType.FLOAT32, f32.get(i).value().dtype(), f32.get(i).name());
      assertEquals(f64.get(i).value().to(DType.FLOAT32), f32.get(i).value(), f32.get(i).name());
    }
  }

  @Test
  void aFloat32NetworkIsTheFloat64NetworkRounded() {
    Network f64 = network().build();
    Network f32 = network().dtype(DType.FLOAT32).build();
    assertEquals(DType.FLOAT64, f64.dtype());
    assertEquals(DType.FLOAT32, f32.dtype());
    assertRounded(f64.parameters(), f32.parameters());
    assertRounded(f64.buffers(), f32.buffers());
  }

  @Test
  void aFloat32SequentialBuildsFloat32Graphs() {
    Sequential f64 = Sequential.builder(Layout.COLUMN, 3).dense(4, Activation.tanh())
        .dense(1, Activation.sigmoid()).seed(2).build();
    Sequential f32 = Sequential.builder(Layout.COLUMN, 3).dense(4, Activation.tanh())
        .dense(1, Activation.sigmoid()).seed(2).dtype(DType.FLOAT32).build();
    assertRounded(f64.parameters(), f32.parameters());
    Graph g = new Graph(f32.dtype());
    Forward f = f32.forward(g.input("X", 3, 5));
    assertEquals(DType.FLOAT32, f.output().dtype());
  }

  @Test
  void aMissingDtypeIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> network().dtype(null));
    assertTrue(e.getMessage().contains("DType.FLOAT32"), e.getMessage());
  }
}
