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
 * A small shared pool of daemon threads that runs the independent tasks of one large kernel (a
 * GEMM's blocks, a row gather's chunks). The calling thread works too, so {@code threads} workers
 * need only {@code threads − 1} pool threads. Every thread takes the next task left until none is,
 * and the caller waits for the tasks, not for the helpers: a helper that wakes after the caller
 * took every task costs the caller nothing (waking one takes tens to hundreds of microseconds on a
 * virtual machine). Idle pool threads end after {@link #IDLE_SECONDS}; a pool replaced after a
 * change of thread count is never shut down (a concurrent kernel may still be handing it work), its
 * threads just idle out.
 */
final class KernelPool {
  /** Seconds an idle pool thread waits for work before it ends. */
  static final long IDLE_SECONDS = 30;
  /** How many times the caller checks for its helpers' last tasks before it parks. */
  private static final int SPINS = 1 << 14;

  private static final AtomicInteger THREAD_IDS = new AtomicInteger();
  private static final Object LOCK = new Object();
  private static ExecutorService executor;
  private static int executorThreads;

  private KernelPool() {}

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
    CountDownLatch finished = new CountDownLatch(tasks);
    Runnable work = () -> drain(next, tasks, body, failure, finished);
    ExecutorService pool = executor(threads - 1);
    for (int h = 0; h < helpers; h++) {
      pool.execute(work);
    }
    work.run();
    await(finished);
    Throwable t = failure.get();
    if (t instanceof RuntimeException r) {
      throw r;
    } else if (t instanceof Error e) {
      throw e;
    } else if (t != null) {
      throw new IllegalStateException("kernel worker failed", t);
    }
  }

  /**
   * Takes tasks until none is left, counting each down when it ends; after a failure the tasks
   * not yet started are counted down without running.
   */
  private static void drain(AtomicInteger next, int tasks, IntConsumer body,
      AtomicReference<Throwable> failure, CountDownLatch finished) {
    int t;
    while ((t = next.getAndIncrement()) < tasks) {
      try {
        if (failure.get() == null) {
          body.accept(t);
        }
      } catch (Throwable e) {
        failure.compareAndSet(null, e);
      } finally {
        finished.countDown();
      }
    }
  }

  /** Waits for the tasks that helpers still run: briefly spinning, as they are short, then parked. */
  private static void await(CountDownLatch finished) {
    for (int i = 0; i < SPINS && finished.getCount() > 0; i++) {
      Thread.onSpinWait();
    }
    try {
      finished.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for kernel worker threads", e);
    }
  }

  /** Returns a pool of exactly {@code size} daemon threads, replacing one of another size. */
  private static ExecutorService executor(int size) {
    synchronized (LOCK) {
      if (executor == null || executorThreads != size) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, IDLE_SECONDS,
            TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
              Thread t = new Thread(r, "chainrule-kernel-" + THREAD_IDS.incrementAndGet());
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
