package dev.chainrule.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.exec.train.Optimizer;
import dev.chainrule.core.exec.train.Sgd;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.Generators;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Network;
import dev.chainrule.nn.model.Sequential;
import dev.chainrule.nn.optim.Adam;
import dev.chainrule.nn.optim.Momentum;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A small MLP (2-16-3, tanh, softmax cross-entropy) trained in float32 against the same model
 * trained in float64 from the same start: the float32 model's initial values are the float64
 * draws rounded, and both train on the same (float32-representable) samples.
 *
 * <p>The tolerance: float32 rounds each stored value to u = 2⁻²⁴ ≈ 6·10⁻⁸ relative. A gradient
 * element here is a sum over at most 32 samples of products through dot products of length at
 * most 16, so its relative error is at most about 50u ≈ 3·10⁻⁶ (the usual n·u bound, pessimistic).
 * With SGD at α = 0.1 and gradients of order 1, one step moves a weight by at most about
 * 0.1 · 3·10⁻⁶ more or less than in float64; over 120 steps of a descent that does not amplify
 * differences (a contraction near the minimum) that sums to about 4·10⁻⁵. So parameters must
 * agree within 2·10⁻⁴ and the epoch losses within 10⁻⁴ relative — a twentieth of what a wrong
 * float32 update rule gives (it moves weights by about α·g ≈ 10⁻²). Momentum (effective step
 * α / (1 − μ) = 0.5, five times SGD's) and Adam (whose normalisation m̂ / √v̂ can magnify a
 * difference where a gradient is near 0) get 5·10⁻⁴ on the parameters and 10⁻³ on the losses.
 * Measured when written: the largest parameter differences were 2.1·10⁻⁶ (SGD), 3.0·10⁻⁷
 * (momentum) and 1.8·10⁻⁷ (Adam).
 */
class Float32TrainingTest {
  private static final int EPOCHS = 6;

  private static Sequential net(DType dtype) {
    return Sequential.builder(Layout.ROW, 2).dense(16, Activation.tanh())
        .dense(3, Activation.softmax()).weights(Initializers.xavierNormal())
        .biases(Initializers.zeros()).seed(7).dtype(dtype).build();
  }

  private static History train(Sequential model, Dataset data, Optimizer optimizer) {
    Trainer t = new Trainer(model, Loss.softmaxCrossEntropy(), optimizer);
    return t.fit(data, FitOptions.defaults().epochs(EPOCHS).batchSize(32).shuffled(3));
  }

  private static void assertAgree(Optimizer optimizer, double paramTolerance,
      double lossTolerance) {
    Dataset f32 = Generators.blobs(640, 3, 0.8, 11).to(DType.FLOAT32);
    Dataset f64 = f32.to(DType.FLOAT64);
    Sequential m32 = net(DType.FLOAT32);
    Sequential m64 = net(DType.FLOAT64);
    History h32 = train(m32, f32, optimizer);
    History h64 = train(m64, f64, optimizer);
    assertEquals(DType.FLOAT32, m32.parameters().get(0).value().dtype());
    for (int i = 0; i < m64.parameters().size(); i++) {
      Tensor want = m64.parameters().get(i).value();
      Tensor got = m32.parameters().get(i).value().to(DType.FLOAT64);
      double diff = want.maxAbsDifference(got);
      assertTrue(diff <= paramTolerance, optimizer.name() + ": "
          + m64.parameters().get(i).name() + " differs by " + diff);
    }
    double[] l32 = h32.trainLosses();
    double[] l64 = h64.trainLosses();
    for (int e = 0; e < EPOCHS; e++) {
      assertEquals(l64[e], l32[e], lossTolerance * l64[e], optimizer.name() + " epoch " + e);
    }
    assertTrue(l64[EPOCHS - 1] < 0.5 * l64[0], "the MLP learns: " + l64[0] + " → "
        + l64[EPOCHS - 1]);
  }

