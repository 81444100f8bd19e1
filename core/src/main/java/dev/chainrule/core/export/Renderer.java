package dev.chainrule.core.export;

import dev.chainrule.core.export.graphviz.DotProgram;
import dev.chainrule.core.export.graphviz.GraphvizException;
import dev.chainrule.core.export.graphviz.GraphvizWasm;
import dev.chainrule.core.export.graphviz.Limits;
import dev.chainrule.core.export.graphviz.SvgRasterizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns DOT text into SVG or PNG, choosing an engine that works here: the {@code dot} program when
 * it is on the PATH, else Graphviz compiled to WebAssembly and run inside the JVM (bundled: no
 * native code, any platform). Every picture is bounded by {@link Limits}, 30 s and 1 GiB unless
 * set otherwise: past a limit the engine is stopped. When a picture cannot be rendered, {@link
 * #write} writes the DOT file, says what happened and how to render it by hand; it never fails
 * with a stack trace. Renderers are immutable and may be used from any number of threads.
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
    /** Graphviz compiled to WebAssembly, bundled with chainrule and run inside the JVM. */
    WASM("bundled Graphviz");

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
  private static final double POINTS_PER_INCH = 72;
  /** The largest PNG drawn in the JVM: 40 million pixels, 160 MB as an image in memory. */
  private static final long MAX_PIXELS = 40_000_000L;
  private static final String INSTALL = " (Debian/Ubuntu: apt-get install graphviz)";

  private final List<Engine> order;
  private final double scale;
  private final Limits limits;

  private Renderer(List<Engine> order, double scale, Limits limits) {
    this.order = List.copyOf(order);
    this.scale = scale;
    this.limits = limits;
  }

  /** Returns a renderer using the dot program when present, else the bundled Graphviz. */
  public static Renderer auto() {
    return new Renderer(List.of(Engine.DOT_BINARY, Engine.WASM), DEFAULT_SCALE, Limits.DEFAULT);
  }

  /** Returns a renderer using only {@code engine}, e.g. the bundled one where dot is installed. */
  public static Renderer using(Engine engine) {
    return new Renderer(List.of(engine), DEFAULT_SCALE, Limits.DEFAULT);
  }

  /** Returns a renderer that tries {@code engines} in order; an empty list renders nothing. */
  public static Renderer trying(List<Engine> engines) {
    return new Renderer(engines, DEFAULT_SCALE, Limits.DEFAULT);
  }

  /**
   * Returns this renderer writing PNG images {@code factor} times 72 dots per inch (default 2:
   * sharp on screens and in documents).
   */
  public Renderer withScale(double factor) {
    if (!(factor > 0 && factor <= 10)) {
      throw new IllegalArgumentException("PNG scale must be in (0, 10], got " + factor);
    }
    return new Renderer(order, factor, limits);
  }

  /** Returns this renderer stopping every picture at {@code newLimits} (time and memory). */
  public Renderer withLimits(Limits newLimits) {
    if (newLimits == null) {
      throw new IllegalArgumentException("limits must not be null; use Limits.DEFAULT");
    }
    return new Renderer(order, scale, newLimits);
  }

  /** Returns the limits every picture is rendered within. */
  public Limits limits() {
    return limits;
  }

  /** Returns the engine this renderer uses on this machine, or empty when none is allowed here. */
  public Optional<Engine> engine() {
    for (Engine e : order) {
      if (e == Engine.WASM || DotProgram.onPath().isPresent()) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /**
   * Starts the bundled engine and the PNG rasteriser in the background when they are the ones
   * this renderer will use, so that the first picture does not wait for them; returns at once.
   */
  public Renderer warmUp() {
    if (engine().orElse(null) == Engine.WASM) {
      GraphvizWasm.warmUp();
      SvgRasterizer.warmUp();
    }
    return this;
  }

  /**
   * Returns the picture as an SVG document.
   *
   * @throws RenderException when no engine is allowed here, a limit is hit or Graphviz rejects the
   *     text; its message says how to render the DOT text by hand
   */
  public String svg(String dot) {
    Engine e = engine().orElseThrow(() -> new RenderException(noEngine()
        + "; render the DOT text with: dot -Tsvg file.dot -o file.svg" + INSTALL));
    try {
      return render(e, dot, ImageFormat.SVG).text();
    } catch (GraphvizException ex) {
      throw new RenderException(ex.getMessage());
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
    Optional<Engine> engine = engine();
    String failure;
    if (engine.isEmpty()) {
      failure = noEngine();
    } else {
      try {
        Picture p = render(engine.get(), dot, format);
        Files.write(file, p.bytes());
        Duration took = since(start);
        return new RenderResult(file, format, true, engine.get(), took, String.format(Locale.ROOT,
            "wrote %s (%s, %.1f s%s)", file, engine.get().words(), took.toMillis() / 1000.0,
            p.note()));
      } catch (GraphvizException e) {
        boolean limit = e.reason() == GraphvizException.Reason.TIME_LIMIT
            || e.reason() == GraphvizException.Reason.MEMORY_LIMIT;
        failure = e.getMessage() + (limit ? " (a picture of fewer nodes renders faster: "
            + "ExportOptions.withMaxNodes, --max-nodes)" : "");
      }
    }
    Path dotFile = dotSibling(file);
    Files.writeString(dotFile, dot, StandardCharsets.UTF_8);
    return new RenderResult(dotFile, ImageFormat.DOT, false, null, since(start), failure
        + "; wrote " + dotFile + " instead; render it by hand with: dot -T" + format.extension()
        + " " + dotFile + " -o " + file + INSTALL);
  }

  /** A rendered picture: its bytes, and a remark for the message (empty or starting "; "). */
  private record Picture(byte[] bytes, String note) {
    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private Picture render(Engine e, String dot, ImageFormat format) {
    if (e == Engine.DOT_BINARY) {
      DotProgram program = DotProgram.onPath().orElseThrow(() -> new GraphvizException(
          GraphvizException.Reason.UNAVAILABLE, "the dot program is not on PATH"));
      List<String> options = new ArrayList<>();
      if (format == ImageFormat.PNG) {
        options.add("-Gdpi=" + DotText.number(POINTS_PER_INCH * scale));
      }
      return new Picture(program.render(dot, format.extension(), options, limits), "");
    }
    String svg = GraphvizWasm.render(dot, "svg", limits);
    if (format == ImageFormat.SVG) {
      return new Picture(svg.getBytes(StandardCharsets.UTF_8), "");
    }
    SvgRasterizer.Raster r = SvgRasterizer.png(svg, scale, MAX_PIXELS);
    String note = r.scale() < scale ? String.format(Locale.ROOT, "; drawn at %.2f pixels per point"
        + " instead of %s to stay within %d megapixels", r.scale(), DotText.number(scale),
        MAX_PIXELS / 1_000_000) : "";
    return new Picture(r.png(), note);
  }

  private String noEngine() {
    return order.isEmpty() ? "no Graphviz engine was allowed"
        : "no Graphviz engine could start here (the dot program is not on PATH)";
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
