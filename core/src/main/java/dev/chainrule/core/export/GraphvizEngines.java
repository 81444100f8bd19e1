package dev.chainrule.core.export;

import guru.nidi.graphviz.engine.Format;
import guru.nidi.graphviz.engine.Graphviz;
import guru.nidi.graphviz.engine.GraphvizCmdLineEngine;
import guru.nidi.graphviz.engine.GraphvizEngine;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * graphviz-java's engine, which is global state, managed from one thread. Every call into the
 * library runs on a single daemon thread: the V8 engine keeps one JavaScript runtime per thread
 * (about 100 MB and a second of start-up each), and the library's engine choice is one static
 * setting. An engine is tried once per JVM: a failure is remembered with its reason in words.
 * That memory is an immutable {@link Memo} replaced as a whole through an {@link
 * AtomicReference}, so it is safe to read from any thread (the Graphviz thread is the only one
 * that changes it, after trying an engine). The JavaScript engines of the JDK (Nashorn, GraalJS)
 * are never used: GraalJS takes 13 to 33 s to start on a stock JDK.
 */
final class GraphvizEngines {
  private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "chainrule-graphviz");
    t.setDaemon(true);
    return t;
  });
  private static final int TOTAL_MEMORY = 64 << 20;
  private static final AtomicReference<Memo> MEMO = new AtomicReference<>(
      new Memo(null, Map.of()));

  static {
    QuietSlf4j.initialize();
  }

  /**
   * What this JVM knows of the engines: which one is the library's engine now, and why each
   * engine that was tried failed. Immutable; every change makes a new one.
   *
   * @param installed the engine graphviz-java uses now, or null
   * @param failures the reason each failed engine did not start, in words
   */
  private record Memo(Renderer.Engine installed, Map<Renderer.Engine, String> failures) {
    Memo {
      failures = failures.isEmpty() ? Map.of() : Collections.unmodifiableMap(
          new EnumMap<>(failures));
    }

    Memo withInstalled(Renderer.Engine engine) {
      return new Memo(engine, failures);
    }

    Memo withFailure(Renderer.Engine engine, String why) {
      Map<Renderer.Engine, String> f = new EnumMap<>(Renderer.Engine.class);
      f.putAll(failures);
      f.put(engine, why);
      return new Memo(installed, f);
    }
  }

  private GraphvizEngines() {}

  /** Runs {@code task} on the Graphviz thread and returns its result, rethrowing its exception. */
  static <T> T call(Callable<T> task) throws IOException {
    try {
      return THREAD.submit(task).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RenderException("interrupted while waiting for Graphviz");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException) {
        throw (IOException) cause;
      } else if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      } else if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new RenderException(cause.toString());
    }
  }

  /**
   * Returns the first engine of {@code order} that starts, making it the library's engine, or
   * null when none does. Call on the Graphviz thread only.
   */
  static Renderer.Engine select(List<Renderer.Engine> order) {
    for (Renderer.Engine e : order) {
      Memo memo = MEMO.get();
      if (e == memo.installed()) {
        return e;
      }
      if (memo.failures().containsKey(e)) {
        continue;
      }
      String why = install(e);
      if (why == null) {
        MEMO.updateAndGet(m -> m.withInstalled(e));
        return e;
      }
      MEMO.updateAndGet(m -> m.withFailure(e, why));
    }
    return null;
  }

  /** Returns why each engine of {@code order} did not start, e.g. {@code dot: not on PATH}. */
  static String failures(List<Renderer.Engine> order) {
    Map<Renderer.Engine, String> failures = MEMO.get().failures();
    List<String> parts = new ArrayList<>();
    for (Renderer.Engine e : order) {
      parts.add(e.words() + ": " + failures.getOrDefault(e, "not tried"));
    }
    return String.join("; ", parts);
  }

  private static String install(Renderer.Engine e) {
    String reason = null;
    try {
      GraphvizEngine engine;
      if (e == Renderer.Engine.DOT_BINARY) {
        if (!onPath("dot")) {
          return "the dot program is not on PATH";
        }
        engine = new GraphvizCmdLineEngine().timeout(60, TimeUnit.SECONDS);
      } else {
        Path dir = J2v8Native.cacheDirectory();
        reason = J2v8Native.preload(dir);
        engine = new MeasuredV8Engine(DotText.FONT, dir == null ? null : dir.toString());
      }
      MEMO.updateAndGet(m -> m.withInstalled(null));
      Graphviz.useEngine(engine);
      Graphviz.fromString("digraph probe { a -> b }").render(Format.SVG).toString();
      return null;
    } catch (RuntimeException | LinkageError ex) {
      return reason != null ? reason : firstLine(ex);
    }
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  /** Renders on the current (Graphviz) thread: SVG as a standalone document, PNG scaled. */
  static void render(String dot, ImageFormat format, double scale, File out) throws IOException {
    Graphviz g = Graphviz.fromString(dot).totalMemory(TOTAL_MEMORY);
    if (format == ImageFormat.SVG) {
      g.render(Format.SVG_STANDALONE).toFile(out);
    } else {
      g.scale(scale).render(Format.PNG).toFile(out);
    }
  }

  /** Renders an SVG document to a string, on the current (Graphviz) thread. */
  static String svg(String dot) {
    return Graphviz.fromString(dot).totalMemory(TOTAL_MEMORY).render(Format.SVG_STANDALONE)
        .toString();
  }

  /** Returns the first line of a throwable's message, or its class name when it has none. */
  static String firstLine(Throwable t) {
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.lines().findFirst()
        .orElse("").trim();
  }
}
