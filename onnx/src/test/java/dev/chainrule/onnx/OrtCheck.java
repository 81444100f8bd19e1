package dev.chainrule.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.model.Model;
import dev.chainrule.nn.train.Inference;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Random;

/**
 * Runs an exported model in ONNX Runtime, a second implementation of every operator, and compares
 * its outputs with chainrule's predictions (evaluation mode) for the same inputs.
 */
final class OrtCheck {
  /** The largest difference allowed between ONNX Runtime and chainrule, in float64. */
  static final double TOLERANCE = 1e-12;
  private static final OrtEnvironment ORT = OrtEnvironment.getEnvironment();

  private OrtCheck() {}

  /**
   * Asserts that ONNX Runtime, running {@code model}'s exported file on {@code featureRows}
   * (one sample a row), gives chainrule's outputs within {@link #TOLERANCE}.
   */
  static void assertSameOutputs(Model model, Tensor featureRows) throws OrtException {
    assertSameOutputs(model, featureRows, TOLERANCE);
  }

  /**
   * Asserts that ONNX Runtime, running {@code model}'s exported file on {@code featureRows},
   * gives chainrule's outputs within {@code tolerance}.
   */
  static void assertSameOutputs(Model model, Tensor featureRows, double tolerance)
      throws OrtException {
    double worst = worstDifference(model, featureRows);
    assertTrue(worst <= tolerance, "ONNX Runtime differs from chainrule by " + worst + " for "
        + model);
  }

  /** Returns the largest difference between ONNX Runtime's outputs and chainrule's. */
  static double worstDifference(Model model, Tensor featureRows) throws OrtException {
    Tensor expected = new Inference(model, null).predict(featureRows);
    Tensor actual = run(OnnxExport.of(model).toBytes(), model, featureRows);
    assertEquals(expected.shape(), actual.shape());
    return expected.maxAbsDifference(actual);
  }

  /**
   * Returns ONNX Runtime's outputs, one sample a row, for the file {@code onnx} of {@code model}.
   */
  static Tensor run(byte[] onnx, Model model, Tensor featureRows) throws OrtException {
    Tensor input = model.layout().fromRows(featureRows);
    long[] shape = {input.shape().dim(0), input.shape().dim(1)};
    boolean single = model.dtype() == DType.FLOAT32;
    try (OrtSession session = ORT.createSession(onnx, new OrtSession.SessionOptions());
        OnnxTensor x = single
            ? OnnxTensor.createTensor(ORT, FloatBuffer.wrap(input.to(DType.FLOAT32)
                .floatBuffer()), shape)
            : OnnxTensor.createTensor(ORT, DoubleBuffer.wrap(input.toArray()), shape);
        OrtSession.Result result = session.run(Map.of(OnnxExport.INPUT, x))) {
      Object out = result.get(0).getValue();
      return model.layout().toRows(single ? widen((float[][]) out)
          : Tensor.matrix((double[][]) out)).to(model.dtype());
    }
  }

  private static Tensor widen(float[][] rows) {
    double[][] wide = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      wide[i] = new double[rows[i].length];
      for (int j = 0; j < rows[i].length; j++) {
        wide[i][j] = rows[i][j];
      }
    }
    return Tensor.matrix(wide);
  }

  /** Returns {@code samples} rows of {@code features} values drawn from N(0, 4). */
  static Tensor randomRows(int samples, int features, Random random) {
    double[] v = new double[samples * features];
    for (int i = 0; i < v.length; i++) {
      v[i] = random.nextGaussian() * 2;
    }
    return Tensor.of(v, samples, features);
  }

  /** Fills {@code t} in place with values uniform in [{@code low}, {@code high}). */
  static void fillUniform(Tensor t, double low, double high, Random random) {
    if (t.dtype() == DType.FLOAT32) {
      float[] v = t.floatBuffer();
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) (low + (high - low) * random.nextDouble());
      }
      return;
    }
    double[] v = t.buffer();
    for (int i = 0; i < v.length; i++) {
      v[i] = low + (high - low) * random.nextDouble();
    }
  }
}
