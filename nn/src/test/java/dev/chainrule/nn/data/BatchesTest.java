package dev.chainrule.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchesTest {
  /** Ten samples; sample i has features (i, -i) and label i mod 2. */
  private static Dataset ten() {
    double[] f = new double[20];
    int[] labels = new int[10];
    for (int i = 0; i < 10; i++) {
      f[2 * i] = i;
      f[2 * i + 1] = -i;
      labels[i] = i % 2;
    }
    return Dataset.classification("ten", Tensor.of(f, 10, 2), labels, 2);
  }

  /** Returns the sample ids read from the batches' features (first feature is the id). */
  private static List<Integer> visit(Iterable<Batch> epoch) {
    List<Integer> seen = new ArrayList<>();
    for (Batch b : epoch) {
      for (int k = 0; k < b.size(); k++) {
        int id = (int) b.features().get(k, 0);
        assertEquals(-id, b.features().get(k, 1));
        assertEquals(id, b.indices()[k]);
        assertEquals(id % 2, b.labels()[k]);
        assertEquals(1.0, b.targets().get(k, id % 2));
        seen.add(id);
      }
    }
    return seen;
  }

  @Test
  void unshuffledBatchesFollowDatasetOrderAndKeepTheRest() {
    Batches batches = Batches.of(ten(), 4);
    assertEquals(3, batches.batchCount());
    List<Integer> sizes = new ArrayList<>();
    batches.epoch(0).forEach(b -> sizes.add(b.size()));
    assertEquals(List.of(4, 4, 2), sizes);
    assertEquals(IntStream.range(0, 10).boxed().toList(), visit(batches.epoch(0)));
  }

  @Test
  void dropLastDropsThePartialBatch() {
    Batches batches = Batches.of(ten(), 4).dropLast(true);
    assertEquals(2, batches.batchCount());
    assertEquals(8, visit(batches.epoch(0)).size());
    assertEquals(5, Batches.of(ten(), 2).dropLast(true).batchCount());
  }

  @Test
  void everyShuffledEpochCoversEverySampleExactlyOnce() {
    Batches batches = Batches.of(ten(), 3).shuffled(42);
    for (int epoch = 0; epoch < 5; epoch++) {
      List<Integer> seen = visit(batches.epoch(epoch));
      int[] sorted = seen.stream().mapToInt(Integer::intValue).sorted().toArray();
      assertArrayEquals(IntStream.range(0, 10).toArray(), sorted, "epoch " + epoch);
    }
  }

  @Test
  void sameSeedSameOrderOtherSeedOrEpochOtherOrder() {
    Dataset d = ten();
    List<Integer> a = visit(Batches.of(d, 3).shuffled(42).epoch(0));
    assertEquals(a, visit(Batches.of(d, 3).shuffled(42).epoch(0)));
    assertFalse(a.equals(visit(Batches.of(d, 3).shuffled(43).epoch(0))));
    assertFalse(a.equals(visit(Batches.of(d, 3).shuffled(42).epoch(1))));
    assertFalse(a.equals(IntStream.range(0, 10).boxed().toList()));
  }

  @Test
  void fullBatchesReuseOneBuffer() {
    Batches batches = Batches.of(ten(), 3);
    List<Batch> seen = new ArrayList<>();
    List<Tensor> tensors = new ArrayList<>();
    for (Batch b : batches.epoch(0)) {
      seen.add(b);
      tensors.add(b.features());
    }
    assertEquals(4, seen.size());
    assertSame(seen.get(0), seen.get(1));
    assertSame(seen.get(0), seen.get(2));
    assertSame(tensors.get(0), tensors.get(2));
    assertEquals(1, seen.get(3).size());
  }

  @Test
  void aBufferPassedInIsRefilledInEveryEpochWithTheSameSamples() {
    Batches batches = Batches.of(ten(), 3).shuffled(7);
    Batch full = batches.newFullBatch();
    for (int epoch = 0; epoch < 3; epoch++) {
      List<Batch> seen = new ArrayList<>();
      batches.epoch(epoch, full).forEach(seen::add);
      assertSame(full, seen.get(0));
      assertSame(full, seen.get(2));
      assertEquals(visit(batches.epoch(epoch)), visit(batches.epoch(epoch, full)));
    }
  }

  @Test
  void aBufferOfAnotherBatchSizeIsNamed() {
    Batch wrong = Batches.of(ten(), 4).newFullBatch();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Batches.of(ten(), 3).epoch(0, wrong));
    assertTrue(e.getMessage().contains("holds 4 samples of 2 features"), e.getMessage());
    assertTrue(e.getMessage().contains("hold 3 samples"), e.getMessage());
  }

  @Test
  void targetsLeftUnreadInOneBatchAreRightWhenReadInTheNext() {
    Batches batches = Batches.of(ten(), 3).shuffled(5);
    int batch = 0;
    for (Batch b : batches.epoch(2)) {
      if (batch++ % 2 == 1) {
        for (int k = 0; k < b.size(); k++) {
          int label = b.indices()[k] % 2;
          assertArrayEquals(new double[] {1 - label, label},
              new double[] {b.targets().get(k, 0), b.targets().get(k, 1)});
          assertEquals(b.targets().get(k, 1), b.targetsColumns().get(1, k));
        }
      }
    }
    assertEquals(4, batch);
  }

  @Test
  void columnLayoutFollowsRefills() {
    Batches batches = Batches.of(ten(), 2);
    List<double[]> columns = new ArrayList<>();
    for (Batch b : batches.epoch(0)) {
      Tensor c = b.featuresColumns();
      assertEquals(Shape.of(2, 2), c.shape());
      assertEquals(Shape.of(2, 2), b.targetsColumns().shape());
      columns.add(c.toArray());
    }
    assertArrayEquals(new double[] {4, 5, -4, -5}, columns.get(2));
  }

  @Test
  void theShuffledOrderNeedsOnlyTheSize() {
    Batches shuffled = Batches.of(ten(), 3).shuffled(42);
    for (int e = 0; e < 3; e++) {
      assertArrayEquals(shuffled.order(e), Batches.shuffledOrder(10, 42, e));
    }
  }

  @Test
  void aBatchOfChosenSamplesHoldsThemInTheGivenOrder() {
    int[] chosen = {7, 2, 7, 0};
    Batch b = Batch.of(ten(), chosen);
    assertEquals(List.of(7, 2, 7, 0), visit(List.of(b)));
    String m = assertThrows(IndexOutOfBoundsException.class,
        () -> Batch.of(ten(), new int[] {3, 10})).getMessage();
    assertEquals("sample 10 is outside dataset 'ten' of 10 samples", m);
  }

  @Test
  void nonPositiveBatchSizeIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Batches.of(ten(), 0));
    assertTrue(e.getMessage().contains("got 0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Batches.of(ten(), -5));
  }

  @Test
  void regressionBatchesHaveNoLabels() {
    Dataset r = Dataset.regression("r", Tensor.zeros(3, 1), Tensor.zeros(3, 1));
    Batch b = Batches.of(r, 2).epoch(0).iterator().next();
    assertThrows(IllegalStateException.class, b::labels);
    assertTrue(Arrays.equals(new int[] {0, 1}, b.indices()));
  }
}
