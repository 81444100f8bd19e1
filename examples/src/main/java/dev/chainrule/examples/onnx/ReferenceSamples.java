package dev.chainrule.examples.onnx;

import com.google.gson.GsonBuilder;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.model.Model;
import dev.chainrule.nn.train.Inference;
import dev.chainrule.onnx.OnnxExport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The reference file of {@code export-onnx --reference}: {@value #SAMPLES} random inputs (each
 * feature uniform in [0, 1), drawn from seed {@value #SEED}) and chainrule's outputs for them, in
 * the ONNX file's own shapes, as JSON, so that ONNX Runtime run anywhere (Python, C++, the
 * browser) can be checked against chainrule without Java. Numbers are written as Java's shortest
 * decimal that reads back to the same double.
 */
final class ReferenceSamples {
  /** The number of samples written. */
  static final int SAMPLES = 16;
  /** The seed the inputs are drawn from. */
  static final long SEED = 1;

  private ReferenceSamples() {}

  /** Returns the reference of {@code model} exported as {@code export}, as JSON-ready values. */
  static Map<String, Object> of(Model model, OnnxExport export) {
    Random random = new Random(SEED);
    double[] rows = new double[SAMPLES * model.inputSize()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = random.nextDouble();
    }
    Tensor x = Tensor.of(rows, SAMPLES, model.inputSize());
    Tensor y = new Inference(model, null).predict(x);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("input", OnnxExport.INPUT);
    m.put("output", export.outputName());
    m.put("layout", model.layout().id());
    m.put("seed", SEED);
    m.put("inputs", model.layout().fromRows(x).toMatrix());
    m.put("outputs", model.layout().fromRows(y).toMatrix());
    return m;
  }

  /**
   * Writes {@code reference} to {@code file}.
   *
   * @throws IOException when the file cannot be written
   */
  static void write(Map<String, Object> reference, Path file) throws IOException {
    Files.writeString(file, new GsonBuilder().create().toJson(reference) + "\n",
        StandardCharsets.UTF_8);
  }
}
