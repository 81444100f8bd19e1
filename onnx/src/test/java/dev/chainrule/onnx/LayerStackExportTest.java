package dev.chainrule.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtException;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.init.RandomSource;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Cell;
import dev.chainrule.nn.layers.Dense;
import dev.chainrule.nn.layers.Embedding;
import dev.chainrule.nn.layers.EveryStep;
import dev.chainrule.nn.layers.Layer;
import dev.chainrule.nn.layers.LayerNorm;
import dev.chainrule.nn.layers.LayerOutput;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.layers.Recurrent;
import dev.chainrule.nn.model.LayerStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Layer stacks exported to ONNX and run in ONNX Runtime: recurrent layers of every cell in both
 * layouts, returning every hidden state or the last, embeddings, layer norm and dense layers on
 * every step, each equal to chainrule's outputs within 1e-12 on random inputs; a layer of the
 * user's own, and two layers of one name, refused.
 */
class LayerStackExportTest {
  @Property(tries = 60)
  void recurrentLayersOfEveryCellRunInOnnxRuntime(@ForAll Cell cell, @ForAll boolean row,
      @ForAll boolean everyStep, @ForAll @IntRange(min = 1, max = 4) int steps,
      @ForAll @IntRange(min = 1, max = 3) int features,
      @ForAll @IntRange(min = 1, max = 4) int hidden,
      @ForAll @IntRange(min = 1, max = 5) int samples, @ForAll long seed) throws OrtException {
    Layout layout = row ? Layout.ROW : Layout.COLUMN;
    RandomSource r = RandomSource.seeded(seed);
    List<Layer> layers = new ArrayList<>();
    layers.add(Recurrent.create(cell.id(), cell, layout, steps, features, hidden, everyStep, r));
    layers.add(everyStep
        ? new EveryStep(Dense.create(1, layout, hidden, 2, Activation.tanh(),
            Initializers.normal(1.0), Initializers.uniform(-1, 1), r), steps)
        : Dense.create(1, layout, hidden, 3, Activation.softmax(), Initializers.normal(1.0),
            Initializers.uniform(-1, 1), r));
    LayerStack model = new LayerStack(layout, layers);
    OrtCheck.assertSameOutputs(model, OrtCheck.randomRows(samples, steps * features,
        new Random(seed)));
  }

  @Test
  void embeddingLayerNormLstmAndAStepwiseHeadRunInOnnxRuntime() throws OrtException {
    for (Layout layout : Layout.values()) {
      for (Cell cell : Cell.values()) {
        RandomSource r = RandomSource.seeded(9);
        LayerStack model = new LayerStack(layout, List.of(
            Embedding.create("embed", layout, 5, 7, 3, r),
            layerNorm("norm", layout, 5, 3, new Random(9)),
            Recurrent.create("rnn", cell, layout, 5, 3, 4, true, r),
            new EveryStep(Dense.create(1, layout, 4, 2, Activation.sigmoid(),
                Initializers.normal(1.0), Initializers.uniform(-1, 1), r), 5)));
        Random random = new Random(9);
        double[] ids = new double[6 * 5];
        for (int i = 0; i < ids.length; i++) {
          ids[i] = random.nextInt(7);
        }
        OrtCheck.assertSameOutputs(model, Tensor.of(ids, 6, 5));
      }
    }
  }

  @Test
  void layerNormOfSmallSpreadsKeepsTheFloat64Epsilon() throws OrtException {
    for (Layout layout : Layout.values()) {
      LayerStack model = new LayerStack(layout, List.of(layerNorm("norm", layout, 2, 4,
          new Random(2))));
      Tensor rows = OrtCheck.randomRows(5, 8, new Random(2));
      rows.buffer()[0] = rows.buffer()[1] + 1e-4;
      for (int i = 0; i < 8; i++) {
        rows.buffer()[8 + i] = 3 + 1e-3 * i;
      }
      OrtCheck.assertSameOutputs(model, rows);
    }
  }

  @Test
  void aLayerOfTheUsersOwnIsRefusedByName() {
    Layer mine = new Layer() {
      @Override
      public String name() {
        return "mine";
      }

      @Override
      public int inputSize() {
        return 2;
      }

      @Override
      public int outputSize() {
        return 2;
      }

      @Override
      public LayerOutput apply(Node input) {
        return new LayerOutput(input, input);
      }

      @Override
      public List<Parameter> parameters() {
        return List.of();
      }
    };
    LayerStack model = new LayerStack(Layout.ROW, List.of(mine));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OnnxExport.of(model));
    assertTrue(e.getMessage().startsWith("cannot export the LayerStack model to ONNX: its layer "
        + "'mine' is a dev.chainrule.onnx.LayerStackExportTest$"), e.getMessage());
    assertTrue(e.getMessage().endsWith("it writes the layers Dense, Conv2d, Pool2d, BatchNorm, "
        + "Dropout, Flatten, Embedding, Recurrent, EveryStep, LayerNorm (Recurrent with Cell.RNN, "
        + "LSTM or GRU)"), e.getMessage());
  }

  @Test
  void twoLayersOfOneNameAreRefused() {
    RandomSource r = RandomSource.seeded(1);
    LayerStack model = new LayerStack(Layout.ROW, List.of(
        Recurrent.create("rnn", Cell.GRU, Layout.ROW, 2, 1, 2, true, r),
        new LayerNorm("rnn", Layout.ROW, 2, Tensor.full(Layout.ROW.biasShape(2), 1.0),
            Tensor.zeros(Layout.ROW.biasShape(2)), 1e-5)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OnnxExport.of(model));
    assertEquals("cannot export the LayerStack model to ONNX: two of its layers are named 'rnn', "
        + "and the file names its nodes and values after the layers; give every layer its own "
        + "name", e.getMessage());
  }

  /** Returns a layer norm with γ and β drawn at random. */
  private static LayerNorm layerNorm(String name, Layout layout, int steps, int features,
      Random random) {
    Tensor gamma = Tensor.zeros(layout.biasShape(features));
    Tensor beta = Tensor.zeros(layout.biasShape(features));
    OrtCheck.fillUniform(gamma, 0.5, 2, random);
    OrtCheck.fillUniform(beta, -1, 1, random);
    return new LayerNorm(name, layout, steps, gamma, beta, 1e-5);
  }
}
