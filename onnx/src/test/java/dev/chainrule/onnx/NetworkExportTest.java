package dev.chainrule.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtException;
import dev.chainrule.core.tensor.Window2d;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.BatchNorm;
import dev.chainrule.nn.layers.Layer;
import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.layers.Pool2d;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Network;
import dev.chainrule.nn.optim.Adam;
import dev.chainrule.nn.train.FitOptions;
import dev.chainrule.nn.train.Trainer;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Networks exported to ONNX and run in ONNX Runtime: every layer kind on its own over random
 * windows (stride, padding, dilation, groups), batch norm with running statistics of its own,
 * and a small CNN trained for a few steps, each equal to chainrule's evaluation-mode outputs
 * within 1e-12 on random inputs.
 */
class NetworkExportTest {
  @Property(tries = 40)
  void convolutionsOfAnyWindowRunInOnnxRuntime(@ForAll @IntRange(min = 1, max = 2) int groups,
      @ForAll @IntRange(min = 1, max = 2) int channelsPerGroup,
      @ForAll @IntRange(min = 1, max = 2) int filtersPerGroup,
      @ForAll @IntRange(min = 1, max = 3) int kh, @ForAll @IntRange(min = 1, max = 3) int kw,
      @ForAll @IntRange(min = 1, max = 2) int stride, @ForAll @IntRange(min = 0, max = 2) int pad,
      @ForAll @IntRange(min = 1, max = 2) int dilation, @ForAll("activations") Activation g,
      @ForAll long seed) throws OrtException {
    Window2d window = new Window2d(stride, 3 - stride, pad, 2 - pad, dilation, 3 - dilation);
    Network net = Network.builder(groups * channelsPerGroup, 7, 6)
        .weights(Initializers.normal(1.0)).biases(Initializers.uniform(-1, 1))
        .conv2d(groups * filtersPerGroup, kh, kw, window, groups, g).flatten().seed(seed)
        .build();
    OrtCheck.assertSameOutputs(net, OrtCheck.randomRows(3, net.inputSize(), new Random(seed)));
  }

  @Provide
  Arbitrary<Activation> activations() {
    return Arbitraries.of(Activation.identity(), Activation.relu(), Activation.tanh(),
        Activation.sigmoid(), Activation.leakyRelu(0.1), Activation.softmax());
  }

  @Property(tries = 40)
  void poolingOfAnyWindowRunsInOnnxRuntime(@ForAll boolean max,
      @ForAll @IntRange(min = 1, max = 3) int kh, @ForAll @IntRange(min = 1, max = 3) int kw,
      @ForAll @IntRange(min = 1, max = 3) int strideH, @ForAll @IntRange(min = 1, max = 2) int
      strideW, @ForAll @IntRange(min = 0, max = 1) int padH, @ForAll @IntRange(min = 0, max = 1)
      int padW, @ForAll @IntRange(min = 1, max = 2) int dilation, @ForAll long seed)
      throws OrtException {
    // PoolGeometry: padding at most half the window; average pooling takes no dilation
    Window2d window = new Window2d(strideH, strideW, Math.min(padH, kh / 2),
        Math.min(padW, kw / 2), max ? dilation : 1, 1);
    Network net = Network.builder(2, 6, 7).pool(max ? Pool2d.Kind.MAX : Pool2d.Kind.AVERAGE, kh,
        kw, window).flatten().build();
    OrtCheck.assertSameOutputs(net, OrtCheck.randomRows(4, net.inputSize(), new Random(seed)));
  }

  @Test
  void batchNormUsesItsRunningStatisticsAndChainrulesEpsilon() throws OrtException {
    Random random = new Random(5);
    Network images = Network.builder(3, 4, 4).batchNorm().flatten().build();
    Network rows = Network.builder(5).batchNorm().dense(2, Activation.identity()).seed(2).build();
    for (Network net : List.of(images, rows)) {
      randomStatistics(net.layers().get(0), random);
      OrtCheck.assertSameOutputs(net, OrtCheck.randomRows(6, net.inputSize(), random));
    }
  }

