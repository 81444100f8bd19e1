package dev.chainrule.spark;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The replicas an executor JVM keeps between tasks, so that each compiles its training steps once
 * rather than once per task: a pool per {@code fit} (keyed by {@link WorkerSpec#id}), from which
 * each running task borrows a replica of its own (tasks run concurrently in one executor). Only
 * the pools of the last {@value #KEPT_FITS} fits are kept.
 */
final class Replicas {
  private static final int KEPT_FITS = 2;

  private static final Map<String, Deque<Replica>> POOLS = new LinkedHashMap<>(4, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Deque<Replica>> eldest) {
      return size() > KEPT_FITS;
    }
  };

  private Replicas() {}

  /** Runs {@code work} on a replica of {@code spec} that no other task uses meanwhile. */
  static <R> R with(WorkerSpec spec, Function<Replica, R> work) {
    Replica r = borrow(spec);
    try {
      return work.apply(r);
    } finally {
      giveBack(spec, r);
    }
  }

  private static Replica borrow(WorkerSpec spec) {
    synchronized (POOLS) {
      Deque<Replica> pool = POOLS.computeIfAbsent(spec.id(), id -> new ArrayDeque<>());
      Replica r = pool.pollFirst();
      if (r != null) {
        return r;
      }
    }
    return new Replica(spec);
  }

  private static void giveBack(WorkerSpec spec, Replica r) {
    synchronized (POOLS) {
      Deque<Replica> pool = POOLS.get(spec.id());
      if (pool != null) {
        pool.addFirst(r);
      }
    }
  }
}
