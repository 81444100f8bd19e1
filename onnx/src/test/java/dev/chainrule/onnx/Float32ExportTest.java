package dev.chainrule.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.BatchNorm;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.model.Model;
import dev.chainrule.nn.model.Network;
import dev.chainrule.nn.model.Sequential;
import java.util.Random;
import onnx.Onnx.GraphProto;
import onnx.Onnx.TensorProto;
import org.junit.jupiter.api.Test;

/**
 * Exports float32 models as FLOAT graphs and runs them in ONNX Runtime's float32 kernels.
 *
 * <p>The tolerance: both sides round every product and sum to float32 (unit roundoff u = 2⁻²⁴ ≈
 * 6e−8) but add in different orders, so a dot product of n terms may differ by up to about
 * n·u·Σ|xᵢwᵢ| in the worst case and by √n·u·Σ|xᵢwᵢ| typically. The largest here are 784 terms
 * with Σ|xᵢwᵢ| ≈ 50 (inputs N(0, 4), He weights): about 1e−4 typically on a logit, and softmax
 * (slope at most ½) and the relus do not grow it. {@value #TOLERANCE} leaves room for the two
 * layers and batch norm's division by √(σ² + ε) ≥ 0.1, yet is four orders of magnitude above
 * the float64 tolerance, and a file in the wrong dtype would not load with a float input.
 */
class Float32ExportTest {
  private static final double TOLERANCE = 1e-3;

  @Test
  void aFloat32MlpExportsAsFloatAndRunsInOnnxRuntime() throws Exception {
    for (Layout layout : Layout.values()) {
      Sequential model = Sequential.builder(layout, 784).dense(256, Activation.relu())
          .dense(10, Activation.softmax()).weights(Initializers.heNormal()).seed(7)
          .dtype(DType.FLOAT32).build();
      assertFloatGraph(model);
      OrtCheck.assertSameOutputs(model, OrtCheck.randomRows(64, 784, new Random(7)), TOLERANCE);
    }
  }

  @Test
  void aFloat32CnnWithBatchNormExportsAsFloatAndRunsInOnnxRuntime() throws Exception {
    Network net = Network.builder(1, 28, 28)
        .conv2d(16, 5, 2, Activation.relu()).batchNorm().maxPool2d(2)
        .conv2d(32, 5, 2, Activation.relu()).batchNorm().avgPool2d(2)
        .flatten().dropout(0.25).dense(128, Activation.leakyRelu(0.01))
        .dense(10, Activation.softmax()).seed(1).dtype(DType.FLOAT32).build();
    Random random = new Random(1);
    for (int l : new int[] {1, 4}) {
      BatchNorm norm = (BatchNorm) net.layers().get(l);
      OrtCheck.fillUniform(norm.parameters().get(0).value(), 0.5, 2, random);
      OrtCheck.fillUniform(norm.parameters().get(1).value(), -1, 1, random);
      OrtCheck.fillUniform(norm.buffers().get(0).value(), -1, 1, random);
      OrtCheck.fillUniform(norm.buffers().get(1).value(), 0.01, 3, random);
    }
    assertFloatGraph(net);
    OrtCheck.assertSameOutputs(net, OrtCheck.randomRows(8, 784, random), TOLERANCE);
  }

  /** Asserts that every value the file stores or exchanges is FLOAT or an int64 shape. */
  private static void assertFloatGraph(Model model) throws Exception {
    GraphProto graph = OnnxExport.of(model).toProto().getGraph();
    assertEquals(TensorProto.DataType.FLOAT_VALUE, graph.getInput(0).getType().getTensorType()
        .getElemType());
    assertEquals(TensorProto.DataType.FLOAT_VALUE, graph.getOutput(0).getType().getTensorType()
        .getElemType());
    for (TensorProto t : graph.getInitializerList()) {
      if (t.getDataType() != TensorProto.DataType.INT64_VALUE) {
        assertEquals(TensorProto.DataType.FLOAT_VALUE, t.getDataType(), t.getName());
      }
    }
  }
}