  @Test
  void sgdInFloat32FollowsTheFloat64Run() {
    assertAgree(new Sgd(0.1), 2e-4, 1e-4);
  }

  @Test
  void momentumAndAdamInFloat32FollowTheFloat64Run() {
    assertAgree(new Momentum(0.05, 0.9), 5e-4, 1e-3);
    assertAgree(Adam.of(0.01), 5e-4, 1e-3);
  }

  /**
   * A network with batch norm and dropout: the masks are drawn alike in both dtypes, so the
   * float32 run follows the float64 one within Adam's tolerance above, its running statistics
   * too, and both dropout layers count the same number of draws.
   */
  @Test
  void batchNormAndDropoutTrainInFloat32() {
    Dataset f32 = Generators.blobs(640, 3, 0.8, 11).to(DType.FLOAT32);
    Network n32 = network(DType.FLOAT32);
    Network n64 = network(DType.FLOAT64);
    Trainer t32 = new Trainer(n32, Loss.softmaxCrossEntropy(), Adam.of(0.01));
    Trainer t64 = new Trainer(n64, Loss.softmaxCrossEntropy(), Adam.of(0.01));
    FitOptions options = FitOptions.defaults().epochs(3).batchSize(32).shuffled(3);
    t32.fit(f32, options);
    t64.fit(f32.to(DType.FLOAT64), options);
    List<Parameter> all32 = new ArrayList<>(n32.parameters());
    all32.addAll(n32.buffers());
    List<Parameter> all64 = new ArrayList<>(n64.parameters());
    all64.addAll(n64.buffers());
    for (int i = 0; i < all64.size(); i++) {
      Tensor got = all32.get(i).value();
      assertEquals(DType.FLOAT32, got.dtype(), all32.get(i).name());
      double diff = all64.get(i).value().maxAbsDifference(got.to(DType.FLOAT64));
      assertTrue(diff <= 5e-4, all64.get(i).name() + " differs by " + diff);
    }
    assertEquals(60.0, n32.buffers().get(0).value().item(), "draw[2] counts the 3 × 20 steps");
  }

  private static Network network(DType dtype) {
    return Network.builder(2).dense(16, Activation.relu()).dropout(0.25).batchNorm()
        .dense(3, Activation.softmax()).seed(4).dtype(dtype).build();
  }

  @Test
  void evaluationAndPredictionsAreInTheModelsDtype() {
    Dataset f32 = Generators.blobs(200, 3, 0.8, 11).to(DType.FLOAT32);
    Sequential m32 = net(DType.FLOAT32);
    train(m32, f32, Adam.of(0.01));
    Inference inference = new Inference(m32, Loss.softmaxCrossEntropy(), 64);
    Evaluation e = inference.evaluate(f32);
    Tensor p = inference.predict(f32.features());
    assertEquals(DType.FLOAT32, p.dtype());
    int[] classes = inference.predictClasses(f32.features());
    int correct = 0;
    for (int i = 0; i < classes.length; i++) {
      correct += classes[i] == f32.label(i) ? 1 : 0;
    }
    assertEquals(e.correct(), correct);
    Tensor fromWide = inference.predict(f32.features().to(DType.FLOAT64));
    assertEquals(p, fromWide, "float32 features widen exactly, so the predictions are equal");
  }

  @Test
  void aDatasetOfAnotherDtypeIsRefusedSayingHowToConvert() {
    Dataset f64 = Generators.blobs(64, 3, 0.8, 11);
    Trainer t = new Trainer(net(DType.FLOAT32), Loss.softmaxCrossEntropy(), new Sgd(0.1));
    String m = assertThrows(IllegalArgumentException.class,
        () -> t.fit(f64, FitOptions.defaults().epochs(1))).getMessage();
    assertTrue(m.contains("holds float64 values but the model computes in float32")
        && m.contains("dataset.to(DType.FLOAT32)"), m);
  }
}
