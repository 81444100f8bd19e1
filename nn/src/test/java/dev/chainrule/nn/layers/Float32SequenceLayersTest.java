package dev.chainrule.nn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.SequenceTasks;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.init.RandomSource;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.LayerStack;
import dev.chainrule.nn.optim.Adam;
import dev.chainrule.nn.train.FitOptions;
import dev.chainrule.nn.train.History;
import dev.chainrule.nn.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sequence layers (embedding, layer norm, RNN, LSTM, GRU) in float32: created from the
 * float64 draws of the same seed rounded, computing loss and gradients as their float64 twin on
 * the same float32-rounded values, and training.
 *
 * <p>The tolerance: float32 rounds each result to u = 2⁻²⁴ ≈ 6·10⁻⁸ relative. The model below
 * (embedding → layer norm over 4 features → recurrent layer of 5 units over 3 steps → dense on
 * every step → binary cross-entropy) has, along its longest path forward and back, fewer than
 * about 300 rounded operations (per step: two dot products of length ≤ 5 and about 15 gate
 * operations, times 3 steps, twice for the backward pass, plus the layer norm's mean, variance
 * and square root), each error carried through sigmoid/tanh (slope ≤ 1) and weights of size
 * ≤ 1/√5; layer norm divides by σ of 4 N(0, 1) entries (σ ≳ 0.1 here, so ×10 at most). So the
 * relative error is at most about 300 · 10 · u ≈ 2·10⁻⁴ of the largest gradient (pessimistic: the
 * errors are not all of one sign); the loss, a sum of 12 cross-entropies, gets 10⁻⁵ relative.
 * A float32 layer that computes something else (a wrong gate, a parameter not the rounded draw)
 * is off by 10⁻³ or more. Measured when written: at most 5.7·10⁻⁷ of the largest gradient, the
 * loss within 6·10⁻⁸ relative, the training losses within 1.3·10⁻⁷ relative.
 */
class Float32SequenceLayersTest {
  private static final int STEPS = 3;
  private static final double GRADIENT_TOLERANCE = 2e-4;
  private static final double LOSS_TOLERANCE = 1e-5;

  /** ids → embedding → layer norm → {@code cell} on every step → dense on every step. */
  private static LayerStack model(Layout layout, Cell cell, DType dtype) {
    RandomSource r = RandomSource.seeded(5);
    return new LayerStack(layout, List.of(
        Embedding.create("embed", layout, STEPS, 7, 4, r, dtype),
        LayerNorm.create("norm", layout, STEPS, 4, dtype),
        Recurrent.create(cell.id(), cell, layout, STEPS, 4, 5, true, r, dtype),
        new EveryStep(Dense.create(1, layout, 5, 1, Activation.sigmoid(),
            Initializers.xavierNormal(), Initializers.normal(0.1), r, dtype), STEPS)));
  }

  /**
   * Returns the loss followed by the gradient of every parameter, in parameter order, on a batch
   * of 4 sequences of 3 token ids (ids below 7) with binary targets on every step.
   */
  static List<Tensor> lossAndGradients(LayerStack model, DType dtype) {
    Graph g = new Graph(dtype);
    Tensor idRows = Tensor.of(new double[] {0, 6, 6, 3, 1, 2, 5, 4, 0, 2, 2, 1}, 4, STEPS);
    Tensor targetRows = Tensor.of(new double[] {1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 1, 0}, 4, STEPS);
    Node ids = g.input("ids", model.layout().fromRows(idRows).to(dtype));
    Node targets = g.input("Y", model.layout().fromRows(targetRows).to(dtype));
    Node loss = Loss.binaryCrossEntropyWithLogits().build(model.forward(ids), targets);
    List<Node> wrt = new ArrayList<>();
    model.parameters().forEach(p -> wrt.add(g.node(p.name())));
    List<Node> targetsToRun = new ArrayList<>(List.of(loss));
    targetsToRun.addAll(Autodiff.grad(loss, wrt.toArray(new Node[0])));
    Results r = Plan.compile(targetsToRun).run(Feeds.none());
    List<Tensor> out = new ArrayList<>();
    targetsToRun.forEach(n -> out.add(r.get(n).to(DType.FLOAT64)));
    return out;
  }

