package dev.chainrule.core.export.graphviz;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Graphviz inside the JVM: the {@code dot} layout engine and its SVG writer compiled to
 * WebAssembly (the npm package {@code @viz-js/viz}, Graphviz 16), compiled again to JVM bytecode at
 * build time and run by Chicory, a WebAssembly runtime written in Java. No native code, so it works
 * wherever Java does. Every call runs on one background thread that keeps one instance of the
 * module between calls (starting one takes a few tenths of a second); callers on any number of
 * threads queue for it. Each call is bounded by {@link Limits}: past the time limit the thread is
 * interrupted and the instance thrown away, past the memory limit Graphviz's allocations fail.
 *
 * <pre>{@code
 * String svg = GraphvizWasm.render("digraph { a -> b }", "svg", Limits.DEFAULT);
 * }</pre>
 */
public final class GraphvizWasm {
  /** Deep graphs make Graphviz recurse deeply; the compiled module recurses on this stack. */
  private static final long STACK_BYTES = 512L << 20;
  private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(null, r, "chainrule-graphviz", STACK_BYTES);
    t.setDaemon(true);
    return t;
  });

  private static final AtomicBoolean WARMING = new AtomicBoolean();

  /** The instance kept between calls; touched only on {@link #THREAD}. */
  private static WasmSession session;
  private static long sessionMemory;

  private GraphvizWasm() {}

  /** Returns the version of Graphviz inside, e.g. {@code 16.1.0}. */
  public static String graphvizVersion() {
    return GraphvizAbi.graphvizVersion();
  }

  /** A small picture in the style chainrule draws, laid out once to warm the engine up. */
  private static final String WARM_UP = "digraph { node [shape=box, style=\"rounded,filled\", "
      + "fontname=\"DejaVu Sans\"]; subgraph cluster_1 { label=\"s\"; a [label=<<b>a</b><br/>"
      + "<font point-size=\"9\">x</font>>]; } a -> b [label=\"A\"]; b -> c; a -> c }";

  /**
   * Starts an instance in the background and lays out a small picture with it, so that a picture
   * asked for soon after waits neither for the start nor for the first compilation of the code
   * every layout runs; returns at once. Only the first call in a JVM does anything.
   */
  public static void warmUp() {
    if (!WARMING.compareAndSet(false, true)) {
      return;
    }
    THREAD.execute(() -> {
      try {
        session(Limits.DEFAULT.memoryBytes()).render(WARM_UP, "svg");
      } catch (RuntimeException | StackOverflowError e) {
        session = null;
      }
    });
  }

  /**
   * Lays out {@code dot} with Graphviz's {@code dot} engine and returns it in {@code format}
   * ({@code svg}, {@code json}, {@code plain}, …), within {@code limits}.
   *
   * @throws GraphvizException naming the limit that was hit, or Graphviz's own error message
   */
  public static String render(String dot, String format, Limits limits) {
    CountDownLatch started = new CountDownLatch(1);
    Future<String> result = THREAD.submit(() -> {
      started.countDown();
      return renderHere(dot, format, limits);
    });
    try {
      started.await();
      return result.get(limits.time().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      result.cancel(true);
      throw new GraphvizException(GraphvizException.Reason.TIME_LIMIT,
          "Graphviz did not finish within its time limit of " + limits.timeWords());
    } catch (InterruptedException e) {
      result.cancel(true);
      Thread.currentThread().interrupt();
      throw new GraphvizException(GraphvizException.Reason.TIME_LIMIT,
          "interrupted while Graphviz was working");
    } catch (CancellationException e) {
      throw new GraphvizException(GraphvizException.Reason.TIME_LIMIT, "Graphviz was stopped");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof GraphvizException) {
        throw (GraphvizException) cause;
      }
      throw new GraphvizException(GraphvizException.Reason.REJECTED, "Graphviz failed: "
          + cause);
    }
  }

  /** Renders on the Graphviz thread; an instance that failed in any way is thrown away. */
  private static String renderHere(String dot, String format, Limits limits) {
    WasmSession s = session(limits.memoryBytes());
    try {
      return s.render(dot, format);
    } catch (GraphvizException e) {
      if (e.reason() == GraphvizException.Reason.MEMORY_LIMIT) {
        session = null;
      }
      throw e;
    } catch (ChicoryInterruptedException e) {
      session = null;
      throw new GraphvizException(GraphvizException.Reason.TIME_LIMIT,
          "Graphviz was stopped at its time limit of " + limits.timeWords());
    } catch (StackOverflowError e) {
      session = null;
      throw new GraphvizException(GraphvizException.Reason.MEMORY_LIMIT,
          "Graphviz recursed deeper than its stack allows: the graph is too deep to lay out");
    } catch (RuntimeException e) {
      session = null;
      boolean memory = s.host().refusedMemory();
      throw new GraphvizException(memory ? GraphvizException.Reason.MEMORY_LIMIT
          : GraphvizException.Reason.REJECTED, memory
          ? "Graphviz needed more than its memory limit of " + limits.memoryWords()
          : "Graphviz failed: " + firstLine(e));
    }
  }

  private static WasmSession session(long memoryBytes) {
    if (session == null || sessionMemory != memoryBytes) {
      session = null;
      session = new WasmSession(memoryBytes);
      sessionMemory = memoryBytes;
    }
    return session;
  }

  private static String firstLine(Throwable t) {
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName()
        : m.lines().findFirst().orElse("").strip();
  }
}
