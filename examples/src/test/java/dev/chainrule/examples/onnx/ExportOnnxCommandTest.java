package dev.chainrule.examples.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.examples.cli.CliRun;
import dev.chainrule.core.testing.Prerequisites;
import dev.chainrule.nn.data.FashionMnist;
import dev.chainrule.nn.io.ModelFile;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.examples.cnn.CnnRun;
import dev.chainrule.examples.sequence.SequenceRun;
import dev.chainrule.nn.layers.Cell;
import dev.chainrule.nn.model.LayerStack;
import dev.chainrule.nn.model.Model;
import dev.chainrule.nn.model.Network;
import dev.chainrule.nn.model.Sequential;
import dev.chainrule.nn.train.Inference;
import java.nio.DoubleBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export-onnx command: models saved by the fashion-mnist, cnn and sequence examples export
 * (the last two with --example, which rebuilds their Network or LayerStack in code), and ONNX
 * Runtime computes from the file what chainrule computes from the saved model; bad files are bad
 * input, and a file without an architecture says what to do.
 */
class ExportOnnxCommandTest {
  @TempDir
  Path dir;

  @Test
  void theFashionMnistExamplesSavedModelRunsInOnnxRuntime() throws Exception {
    Prerequisites.require(Files.isDirectory(FashionMnist.defaultDirectory()), "Fashion-MNIST",
        "apt-get install dataset-fashion-mnist");
    Path model = dir.resolve("fashion.model");
    CliRun train = CliRun.of("fashion-mnist", "--limit", "600", "--epochs", "1", "--hidden", "32",
        "--validation", "100", "--save", model.toString());
    assertEquals(0, train.status(), train.err());
    Path onnx = dir.resolve("fashion.onnx");
    CliRun r = CliRun.of("export-onnx", model.toString(), "--out", onnx.toString());
    assertEquals(0, r.status(), r.err());
    assertEquals("wrote " + onnx + ": 784-32-10 model, ONNX opset 17, float64, row layout, input "
        + "X (m, 784), output A[2]\n", r.out());
    assertSameAsChainrule(ModelFile.load(model), onnx, 784);
  }

