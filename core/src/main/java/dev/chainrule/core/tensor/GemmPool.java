package dev.chainrule.core.tensor;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * A small shared pool of daemon threads that runs the independent tasks of one large GEMM. The
 * calling thread works too, so {@code threads} workers need only {@code threads − 1} pool threads.
 * Idle pool threads end after {@link #IDLE_SECONDS}; a pool replaced after a change of thread count
 * is never shut down (a concurrent product may still be handing it work), its threads just idle
 * out.
 */
final class GemmPool {
  /** Seconds an idle pool thread waits for work before it ends. */
  static final long IDLE_SECONDS = 30;

  private static final AtomicInteger THREAD_IDS = new AtomicInteger();
  private static final Object LOCK = new Object();
  private static ExecutorService executor;
  private static int executorThreads;

  private GemmPool() {}

  /**
   * Runs {@code body} once for every task id in {@code [0, tasks)} on up to {@code threads}
   * threads, and returns when all have finished, rethrowing the first failure.
   */
  static void run(int threads, int tasks, IntConsumer body) {
    int helpers = Math.min(threads, tasks) - 1;
    if (helpers <= 0) {
      for (int t = 0; t < tasks; t++) {
        body.accept(t);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(helpers);
    Runnable work = () -> drain(next, tasks, body, failure);
    ExecutorService pool = executor(threads - 1);
    for (int h = 0; h < helpers; h++) {
      pool.execute(() -> {
        try {
          work.run();
        } finally {
          done.countDown();
        }
      });
    }
    work.run();
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for GEMM worker threads", e);
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException r) {
      throw r;
    } else if (t instanceof Error e) {
      throw e;
    } else if (t != null) {
      throw new IllegalStateException("GEMM worker failed", t);
    }
  }

  private static void drain(AtomicInteger next, int tasks, IntConsumer body,
      AtomicReference<Throwable> failure) {
    int t;
    while (failure.get() == null && (t = next.getAndIncrement()) < tasks) {
      try {
        body.accept(t);
      } catch (Throwable e) {
        failure.compareAndSet(null, e);
      }
    }
  }

  /** Returns a pool of exactly {@code size} daemon threads, replacing one of another size. */
  private static ExecutorService executor(int size) {
    synchronized (LOCK) {
      if (executor == null || executorThreads != size) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, IDLE_SECONDS,
            TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
              Thread t = new Thread(r, "chainrule-gemm-" + THREAD_IDS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
        pool.allowCoreThreadTimeOut(true);
        executor = pool;
        executorThreads = size;
      }
      return executor;
    }
  }
}
