package dev.chainrule.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtException;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.model.Forward;
import dev.chainrule.nn.model.Model;
import dev.chainrule.nn.model.Sequential;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Runs exported files in ONNX Runtime, a second implementation of every operator, on random
 * inputs and compares its outputs with chainrule's predictions for the same model: equal within
 * 1e-12 in float64, for every activation, both layouts and any batch size.
 */
class OnnxRuntimeTest {
  @Property(tries = 40)
  void onnxRuntimeComputesWhatChainruleComputes(
      @ForAll("activations") @Size(min = 1, max = 3) List<Activation> activations,
      @ForAll @IntRange(min = 1, max = 6) int width, @ForAll boolean row,
      @ForAll @IntRange(min = 1, max = 7) int samples, @ForAll long seed) throws OrtException {
    Sequential.Builder b = Sequential.builder(row ? Layout.ROW : Layout.COLUMN, width + 1)
        .weights(Initializers.normal(1.0)).biases(Initializers.uniform(-1, 1)).seed(seed);
    for (int i = 0; i < activations.size(); i++) {
      b.dense(i == activations.size() - 1 ? 3 : width + i, activations.get(i));
    }
    Sequential model = b.build();
    Tensor features = OrtCheck.randomRows(samples, model.inputSize(), new Random(seed));
    OrtCheck.assertSameOutputs(model, features);
  }

  @Provide
  Arbitrary<List<Activation>> activations() {
    return Arbitraries.of(Activation.identity(), Activation.sigmoid(), Activation.tanh(),
        Activation.relu(), Activation.leakyRelu(0.01), Activation.leakyRelu(0.3),
        Activation.softmax()).list();
  }

  @Test
  void theFashionMnistShapedMlpRunsInOnnxRuntime() throws OrtException {
    Sequential model = Sequential.builder(Layout.ROW, 784).dense(256, Activation.relu())
        .dense(10, Activation.softmax()).weights(Initializers.heNormal()).seed(7).build();
    OrtCheck.assertSameOutputs(model, OrtCheck.randomRows(64, 784, new Random(7)));
  }

  @Test
  void theFileStatesItsVersionsAndNamesAsChainruleDoes() throws Exception {
    Sequential model = Sequential.builder(Layout.COLUMN, 3).dense(4, Activation.tanh())
        .dense(1, Activation.sigmoid()).seed(1).build();
    onnx.Onnx.ModelProto proto = onnx.Onnx.ModelProto.parseFrom(OnnxExport.of(model).toBytes());
    assertEquals(8, proto.getIrVersion());
    assertEquals(17, proto.getOpsetImport(0).getVersion());
    assertEquals("", proto.getOpsetImport(0).getDomain());
    assertEquals(List.of("W[1]", "b[1]", "W[2]", "b[2]"), proto.getGraph().getInitializerList()
        .stream().map(t -> t.getName()).toList());
    assertEquals(List.of("MatMul", "Add", "Tanh", "MatMul", "Add", "Sigmoid"), proto.getGraph()
        .getNodeList().stream().map(n -> n.getOpType()).toList());
    assertEquals("A[2]", proto.getGraph().getOutput(0).getName());
    assertEquals("m", proto.getGraph().getInput(0).getType().getTensorType().getShape()
        .getDim(1).getDimParam());
  }

  @Test
  void aCustomModelIsRefusedInTheUsersWords() {
    Model custom = new Model() {
      @Override
      public Layout layout() {
        return Layout.ROW;
      }

      @Override
      public int inputSize() {
        return 1;
      }

      @Override
      public int outputSize() {
        return 1;
      }

      @Override
      public Forward forward(Node input) {
        return new Forward(input, input, input, Layout.ROW);
      }

      @Override
      public List<Parameter> parameters() {
        return List.of();
      }
    };
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OnnxExport.of(custom));
    assertTrue(e.getMessage().contains("only a Sequential, a Network or a LayerStack describes "
        + "its layers"), e.getMessage());
  }
}
