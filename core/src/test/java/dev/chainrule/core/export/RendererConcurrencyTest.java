package dev.chainrule.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renderers used from several threads at once, mixing renderers of different engine orders (the
 * bundled engine is one instance on one thread, shared): every call gives what the same call gives
 * alone, failures included.
 */
class RendererConcurrencyTest {
  private static final int THREADS = 6;
  private static final int ROUNDS = 3;
  private static final String DOT = "digraph g { x -> y; y -> z; x -> z }";

  @TempDir
  Path dir;

  /**
   * The renderers to mix: the automatic choice, the dot program alone (which fails where it is
   * not installed), the bundled Graphviz alone (one instance shared by every thread), and none.
   */
  private static Map<String, Renderer> renderers() {
    Map<String, Renderer> r = new LinkedHashMap<>();
    r.put("auto", Renderer.auto());
    r.put("dot", Renderer.using(Renderer.Engine.DOT_BINARY));
    r.put("wasm", Renderer.using(Renderer.Engine.WASM));
    r.put("none", Renderer.trying(List.of()));
    return r;
  }

  /** What one call gives: the SVG text, or the error's message when it cannot render. */
  private static String outcome(Renderer r) {
    try {
      return r.svg(DOT);
    } catch (RenderException e) {
      return "error: " + e.getMessage();
    }
  }

  @Test
  void severalThreadsRenderingAtOnceGetWhatEachCallGivesAlone() throws Exception {
    Map<String, Renderer> renderers = renderers();
    List<String> names = new ArrayList<>(renderers.keySet());
    Map<String, String> alone = new LinkedHashMap<>();
    Map<String, String> engines = new LinkedHashMap<>();
    for (String name : names) {
      alone.put(name, outcome(renderers.get(name)));
      engines.put(name, renderers.get(name).engine().map(Enum::name).orElse("none"));
    }
    assertTrue(alone.get("none").startsWith("error: no Graphviz engine was allowed"),
        alone.get("none"));

    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        Callable<List<String>> task = () -> {
          start.await();
          List<String> problems = new ArrayList<>();
          for (int i = 0; i < ROUNDS; i++) {
            String name = names.get((thread + i) % names.size());
            Renderer r = renderers.get(name);
            if (!alone.get(name).equals(outcome(r))) {
              problems.add("thread " + thread + ", " + name + ": another SVG or error");
            }
            String engine = r.engine().map(Enum::name).orElse("none");
            if (!engines.get(name).equals(engine)) {
              problems.add("thread " + thread + ", " + name + ": engine " + engine);
            }
            Path png = dir.resolve("t" + thread + "-" + i + ".png");
            RenderResult w = r.write(DOT, png, ImageFormat.PNG);
            if (w.rendered() != !alone.get(name).startsWith("error: ")) {
              problems.add("thread " + thread + ", " + name + ": " + w.message());
            }
            if (w.rendered() && Files.size(png) == 0) {
              problems.add("thread " + thread + ", " + name + ": empty " + png);
            }
          }
          return problems;
        };
        futures.add(pool.submit(task));
      }
      start.countDown();
      List<String> problems = new ArrayList<>();
      for (Future<List<String>> f : futures) {
        problems.addAll(f.get());
      }
      assertEquals(List.of(), problems);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRendererWithoutEnginesFailsTheSameWayOnEveryThread() throws Exception {
    Renderer none = Renderer.trying(List.of());
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<String>> messages = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        messages.add(pool.submit(() -> assertThrows(RenderException.class,
            () -> none.svg(DOT)).getMessage()));
      }
      for (Future<String> m : messages) {
        assertEquals("no Graphviz engine was allowed; render the DOT text with: dot -Tsvg "
            + "file.dot -o file.svg (Debian/Ubuntu: apt-get install graphviz)", m.get());
      }
      assertFalse(none.engine().isPresent());
    } finally {
      pool.shutdownNow();
    }
  }
}
