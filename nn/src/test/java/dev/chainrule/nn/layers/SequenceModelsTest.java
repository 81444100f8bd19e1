package dev.chainrule.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.SequenceTasks;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.init.RandomSource;
import dev.chainrule.nn.io.Checkpoint;
import dev.chainrule.nn.io.ModelFile;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.LayerStack;
import dev.chainrule.nn.optim.Adam;
import dev.chainrule.nn.train.FitOptions;
import dev.chainrule.nn.train.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sequence models built from the new layers: a dense layer on every step against a step-by-step
 * second implementation, errors in the user's words, and model files and checkpoints of a model
 * holding every new layer (embedding, layer norm, RNN, LSTM, GRU, dense on every step).
 */
class SequenceModelsTest {
  private static final int STEPS = 3;

  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(Layout.class)
  void aDenseLayerOnEveryStepNamesItsNodesAsTheDenseLayerDoes(Layout layout) {
    for (Activation activation : List.of(Activation.sigmoid(), Activation.identity())) {
      Dense dense = Dense.create(2, layout, 4, 3, activation, Initializers.normal(1),
          Initializers.zeros(), RandomSource.seeded(3));
      Graph g = new Graph();
      Node x = g.input("X", layout.dataShape(STEPS * 4, 5).dims());
      LayerOutput out = new EveryStep(dense, STEPS).apply(x);
      assertEquals("Z[2]", out.z().name());
      assertEquals(activation.kind() == Activation.Kind.IDENTITY ? "Z[2]" : "A[2]",
          out.a().name());
      assertEquals(List.of("W[2]", "b[2]"),
          g.nodes().stream().filter(Node::isParameter).map(Node::name).toList());
      for (Node n : g.nodes()) {
        assertEquals(n == x ? "" : "layer2", n.scope(), n.name());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Layout.class)
  void aDenseLayerOnEveryStepEqualsItAppliedStepByStep(Layout layout) {
    Dense dense = Dense.create(1, layout, 4, 2, Activation.sigmoid(), Initializers.normal(1),
        Initializers.normal(1), RandomSource.seeded(3));
    Tensor rows = Tensor.zeros(5, STEPS * 4);
    RandomSource r = RandomSource.seeded(4);
    double[] x = rows.buffer();
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextGaussian();
    }
    Graph g = new Graph();
    Node seq = g.input("X", layout.fromRows(rows));
    Node out = new EveryStep(dense, STEPS).apply(seq).a();
    Tensor actual = layout.toRows(Plan.compile(out).run(Feeds.none()).get(out));
    double[][] w = dense.weights().toMatrix();
    double[] b = dense.biases().toArray();
    for (int s = 0; s < 5; s++) {
      for (int t = 0; t < STEPS; t++) {
        for (int u = 0; u < 2; u++) {
          double z = b[u];
          for (int f = 0; f < 4; f++) {
            z += (layout == Layout.COLUMN ? w[u][f] : w[f][u]) * rows.get(s, t * 4 + f);
          }
          assertEquals(1 / (1 + Math.exp(-z)), actual.get(s, t * 2 + u), 1e-14);
        }
      }
    }
  }

  @Test
  void aSequenceOfTheWrongWidthIsRefusedNamingTheLayerTheShapesAndTheLine() {
    Recurrent lstm = Recurrent.create("lstm", Cell.LSTM, Layout.COLUMN, 4, 3, 5, false,
        RandomSource.seeded(1));
    Graph g = new Graph();
    Node x = g.input("X", 10, 8);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> lstm.apply(x));
    assertTrue(e.getMessage().startsWith("LSTM layer 'lstm' takes 4 steps of 3 features per "
        + "sample, laid out as (12, m) in the column layout, but X has shape (10, 8) (at "
        + "SequenceModelsTest.java:"), e.getMessage());
  }

