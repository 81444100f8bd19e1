package dev.chainrule.examples.graph;

import dev.chainrule.core.export.ExportOptions;
import dev.chainrule.core.export.ExportOptions.Direction;
import dev.chainrule.core.export.ExportOptions.ValueDisplay;
import dev.chainrule.core.export.ImageFormat;
import dev.chainrule.core.export.RenderResult;
import dev.chainrule.core.export.Renderer;
import dev.chainrule.examples.cli.Json;
import dev.chainrule.examples.cli.UsageException;
import dev.chainrule.examples.graph.SeedPictures.Kind;
import dev.chainrule.examples.seeds.SeedCatalog;
import dev.chainrule.nn.io.IoMessages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Draws a seed network's computation graph, forward, backward, both or one box per layer, as
 * DOT, SVG or PNG files. With {@code --all}, draws every catalogue network in every view: the
 * command that regenerates docs/images/.
 */
@Command(name = "graph", description = "Draw an example's graph: forward, backward, both, layers.")
public final class GraphCommand implements Runnable {
  @Parameters(arity = "0..1", paramLabel = "<example>",
      description = "The example to draw (see 'list'); omit with --all.")
  String example;

  @Option(names = "--all", description = "Draw every example; every view unless --view is given.")
  boolean all;

  @Option(names = "--view", split = ",", paramLabel = "forward|backward|both|layers",
      description = "Views to draw, comma-separated (default: both).")
  List<String> views;

  @Option(names = "--format", split = ",", paramLabel = "dot|svg|png",
      description = "File formats, comma-separated (default: png).")
  List<String> formats = List.of("png");

  @Option(names = "--out", paramLabel = "DIR", description = "Directory to write to (default: .).")
  Path out = Path.of(".");

  @Option(names = "--values", description = "Show each node's value (small tensors in full).")
  boolean values;

  @Option(names = "--stats", description = "Show each node's mean, sd, min and max instead.")
  boolean stats;

  @Option(names = "--direction", paramLabel = "TB|LR",
      description = "Top to bottom (default) or left to right.")
  String direction = "TB";

  @Option(names = "--no-legend", description = "Leave the legend out.")
  boolean noLegend;

  @Option(names = "--engine", paramLabel = "auto|dot|v8",
      description = "Rendering engine: the dot program if present, else V8 (auto); or only one.")
  String engine = "auto";

  @Option(names = "--scale", paramLabel = "FACTOR", description = "PNG scale (default: 2).")
  double scale = 2;

  @Option(names = "--json", description = "Print one JSON object listing the files written.")
  boolean json;

  /** Writes the requested pictures and reports each file on one line. */
  @Override
  public void run() {
    List<String> examples = examples();
    List<Kind> kinds = kinds();
    List<ImageFormat> imageFormats = imageFormats();
    ExportOptions options = options();
    Renderer renderer = renderer();
    List<Map<String, Object>> written = new ArrayList<>();
    for (String name : examples) {
      SeedPictures pictures = SeedPictures.of(name);
      for (Kind kind : kinds) {
        String dot = pictures.dot(kind, options);
        for (ImageFormat format : imageFormats) {
          Path file = out.resolve(pictures.fileName(kind) + "." + format.extension());
          RenderResult r = write(renderer, dot, file, format);
          written.add(entry(r));
          if (!json) {
            (r.rendered() ? System.out : System.err).println(r.message());
          }
        }
      }
    }
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("files", written);
      Json.print(m, System.out);
    }
  }

  private static RenderResult write(Renderer renderer, String dot, Path file, ImageFormat format) {
    try {
      return renderer.write(dot, file, format);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + IoMessages.reason(e, file),
          e);
    }
  }

  private static Map<String, Object> entry(RenderResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", r.file().toString());
    m.put("format", r.format().extension());
    m.put("rendered", r.rendered());
    m.put("engine", r.engine() == null ? null : r.engine().words());
    m.put("seconds", r.elapsed().toMillis() / 1000.0);
    m.put("message", r.message());
    return m;
  }

  private List<String> examples() {
    if (all == (example != null)) {
      throw new UsageException(all ? "give either an example or --all, not both"
          : "name an example to draw (one of: " + String.join(", ", SeedCatalog.names())
              + ") or use --all");
    }
    if (all) {
      List<String> names = new ArrayList<>();
      SeedCatalog.names().forEach(names::add);
      return names;
    }
    try {
      SeedCatalog.build(example);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    return List.of(example);
  }

  private List<Kind> kinds() {
    if (views == null) {
      return all ? List.of(Kind.values()) : List.of(Kind.BOTH);
    }
    List<Kind> kinds = new ArrayList<>();
    for (String v : views) {
      kinds.add(parse(Kind.class, v, "view", "forward, backward, both or layers"));
    }
    return kinds;
  }

  private List<ImageFormat> imageFormats() {
    List<ImageFormat> list = new ArrayList<>();
    for (String f : formats) {
      try {
        list.add(ImageFormat.parse(f));
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    return list;
  }

  private ExportOptions options() {
    if (values && stats) {
      throw new UsageException("choose --values or --stats, not both");
    }
    ValueDisplay display = values ? ValueDisplay.VALUES : stats ? ValueDisplay.STATISTICS
        : ValueDisplay.NONE;
    return ExportOptions.defaults().withValues(display).withLegend(!noLegend)
        .withDirection(parse(Direction.class, direction, "direction", "TB or LR"));
  }

  private Renderer renderer() {
    Renderer r;
    switch (engine.toLowerCase(java.util.Locale.ROOT)) {
      case "auto":
        r = Renderer.auto();
        break;
      case "dot":
        r = Renderer.using(Renderer.Engine.DOT_BINARY);
        break;
      case "v8":
        r = Renderer.using(Renderer.Engine.V8);
        break;
      default:
        throw new UsageException("unknown engine '" + engine + "'; use auto, dot or v8");
    }
    try {
      return r.withScale(scale);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String word, String what,
      String allowed) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(word.trim())) {
        return e;
      }
    }
    throw new UsageException("unknown " + what + " '" + word + "'; use " + allowed);
  }
}
