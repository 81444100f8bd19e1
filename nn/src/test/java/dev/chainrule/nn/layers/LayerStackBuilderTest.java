package dev.chainrule.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.init.RandomSource;
import dev.chainrule.nn.model.LayerStack;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A sequence model built by {@link LayerStack#builder} is the model built layer by layer with the
 * layers' {@code create} methods drawing from {@code RandomSource.seeded(seed)} in the same order:
 * the same parameters (names, shapes, dtype, values) and the same loss and gradients on a batch,
 * in both layouts, for every cell, in float64 and float32.
 */
class LayerStackBuilderTest {
  private static final int STEPS = 3;
  private static final long SEED = 7;

  /** ids → embedding → layer norm → {@code cell} (every state) → dense on every step. */
  private static LayerStack byCreate(Layout layout, Cell cell, DType dtype) {
    RandomSource r = RandomSource.seeded(SEED);
    return new LayerStack(layout, List.of(
        Embedding.create("embed", layout, STEPS, 7, 4, r, dtype),
        LayerNorm.create("norm", layout, STEPS, 4, dtype),
        Recurrent.create("cell", cell, layout, STEPS, 4, 5, true, r, dtype),
        new EveryStep(Dense.create(1, layout, 5, 1, Activation.sigmoid(),
            Initializers.xavierNormal(), Initializers.normal(0.1), r, dtype), STEPS)));
  }

  private static LayerStack byBuilder(Layout layout, Cell cell, DType dtype) {
    return LayerStack.builder(layout, STEPS, 1).dtype(dtype)
        .embedding("embed", 7, 4).layerNorm("norm")
        .recurrent("cell", cell, 5, true)
        .biases(Initializers.normal(0.1)).denseEveryStep(1, Activation.sigmoid())
        .seed(SEED).build();
  }

  @ParameterizedTest
  @CsvSource({"COLUMN, LSTM, FLOAT64", "ROW, GRU, FLOAT64", "COLUMN, RNN, FLOAT32",
      "ROW, LSTM, FLOAT32", "COLUMN, GRU, FLOAT32"})
  void theBuilderBuildsTheModelOfTheCreateMethods(Layout layout, Cell cell, DType dtype) {
    LayerStack expected = byCreate(layout, cell, dtype);
    LayerStack built = byBuilder(layout, cell, dtype);
    assertEquals(dtype, built.dtype());
    assertParametersEqual(expected, built);
    List<Tensor> a = Float32SequenceLayersTest.lossAndGradients(expected, dtype);
    List<Tensor> b = Float32SequenceLayersTest.lossAndGradients(built, dtype);
    assertEquals(1 + expected.parameters().size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.get(i).toArray(), b.get(i).toArray(), 0.0, "result " + i);
    }
    assertTrue(Math.abs(a.get(1).toArray()[0]) + Math.abs(a.get(1).toArray()[1]) > 0,
        "the embedding's gradient is not all zero");
  }

  @Test
  void aDenseLayerOnTheLastStateTakesItsUnitsAndTheBuildersInitialisers() {
    RandomSource r = RandomSource.seeded(3);
    LayerStack expected = new LayerStack(Layout.ROW, List.of(
        Recurrent.create("lstm", Cell.LSTM, Layout.ROW, 4, 2, 6, false, r),
        Dense.create(1, Layout.ROW, 6, 3, Activation.softmax(), Initializers.heNormal(),
            Initializers.zeros(), r)));
    LayerStack built = LayerStack.builder(Layout.ROW, 4, 2).recurrent("lstm", Cell.LSTM, 6, false)
        .weights(Initializers.heNormal()).dense(3, Activation.softmax()).seed(3).build();
    assertParametersEqual(expected, built);
    assertEquals(8, built.inputSize());
    assertEquals(3, built.outputSize());
  }

  @Test
  void layersThatDoNotFitAreRefusedNamingThem() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LayerStack.builder(Layout.COLUMN, 5, 2).embedding("embed", 10, 4));
    assertTrue(e.getMessage().contains("embedding 'embed' takes one token id per step, but the "
        + "input has 2 features per step"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> LayerStack.builder(Layout.COLUMN, 5, 2)
        .recurrent("gru", Cell.GRU, 8, true).denseEveryStep(3, Activation.softmax()));
    assertTrue(e.getMessage().contains("dense layer 1 on every step needs an elementwise "
        + "activation, got softmax"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> LayerStack.builder(Layout.ROW, 5, 2)
        .recurrent("gru", Cell.GRU, 0, true));
    assertTrue(e.getMessage().contains("GRU layer 'gru' needs at least 1 unit, got 0"),
        e.getMessage());
    assertThrows(IllegalStateException.class, () -> LayerStack.builder(Layout.ROW, 5, 2).build());
    assertThrows(IllegalArgumentException.class, () -> LayerStack.builder(Layout.ROW, 0, 2));
  }

  private static void assertParametersEqual(LayerStack expected, LayerStack built) {
    List<Parameter> e = expected.parameters();
    List<Parameter> b = built.parameters();
    assertEquals(e.size(), b.size());
    for (int i = 0; i < e.size(); i++) {
      assertEquals(e.get(i).name(), b.get(i).name());
      assertEquals(e.get(i).value().shape(), b.get(i).value().shape(), e.get(i).name());
      assertEquals(e.get(i).value().dtype(), b.get(i).value().dtype(), e.get(i).name());
      assertArrayEquals(e.get(i).value().toArray(), b.get(i).value().toArray(), 0.0,
          e.get(i).name());
    }
  }
}