  @Test
  void aColumnLayoutModelExportsWithSamplesAsColumns() throws Exception {
    Sequential net = Sequential.builder(Layout.COLUMN, 3).dense(4, Activation.tanh())
        .dense(1, Activation.sigmoid()).seed(4).build();
    Path model = dir.resolve("shallow.model");
    ModelFile.save(net, model);
    Path onnx = dir.resolve("shallow.onnx");
    CliRun r = CliRun.of("export-onnx", model.toString(), "--out", onnx.toString(), "--json");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("\"layout\": \"column\"") || r.out().contains(
        "\"layout\":\"column\""), r.out());
    assertSameAsChainrule(net, onnx, 3);
  }

  @Test
  void theReferenceFileHoldsInputsAndTheOutputsOnnxRuntimeComputesFromThem() throws Exception {
    Sequential net = Sequential.builder(Layout.COLUMN, 5).dense(7, Activation.relu())
        .dense(3, Activation.softmax()).seed(8).build();
    Path model = dir.resolve("net.model");
    ModelFile.save(net, model);
    Path onnx = dir.resolve("net.onnx");
    Path reference = dir.resolve("net.json");
    CliRun r = CliRun.of("export-onnx", model.toString(), "--out", onnx.toString(), "--reference",
        reference.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().endsWith("wrote " + reference.toAbsolutePath() + ": 16 random inputs and "
        + "chainrule's outputs for them\n"), r.out());
    JsonObject json = JsonParser.parseString(Files.readString(reference)).getAsJsonObject();
    assertEquals("X", json.get("input").getAsString());
    assertEquals("A[2]", json.get("output").getAsString());
    assertEquals("column", json.get("layout").getAsString());
    double[][] inputs = new Gson().fromJson(json.get("inputs"), double[][].class);
    double[][] outputs = new Gson().fromJson(json.get("outputs"), double[][].class);
    // the column layout: one column per sample, 5 features and 3 classes
    assertEquals(5, inputs.length);
    assertEquals(16, inputs[0].length);
    assertEquals(3, outputs.length);
    for (int sample = 0; sample < 16; sample++) {
      double total = 0;
      for (int feature = 0; feature < 5; feature++) {
        assertTrue(inputs[feature][sample] >= 0 && inputs[feature][sample] < 1);
      }
      for (double[] row : outputs) {
        total += row[sample];
      }
      assertEquals(1, total, 1e-12, "softmax outputs of sample " + sample);
    }
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    Tensor x = Tensor.matrix(inputs);
    try (OrtSession s = env.createSession(onnx.toString(), new OrtSession.SessionOptions());
        OnnxTensor t = OnnxTensor.createTensor(env, DoubleBuffer.wrap(x.toArray()),
            new long[] {5, 16});
        OrtSession.Result result = s.run(Map.of("X", t))) {
      Tensor actual = Tensor.matrix((double[][]) result.get(0).getValue());
      double difference = Tensor.matrix(outputs).maxAbsDifference(actual);
      assertTrue(difference <= 1e-12, "ONNX Runtime differs from the reference by " + difference);
    }
  }

  @Test
  void badModelFilesExitWithStatus2AndOneLine() throws Exception {
    Path corrupt = dir.resolve("corrupt.model");
    Files.writeString(corrupt, "not a model");
    for (String[] args : new String[][] {
        {"export-onnx", dir.resolve("missing.model").toString(), "--out", "x.onnx"},
        {"export-onnx", corrupt.toString(), "--out", "x.onnx"},
        {"export-onnx", corrupt.toString()}}) {
      CliRun r = CliRun.of(args);
      assertEquals(2, r.status(), String.join(" ", args));
      assertTrue(r.err().startsWith("error: ") && r.err().strip().lines().count() == 1, r.err());
    }
  }

  @Test
  void theCnnExamplesSavedNetworkExportsWithExampleCnn() throws Exception {
    Prerequisites.require(Files.isDirectory(FashionMnist.defaultDirectory()), "Fashion-MNIST",
        "apt-get install dataset-fashion-mnist");
    Path model = dir.resolve("cnn.model");
    CliRun train = CliRun.of("cnn", "--limit", "256", "--epochs", "1", "--save",
        model.toString());
    assertEquals(0, train.status(), train.err());
    assertTrue(train.out().contains("export-onnx " + model + " --example cnn --out FILE"),
        train.out());
    Path onnx = dir.resolve("cnn.onnx");
    CliRun bare = CliRun.of("export-onnx", model.toString(), "--out", onnx.toString());
    assertEquals(2, bare.status(), bare.err());
    assertTrue(bare.err().startsWith("error: " + model + " holds the parameters of a model "
        + "without a saved architecture (a Network, a LayerStack or a model of your own)"),
        bare.err());
    assertTrue(bare.err().contains("add --example cnn"), bare.err());
    assertEquals(1, bare.err().strip().lines().count(), bare.err());
    CliRun r = CliRun.of("export-onnx", model.toString(), "--example", "cnn", "--out",
        onnx.toString());
    assertEquals(0, r.status(), r.err());
    assertEquals("wrote " + onnx + ": the cnn example's Network (1, 28, 28) → 10, ONNX opset 17, "
        + "float64, row layout, input X (m, 784), output A[9]\n", r.out());
    Network net = CnnRun.network(2);
    ModelFile.loadInto(net, model);
    assertSameAsChainrule(net, onnx, 784);
  }

  @Test
  void theSequenceExamplesSavedModelExportsWithItsBits() throws Exception {
    Path model = dir.resolve("lstm.model");
    CliRun train = CliRun.of("sequence", "--cell", "lstm", "--bits", "3", "--hidden", "5",
        "--samples", "64", "--epochs", "1", "--save", model.toString());
    assertEquals(0, train.status(), train.err());
    assertTrue(train.out().contains("export-onnx " + model + " --example sequence --bits 3 --out "
        + "FILE"), train.out());
    Path onnx = dir.resolve("lstm.onnx");
    CliRun noBits = CliRun.of("export-onnx", model.toString(), "--example", "sequence", "--out",
        onnx.toString());
    assertEquals(2, noBits.status(), noBits.err());
    assertTrue(noBits.err().startsWith("error: --example sequence needs --bits"), noBits.err());
    CliRun r = CliRun.of("export-onnx", model.toString(), "--example", "sequence", "--bits", "3",
        "--out", onnx.toString());
    assertEquals(0, r.status(), r.err());
    // 3 + 1 steps of two digits: 8 inputs per sample, one sample a column
    assertEquals("wrote " + onnx + ": the sequence example's LayerStack, ONNX opset 17, float64, "
        + "column layout, input X (8, m), output A[1]\n", r.out());
    LayerStack stack = SequenceRun.model(Cell.LSTM, 3, 5, 9);
    ModelFile.loadInto(stack, model);
    assertSameAsChainrule(stack, onnx, 8);
  }

  @Test
  void aFileTheExampleDidNotSaveIsBadInput() throws Exception {
    Path model = dir.resolve("mlp.model");
    ModelFile.save(Sequential.builder(Layout.ROW, 3).dense(2, Activation.relu()).seed(1).build(),
        model);
    CliRun sequence = CliRun.of("export-onnx", model.toString(), "--example", "sequence",
        "--bits", "3", "--out", dir.resolve("x.onnx").toString());
    assertEquals(2, sequence.status(), sequence.err());
    assertTrue(sequence.err().startsWith("error: " + model + " was not saved by the sequence "
        + "example: its first parameter is W[1], not lstm.W_ih or gru.W_ih"), sequence.err());
    CliRun cnn = CliRun.of("export-onnx", model.toString(), "--example", "cnn", "--out",
        dir.resolve("x.onnx").toString());
    assertEquals(2, cnn.status(), cnn.err());
    assertTrue(cnn.err().startsWith("error: "), cnn.err());
    assertEquals(1, cnn.err().strip().lines().count(), cnn.err());
  }

  /** Runs the file in ONNX Runtime on random samples and compares with chainrule's outputs. */
  private static void assertSameAsChainrule(Model model, Path onnx, int features)
      throws Exception {
    Random random = new Random(11);
    double[] rows = new double[20 * features];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = random.nextDouble();
    }
    Tensor x = Tensor.of(rows, 20, features);
    Tensor expected = new Inference(model, null).predict(x);
    Tensor input = model.layout().fromRows(x);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession s = env.createSession(onnx.toString(), new OrtSession.SessionOptions());
        OnnxTensor t = OnnxTensor.createTensor(env, DoubleBuffer.wrap(input.toArray()),
            new long[] {input.shape().dim(0), input.shape().dim(1)});
        OrtSession.Result result = s.run(Map.of("X", t))) {
      Tensor actual = model.layout().toRows(Tensor.matrix((double[][]) result.get(0).getValue()));
      assertTrue(expected.maxAbsDifference(actual) <= 1e-12, "ONNX Runtime differs by "
          + expected.maxAbsDifference(actual));
    }
  }
}
