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
 * The export-onnx command: a model saved by the fashion-mnist example exports, and ONNX Runtime
 * computes from the file what chainrule computes from the saved model; bad files are bad input.
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

  /** Runs the file in ONNX Runtime on random samples and compares with chainrule's outputs. */
  private static void assertSameAsChainrule(Sequential model, Path onnx, int features)
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