  @Test
  void aTokenIdOutOfRangeNamesTheIdTheVocabularyAndTheLine() {
    Embedding embed = Embedding.create("embed", Layout.COLUMN, 2, 5, 3, RandomSource.seeded(1));
    Graph g = new Graph();
    Node ids = g.input("ids", 2, 2);
    Node out = embed.apply(ids).a();
    IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
        () -> Plan.compile(out).run(Feeds.of(ids, Tensor.of(new double[] {1, 5, 0, 2}, 2, 2))));
    assertTrue(e.getMessage().startsWith("index 5 at position [0, 1] of the indices (2, 2) is out "
        + "of range for an axis of size 5 (valid indices are 0 to 4); in gather of embed.E (3, 5) "
        + "by ids (2, 2) (at SequenceModelsTest.java:"), e.getMessage());
  }

  @Test
  void layersOfMismatchedWidthsAreRefused() {
    RandomSource r = RandomSource.seeded(1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new LayerStack(Layout.COLUMN, List.of(
            Recurrent.create("gru", Cell.GRU, Layout.COLUMN, 3, 2, 4, true, r),
            Recurrent.create("rnn", Cell.RNN, Layout.COLUMN, 3, 5, 4, false, r))));
    assertEquals("layer rnn takes 15 features per sample, but the layer before it, gru, gives "
        + "12", e.getMessage());
  }

  /** A model holding every new layer: ids → embedding → layer norm → LSTM → GRU → RNN → dense. */
  private static LayerStack everyLayer(Layout layout, long seed) {
    RandomSource r = RandomSource.seeded(seed);
    return new LayerStack(layout, List.of(
        Embedding.create("embed", layout, STEPS, 7, 4, r),
        LayerNorm.create("norm", layout, STEPS, 4),
        Recurrent.create("lstm", Cell.LSTM, layout, STEPS, 4, 5, true, r),
        Recurrent.create("gru", Cell.GRU, layout, STEPS, 5, 3, true, r),
        Recurrent.create("rnn", Cell.RNN, layout, STEPS, 3, 4, false, r),
        Dense.create(1, layout, 4, 1, Activation.sigmoid(), Initializers.xavierNormal(),
            Initializers.zeros(), r)));
  }

  private static Tensor outputs(LayerStack model, Tensor idRows) {
    Graph g = new Graph();
    Node ids = g.input("ids", model.layout().fromRows(idRows));
    Node out = model.forward(ids).output();
    return Plan.compile(out).run(Feeds.none()).get(out).copy();
  }

  @ParameterizedTest
  @EnumSource(Layout.class)
  void aModelFileRestoresEveryNewLayer(Layout layout) throws IOException {
    LayerStack saved = everyLayer(layout, 1);
    Tensor ids = Tensor.of(new double[] {0, 6, 6, 3, 1, 2}, 2, STEPS);
    Path file = dir.resolve("seq.model");
    ModelFile.save(saved, file);
    LayerStack fresh = everyLayer(layout, 2);
    assertNotEquals(outputs(saved, ids), outputs(fresh, ids), "the control differs before");
    ModelFile.loadInto(fresh, file);
    assertEquals(outputs(saved, ids), outputs(fresh, ids));
  }

  private static long[] bits(LayerStack m) {
    return m.parameters().stream().flatMapToDouble(p -> Arrays.stream(p.value().buffer()))
        .mapToLong(Double::doubleToRawLongBits).toArray();
  }

  @Test
  void aCheckpointOfAClippedRecurrentTrainerResumesExactly() throws IOException {
    Dataset data = SequenceTasks.binaryAddition(48, 4, 7);
    FitOptions options = FitOptions.defaults().batchSize(16).shuffled(3);
    Loss loss = Loss.binaryCrossEntropyWithLogits();
    Trainer straight = new Trainer(adder(1), loss, Adam.of(0.05).clippedByGlobalNorm(0.5));
    straight.fit(data, options.epochs(4));
    Trainer first = new Trainer(adder(1), loss, Adam.of(0.05).clippedByGlobalNorm(0.5));
    first.fit(data, options.epochs(2));
    Path file = dir.resolve("seq.ckpt");
    Checkpoint.save(first, file);
    Trainer resumed = new Trainer(adder(9), loss, Adam.of(0.05).clippedByGlobalNorm(0.5));
    Checkpoint.loadInto(resumed, file);
    resumed.fit(data, options.epochs(2));
    assertArrayEquals(bits((LayerStack) straight.model()), bits((LayerStack) resumed.model()));
    Trainer unclipped = new Trainer(adder(1), loss, Adam.of(0.05));
    IOException refused = assertThrows(IOException.class,
        () -> Checkpoint.loadInto(unclipped, file));
    assertTrue(refused.getMessage().contains("max_grad_norm=0.5"),
        refused.getMessage());
  }

  /** A GRU adding 4-bit numbers: 5 steps of 2 features → 6 units → a sigmoid on every step. */
  private static LayerStack adder(long seed) {
    RandomSource r = RandomSource.seeded(seed);
    return new LayerStack(Layout.COLUMN, List.of(
        Recurrent.create("gru", Cell.GRU, Layout.COLUMN, 5, 2, 6, true, r),
        new EveryStep(Dense.create(1, Layout.COLUMN, 6, 1, Activation.sigmoid(),
            Initializers.xavierNormal(), Initializers.zeros(), r), 5)));
  }
}