  @Test
  void aChannelOfTinyVarianceKeepsTheFloat64Epsilon() throws OrtException {
    // written as ONNX's float32 epsilon attribute instead of folded into the variance, ε moves
    // this channel's outputs by 2.7e-5 in ONNX Runtime 1.20 (measured), far outside 1e-12
    Network net = Network.builder(1, 3, 3).batchNorm().flatten().build();
    BatchNorm norm = (BatchNorm) net.layers().get(0);
    norm.buffers().get(1).value().buffer()[0] = 1e-6;
    OrtCheck.assertSameOutputs(net, OrtCheck.randomRows(4, 9, new Random(3)));
  }

  @Test
  void dropoutIsTheIdentityAtInference() throws OrtException {
    Network net = Network.builder(8).dense(6, Activation.relu()).dropout(0.5)
        .dense(3, Activation.softmax()).seed(4).build();
    OrtCheck.assertSameOutputs(net, OrtCheck.randomRows(5, 8, new Random(4)));
    assertEquals(List.of("MatMul", "Add", "Relu", "Dropout", "MatMul", "Add", "Softmax"),
        OnnxExport.of(net).toProto().getGraph().getNodeList().stream()
            .map(n -> n.getOpType()).toList());
  }

  @Test
  void aSmallCnnTrainedForAFewStepsRunsInOnnxRuntime() throws OrtException {
    Network net = Network.builder(1, 12, 12)
        .conv2d(4, 3, 1, Activation.identity()).batchNorm().maxPool2d(2)
        .conv2d(6, 3, 1, Activation.relu()).batchNorm().avgPool2d(2)
        .flatten().dropout(0.25).dense(16, Activation.relu()).dense(3, Activation.softmax())
        .seed(6).build();
    Random random = new Random(6);
    int[] labels = new int[64];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = random.nextInt(3);
    }
    Dataset data = Dataset.classification("random", OrtCheck.randomRows(64, 144, random), labels,
        3);
    new Trainer(net, Loss.softmaxCrossEntropy(), Adam.of(1e-2)).fit(data, FitOptions.defaults()
        .epochs(2).batchSize(16).shuffled(6));
    BatchNorm first = (BatchNorm) net.layers().get(1);
    assertTrue(first.buffers().get(1).value().get(0, 0, 0, 0) != 1.0, "training moved the "
        + "running variance");
    OrtCheck.assertSameOutputs(net, OrtCheck.randomRows(10, 144, random));
  }

  @Test
  void theExamplesCnnExportsWithItsLayersNamedAsInChainrule() throws OrtException {
    Network net = Network.builder(1, 28, 28)
        .conv2d(16, 5, 2, Activation.relu()).batchNorm().maxPool2d(2)
        .conv2d(32, 5, 2, Activation.relu()).batchNorm().maxPool2d(2)
        .flatten().dense(128, Activation.relu()).dense(10, Activation.softmax()).seed(1).build();
    Random random = new Random(1);
    randomStatistics(net.layers().get(1), random);
    randomStatistics(net.layers().get(4), random);
    OrtCheck.assertSameOutputs(net, OrtCheck.randomRows(8, 784, random));
    OnnxExport export = OnnxExport.of(net);
    assertEquals("A[9]", export.outputName());
    List<String> initializers = export.toProto().getGraph().getInitializerList().stream()
        .map(t -> t.getName()).toList();
    for (Parameter p : net.parameters()) {
      assertTrue(initializers.contains(p.name()), p.name() + " in " + initializers);
    }
    assertTrue(initializers.contains("running_var[2] + ε"), initializers.toString());
  }

  /** Sets γ, β, the running mean and the running variance of a batch norm layer at random. */
  private static void randomStatistics(Layer layer, Random random) {
    BatchNorm norm = (BatchNorm) layer;
    OrtCheck.fillUniform(norm.parameters().get(0).value(), 0.5, 2, random);
    OrtCheck.fillUniform(norm.parameters().get(1).value(), -1, 1, random);
    OrtCheck.fillUniform(norm.buffers().get(0).value(), -1, 1, random);
    OrtCheck.fillUniform(norm.buffers().get(1).value(), 0.01, 3, random);
  }
}
