package dev.chainrule.core.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KernelPoolTest {
  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {1, 2, 3, 5})
  void everyTaskRunsExactlyOnce(int threads) {
    AtomicIntegerArray runs = new AtomicIntegerArray(257);
    KernelPool.run(threads, runs.length(), runs::incrementAndGet);
    for (int t = 0; t < runs.length(); t++) {
      assertEquals(1, runs.get(t), "task " + t);
    }
  }

  @Test
  void aTaskFailureReachesTheCallerAsItself() {
    IllegalStateException thrown = new IllegalStateException("task 7 failed");
    assertSame(thrown, assertThrows(IllegalStateException.class, () -> KernelPool.run(2, 40, t -> {
      if (t == 7) {
        throw thrown;
      }
    })));
    AssertionError error = new AssertionError("task 3");
    assertSame(error, assertThrows(AssertionError.class, () -> KernelPool.run(3, 9, t -> {
      if (t == 3) {
        throw error;
      }
    })));
  }

  /**
   * The pool's one helper thread is kept busy by another kernel; a second kernel's caller then
   * runs all its tasks alone and returns, rather than waiting for a helper that cannot start.
   */
  @Test
  void theCallerDoesNotWaitForAHelperThatNeverStarted() throws Exception {
    CountDownLatch helperBusy = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread other = new Thread(() -> KernelPool.run(2, 100_000, t -> {
      if (Thread.currentThread().getName().startsWith("chainrule-kernel-")) {
        helperBusy.countDown();
        awaitQuietly(release);
      } else if (helperBusy.getCount() > 0) {
        sleepQuietly();
      }
    }));
    other.start();
    assertTrue(helperBusy.await(30, TimeUnit.SECONDS), "the helper took a task of the first kernel");
    try {
      AtomicIntegerArray runs = new AtomicIntegerArray(64);
      assertTimeoutPreemptively(Duration.ofSeconds(10),
          () -> KernelPool.run(2, runs.length(), runs::incrementAndGet));
      for (int t = 0; t < runs.length(); t++) {
        assertEquals(1, runs.get(t), "task " + t);
      }
    } finally {
      release.countDown();
      other.join();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
