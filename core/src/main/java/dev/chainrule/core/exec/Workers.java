package dev.chainrule.core.exec;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * The daemon threads that help run one large loop: the calling thread runs part 0 itself and
 * helpers run the others. Waking a helper costs tens to hundreds of microseconds, so plans split
 * only loops far longer than that. Idle helpers end after a few seconds.
 */
final class Workers {
  private static final AtomicInteger IDS = new AtomicInteger();
  private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(0, 64, 5,
      TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
        Thread t = new Thread(r, "chainrule-exec-" + IDS.incrementAndGet());
        t.setDaemon(true);
        return t;
      });

  static {
    POOL.setCorePoolSize(Runtime.getRuntime().availableProcessors());
    POOL.allowCoreThreadTimeOut(true);
  }

  private Workers() {}

  /** Runs {@code part.accept(t)} for t in [0, parts), part 0 on this thread; returns when done. */
  static void run(int parts, IntConsumer part) {
    CountDownLatch done = new CountDownLatch(parts - 1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    for (int t = 1; t < parts; t++) {
      int id = t;
      POOL.execute(() -> {
        try {
          part.accept(id);
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        } finally {
          done.countDown();
        }
      });
    }
    part.accept(0);
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for plan worker threads", e);
    }
    Throwable f = failure.get();
    if (f instanceof RuntimeException) {
      throw (RuntimeException) f;
    } else if (f != null) {
      throw new IllegalStateException("a plan worker thread failed: " + f, f);
    }
  }
}
