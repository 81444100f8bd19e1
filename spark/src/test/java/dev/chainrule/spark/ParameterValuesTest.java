package dev.chainrule.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.model.Sequential;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parameter arrays Spark ships: a float32 model's travel as float32 (4 bytes a number, half
 * the serialized bytes of the float64 model's), arrive exactly, and are summed in float64, so a
 * mean of replicas is the float64 mean of their float32 values, rounded once.
 */
class ParameterValuesTest {
  /** 2-12-3: 2·12 + 12 + 12·3 + 3 = 75 parameters. */
  private static final int COUNT = 75;

  private static Sequential net(DType dtype) {
    return Sequential.builder(Layout.ROW, 2).dense(12, Activation.tanh())
        .dense(3, Activation.softmax()).weights(Initializers.xavierNormal()).seed(4)
        .dtype(dtype).build();
  }

  @Test
  void aFloat32ModelsParametersTravelAsFloat32AndArriveExactly() throws Exception {
    Sequential single = net(DType.FLOAT32);
    ParameterValues shipped = ParameterValues.of(single.parameters());
    assertEquals(4, shipped.count());
    for (int i = 0; i < shipped.count(); i++) {
      assertEquals(DType.FLOAT32, shipped.dtype(i), "array " + i);
    }
    assertEquals(4L * COUNT, shipped.bytes());
    assertEquals(8L * COUNT, ParameterValues.of(net(DType.FLOAT64).parameters()).bytes());
    long saved = serializedSize(ParameterValues.of(net(DType.FLOAT64).parameters()))
        - serializedSize(shipped);
    assertTrue(saved >= 4L * COUNT, "float32 arrays save 4 bytes a number, saved " + saved);

    Sequential replica = net(DType.FLOAT32);
    replica.parameters().forEach(p -> p.value().fillInPlace(0.0));
    ParameterValues arrived = SerializationTest.roundTrip(shipped);
    arrived.copyInto(replica.parameters());
    for (int i = 0; i < shipped.count(); i++) {
      Tensor sent = single.parameters().get(i).value();
      assertEquals(DType.FLOAT32, replica.parameters().get(i).value().dtype());
      assertArrayEquals(sent.floatBuffer(), replica.parameters().get(i).value().floatBuffer());
    }
  }

  @Test
  void replicasOfFloat32ValuesAreSummedInFloat64() {
    float up = 1f + 0x1p-23f;
    List<Parameter> a = List.of(new Parameter("w", Tensor.ofFloats(new float[] {up, 3f}, 1, 2)));
    List<Parameter> b = List.of(new Parameter("w", Tensor.ofFloats(new float[] {1f, 3f}, 1, 2)));
    ParameterValues sum = ParameterValues.of(a);
    sum.addInPlace(ParameterValues.of(b));
    sum.scaleInPlace(0.5);
    assertEquals(DType.FLOAT64, sum.dtype(0));
    assertEquals(16, sum.bytes());
    List<Parameter> wide = List.of(new Parameter("w", Tensor.zeros(1, 2)));
    // (1 + 2⁻²³ + 1) / 2 = 1 + 2⁻²⁴, not a float: a float sum would give 2 (ties to even), mean 1
    assertArrayEquals(new double[] {1 + 0x1p-24, 3}, sum.asTensors(wide)[0].toArray(), 0.0);
  }

  private static long serializedSize(Object value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    return bytes.size();
  }
}