  @ParameterizedTest
  @EnumSource(Cell.class)
  void everySequenceLayerInFloat32MatchesItsFloat64Twin(Cell cell) {
    for (Layout layout : Layout.values()) {
      LayerStack f32 = model(layout, cell, DType.FLOAT32);
      LayerStack f64 = model(layout, cell, DType.FLOAT64);
      for (int i = 0; i < f64.parameters().size(); i++) {
        Parameter wide = f64.parameters().get(i);
        Tensor narrow = f32.parameters().get(i).value();
        assertEquals(DType.FLOAT32, narrow.dtype(), wide.name());
        assertEquals(wide.value().to(DType.FLOAT32), narrow, wide.name() + " is the draw rounded");
        wide.value().copyFromInPlace(narrow.to(DType.FLOAT64));
      }
      List<Tensor> got = lossAndGradients(f32, DType.FLOAT32);
      List<Tensor> want = lossAndGradients(f64, DType.FLOAT64);
      String where = cell + " " + layout.id() + ": ";
      assertEquals(want.get(0).item(), got.get(0).item(), LOSS_TOLERANCE * want.get(0).item(),
          where + "loss");
      for (int i = 1; i < want.size(); i++) {
        String name = f64.parameters().get(i - 1).name();
        Tensor zeros = Tensor.zeros(want.get(i).shape());
        double scale = Math.max(want.get(i).maxAbsDifference(zeros), 1e-3);
        double diff = want.get(i).maxAbsDifference(got.get(i));
        assertTrue(diff <= GRADIENT_TOLERANCE * scale, where + "d" + name + " differs by " + diff
            + " of a largest " + scale);
      }
    }
  }

  @Test
  void layerNormKeepsItsEpsilonAndRefusesMixedDtypes() {
    LayerNorm norm = LayerNorm.create("norm", Layout.ROW, 1, 3, DType.FLOAT32);
    assertEquals(1e-5, norm.epsilon());
    Tensor gamma = Tensor.zeros(1, 3).to(DType.FLOAT32);
    String m = assertThrows(IllegalArgumentException.class, () -> new LayerNorm("norm",
        Layout.ROW, 1, gamma, Tensor.zeros(1, 3), 1e-5)).getMessage();
    assertEquals("layer norm 'norm' has γ of float32 but β of float64; a layer's parameters "
        + "share one dtype", m);
    Tensor w = Tensor.zeros(2, 2);
    String r = assertThrows(IllegalArgumentException.class, () -> new Recurrent("rnn", Cell.RNN,
        Layout.ROW, 1, false, w, w, Tensor.zeros(1, 2).to(DType.FLOAT32), Tensor.zeros(1, 2)))
        .getMessage();
    assertEquals("RNN layer 'rnn' has W_ih of float64 but a parameter of float32; a layer's "
        + "parameters share one dtype", r);
  }

  /** Binary addition with each step's two bits (a_t, b_t) as one token a_t + 2·b_t of 4. */
  private static Dataset tokens(int n) {
    Dataset bits = SequenceTasks.binaryAddition(n, 4, 7);
    Tensor pairs = bits.features();
    int steps = pairs.shape().dim(1) / 2;
    double[] ids = new double[n * steps];
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < steps; t++) {
        ids[i * steps + t] = pairs.get(i, 2 * t) + 2 * pairs.get(i, 2 * t + 1);
      }
    }
    return Dataset.regression("addition-tokens", Tensor.of(ids, n, steps), bits.targets());
  }

  private static LayerStack adder(Cell cell, DType dtype) {
    RandomSource r = RandomSource.seeded(2);
    return new LayerStack(Layout.COLUMN, List.of(
        Embedding.create("embed", Layout.COLUMN, 5, 4, 3, r, dtype),
        LayerNorm.create("norm", Layout.COLUMN, 5, 3, dtype),
        Recurrent.create(cell.id(), cell, Layout.COLUMN, 5, 3, 6, true, r, dtype),
        new EveryStep(Dense.create(1, Layout.COLUMN, 6, 1, Activation.sigmoid(),
            Initializers.xavierNormal(), Initializers.zeros(), r, dtype), 5)));
  }

  /**
   * A float32 model of every sequence layer trains: its loss falls, and stays within Adam's
   * tolerance of {@code Float32TrainingTest} (10⁻³ relative) of the float64 run from the same
   * start on the same data.
   */
  @ParameterizedTest
  @EnumSource(Cell.class)
  void aFloat32SequenceModelTrainsAsItsFloat64Twin(Cell cell) {
    Dataset f32 = tokens(96).to(DType.FLOAT32);
    FitOptions options = FitOptions.defaults().epochs(4).batchSize(16).shuffled(3);
    Loss loss = Loss.binaryCrossEntropyWithLogits();
    LayerStack m32 = adder(cell, DType.FLOAT32);
    History h32 = new Trainer(m32, loss, Adam.of(0.05)).fit(f32, options);
    History h64 = new Trainer(adder(cell, DType.FLOAT64), loss, Adam.of(0.05))
        .fit(f32.to(DType.FLOAT64), options);
    assertEquals(DType.FLOAT32, m32.dtype());
    double[] l32 = h32.trainLosses();
    double[] l64 = h64.trainLosses();
    for (int e = 0; e < l64.length; e++) {
      assertEquals(l64[e], l32[e], 1e-3 * l64[e], cell + " epoch " + e);
    }
    assertTrue(l32[l32.length - 1] < 0.9 * l32[0], cell + " learns: " + l32[0] + " → "
        + l32[l32.length - 1]);
  }
}
