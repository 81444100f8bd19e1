package dev.chainrule.examples.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Epoch labels of the progress bars, for a first run and for a run resumed after three epochs. */
class ConsoleProgressTest {
  @Test
  void aResumedRunCountsOnFromTheEpochsBefore() {
    assertEquals("epoch 1/2", ConsoleProgress.epochOf(0, 0, 2));
    assertEquals("epoch 2/2", ConsoleProgress.epochOf(1, 0, 2));
    assertEquals("epoch 4/5", ConsoleProgress.epochOf(3, 3, 2));
    assertEquals("epoch 5/5", ConsoleProgress.epochOf(4, 3, 2));
  }
}
