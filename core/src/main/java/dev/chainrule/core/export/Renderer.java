package dev.chainrule.core.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns DOT text into SVG or PNG through graphviz-java, choosing an engine that works here: the
 * {@code dot} program when it is on the PATH, else the V8 JavaScript engine bundled for Linux
 * x86-64 (about 2 s to the first picture, then a fraction of a second). Where no engine starts
 * (another platform, no V8 build), {@link #write} writes the DOT file and says how to render it;
 * it never fails with a stack trace. All rendering happens on one background thread, so a
 * renderer can be used from any number of threads at once: their calls queue for that thread, and
 * what it remembers about engines that failed to start is immutable state replaced atomically.
 *
 * <pre>{@code
 * RenderResult r = Renderer.auto().write(dot, Path.of("mazur.png"), ImageFormat.PNG);
 * System.out.println(r.message());
 * }</pre>
 */
public final class Renderer {
  /** The engines a renderer may use. */
  public enum Engine {
    /** Graphviz's own {@code dot} program, found on the PATH. */
    DOT_BINARY("dot program"),
    /** viz.js (Graphviz compiled to JavaScript) on the V8 engine bundled with chainrule. */
    V8("V8 engine");

    private final String words;

    Engine(String words) {
      this.words = words;
    }

    /** Returns the engine's name in a message, e.g. {@code dot program}. */
    public String words() {
      return words;
    }
  }

  private static final double DEFAULT_SCALE = 2;
  private static final String INSTALL = " (Debian/Ubuntu: apt-get install graphviz)";

  private final List<Engine> order;
  private final double scale;

  private Renderer(List<Engine> order, double scale) {
    this.order = List.copyOf(order);
    this.scale = scale;
  }

  /** Returns a renderer using the dot program when present, else the bundled V8 engine. */
  public static Renderer auto() {
    return new Renderer(List.of(Engine.DOT_BINARY, Engine.V8), DEFAULT_SCALE);
  }

  /** Returns a renderer using only {@code engine}, e.g. to test V8 where dot is installed. */
  public static Renderer using(Engine engine) {
    return new Renderer(List.of(engine), DEFAULT_SCALE);
  }

  /** Returns a renderer that tries {@code engines} in order; an empty list renders nothing. */
  public static Renderer trying(List<Engine> engines) {
    return new Renderer(engines, DEFAULT_SCALE);
  }

  /**
   * Returns this renderer writing PNG images {@code factor} times 72 dots per inch (default 2:
   * sharp on screens and in documents).
   */
  public Renderer withScale(double factor) {
    if (!(factor > 0 && factor <= 10)) {
      throw new IllegalArgumentException("PNG scale must be in (0, 10], got " + factor);
    }
    return new Renderer(order, factor);
  }

  /** Returns the engine this renderer uses on this machine, or empty when none starts. */
  public Optional<Engine> engine() {
    try {
      return Optional.ofNullable(GraphvizEngines.call(() -> GraphvizEngines.select(order)));
    } catch (IOException e) {
      throw new RenderException(e.getMessage());
    }
  }

  /**
   * Returns the picture as an SVG document.
   *
   * @throws RenderException when no engine starts or Graphviz rejects the text
   */
  public String svg(String dot) {
    try {
      return GraphvizEngines.call(() -> {
        if (GraphvizEngines.select(order) == null) {
          throw new RenderException(noEngine() + "; render the DOT text with: dot -Tsvg file.dot"
              + " -o file.svg" + INSTALL);
        }
        try {
          return GraphvizEngines.svg(dot);
        } catch (RuntimeException | LinkageError e) {
          throw new RenderException("Graphviz could not render the picture: "
              + GraphvizEngines.firstLine(e));
        }
      });
    } catch (IOException e) {
      throw new RenderException(e.getMessage());
    }
  }

  /**
   * Writes the picture to {@code file} in {@code format}. When it cannot be rendered, writes the
   * DOT text next to it ({@code file} with the extension {@code .dot}) and returns a result that
   * says why and gives the command that renders it.
   *
   * @throws IOException when a file cannot be written
   */
  public RenderResult write(String dot, Path file, ImageFormat format) throws IOException {
    long start = System.nanoTime();
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (format == ImageFormat.DOT) {
      Files.writeString(file, dot, StandardCharsets.UTF_8);
      return new RenderResult(file, format, true, null, since(start), "wrote " + file);
    }
    String[] failure = new String[1];
    Engine engine = GraphvizEngines.call(() -> {
      Engine e = GraphvizEngines.select(order);
      if (e == null) {
        failure[0] = noEngine();
        return null;
      }
      try {
        GraphvizEngines.render(dot, format, scale, file.toFile());
        return e;
      } catch (RuntimeException | LinkageError | java.awt.AWTError ex) {
        failure[0] = "Graphviz (" + e.words() + ") could not render " + file.getFileName() + ": "
            + GraphvizEngines.firstLine(ex);
        return null;
      }
    });
    Duration took = since(start);
    if (engine != null) {
      return new RenderResult(file, format, true, engine, took, String.format(Locale.ROOT,
          "wrote %s (%s, %.1f s)", file, engine.words(), took.toMillis() / 1000.0));
    }
    Path dotFile = dotSibling(file);
    Files.writeString(dotFile, dot, StandardCharsets.UTF_8);
    return new RenderResult(dotFile, ImageFormat.DOT, false, null, took, failure[0]
        + "; wrote " + dotFile + " instead; render it with: dot -T" + format.extension() + " "
        + dotFile + " -o " + file + INSTALL);
  }

  private String noEngine() {
    return order.isEmpty() ? "no Graphviz engine was allowed"
        : "no Graphviz engine could start here (" + GraphvizEngines.failures(order) + ")";
  }

  private static Path dotSibling(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    return file.resolveSibling(base + ".dot");
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
