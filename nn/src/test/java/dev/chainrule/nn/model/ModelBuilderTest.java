package dev.chainrule.nn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chainrule.nn.init.Initializer;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.init.RandomSource;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Dense;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.layers.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The settings the three model builders share (initialisers, seed, dtype): the same refusal of a
 * missing dtype in each, and which layers the initialisers reach in each, checked against layers
 * created one by one with {@link Dense#create} from a source seeded alike.
 */
class ModelBuilderTest {
  private static final Initializer WIDE = Initializers.normal(1);

  @Test
  void everyBuilderRefusesAMissingDtypeSayingWhichToUse() {
    List<Executable> calls = List.of(
        () -> Sequential.builder(Layout.COLUMN, 3).dtype(null),
        () -> Network.builder(3).dtype(null),
        () -> LayerStack.builder(Layout.ROW, 1, 3).dtype(null));
    for (Executable call : calls) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
      assertEquals("a model needs a dtype, got null; use DType.FLOAT64 (the default) or "
          + "DType.FLOAT32", e.getMessage());
    }
  }

  @Test
  void sequentialInitialisersReachTheLayersAddedBeforeThem() {
    Sequential built = Sequential.builder(Layout.COLUMN, 3).dense(2, Activation.tanh())
        .weights(WIDE).biases(WIDE).seed(4).build();
    Dense expected = Dense.create(1, Layout.COLUMN, 3, 2, Activation.tanh(), WIDE, WIDE,
        RandomSource.seeded(4));
    assertValuesEqual(expected.parameters(), built.parameters());
  }

  @Test
  void networkInitialisersReachOnlyTheLayersAddedAfterThem() {
    Network built = Network.builder(3).dense(2, Activation.tanh()).weights(WIDE).biases(WIDE)
        .dense(1, Activation.identity()).seed(4).build();
    assertValuesEqual(twoDenseRows(Initializers.heNormal()), built.parameters());
  }

  @Test
  void layerStackInitialisersReachOnlyTheLayersAddedAfterThem() {
    LayerStack built = LayerStack.builder(Layout.ROW, 1, 3).dense(2, Activation.tanh())
        .weights(WIDE).biases(WIDE).dense(1, Activation.identity()).seed(4).build();
    assertValuesEqual(twoDenseRows(Initializers.xavierNormal()), built.parameters());
  }

  @Test
  void aSequentialSeedReplacesTheSourceGivenBeforeItAndASourceTheSeed() {
    Sequential seeded = Sequential.builder(Layout.COLUMN, 3).dense(2, Activation.tanh())
        .random(RandomSource.seeded(9)).seed(4).build();
    Sequential sourced = Sequential.builder(Layout.COLUMN, 3).dense(2, Activation.tanh())
        .seed(4).random(RandomSource.seeded(9)).build();
    for (long seed : new long[] {4, 9}) {
      Dense expected = Dense.create(1, Layout.COLUMN, 3, 2, Activation.tanh(),
          Initializers.normal(0.01), Initializers.zeros(), RandomSource.seeded(seed));
      assertValuesEqual(expected.parameters(), (seed == 4 ? seeded : sourced).parameters());
    }
  }

  /**
   * Returns the parameters of dense layers 3-2 ({@code firstWeights}, zero biases) and 2-1 (both
   * drawn from N(0, 1)) in the row layout, drawn in that order from a source seeded with 4.
   */
  private static List<Parameter> twoDenseRows(Initializer firstWeights) {
    RandomSource r = RandomSource.seeded(4);
    List<Parameter> expected = new ArrayList<>(Dense.create(1, Layout.ROW, 3, 2,
        Activation.tanh(), firstWeights, Initializers.zeros(), r).parameters());
    expected.addAll(Dense.create(2, Layout.ROW, 2, 1, Activation.identity(), WIDE, WIDE, r)
        .parameters());
    return expected;
  }

  private static void assertValuesEqual(List<Parameter> expected, List<Parameter> built) {
    assertEquals(expected.size(), built.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i).name(), built.get(i).name());
      assertEquals(expected.get(i).value(), built.get(i).value(), built.get(i).name());
    }
  }
}
