package dev.chainrule.examples.graph;

import dev.chainrule.core.export.ExportOptions;
import dev.chainrule.core.export.ExportOptions.Direction;
import dev.chainrule.core.export.ExportOptions.ValueDisplay;
import dev.chainrule.core.export.RenderResult;
import dev.chainrule.core.export.graphviz.Limits;
import dev.chainrule.examples.cli.Json;
import dev.chainrule.examples.cli.Picture;
import dev.chainrule.examples.cli.PictureFiles;
import dev.chainrule.cli.UsageException;
import dev.chainrule.examples.seeds.SeedCatalog;
import dev.chainrule.explorer.GraphExplorer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Draws a seed network's computation graph, forward, backward, both or one box per layer, its
 * backward pass after simplification (alone or next to the one as built), and autograd next to
 * the seed's hand-derived formulas, as DOT, SVG or PNG files; and the big graphs of {@link
 * BigGraphs}, summarised to the node budget. With {@code --all}, draws every catalogue network in
 * every view: the command that regenerates docs/images/.
 */
@Command(name = "graph", description = "Draw an example's graph: forward, backward, both, layers, "
    + "simplified, before-after, manual.")
public final class GraphCommand implements Runnable {
  @Parameters(arity = "0..1", paramLabel = "<example>",
      description = "The example to draw (see 'list'), or a big graph: chain, fashion-mlp, "
          + "random, cnn; omit with --all.")
  String example;

  @Option(names = "--all", description = "Draw every example; every view unless --view is given.")
  boolean all;

  @Option(names = "--view", split = ",", paramLabel = "VIEWS", hideParamSyntax = true,
      description = "Views to draw, comma-separated: forward, backward, both, layers, simplified, "
          + "before-after or manual (default: both).")
  List<String> views;

  @Option(names = "--format", split = ",", paramLabel = "FORMATS",
      hideParamSyntax = true,
      description = "File formats, comma-separated: dot, svg, png, or html for the interactive "
          + "explorer of every view in one page (default: png).")
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

  @Option(names = "--engine", paramLabel = "auto|dot|wasm",
      description = "Rendering engine: the dot program if present, else the bundled Graphviz "
          + "(auto); or only one.")
  String engine = "auto";

  @Option(names = "--scale", paramLabel = "FACTOR", description = "PNG scale (default: 2).")
  double scale = 2;

  @Option(names = "--max-nodes", paramLabel = "N|all", description = "Summarise pictures of more "
      + "than N boxes (default: 400) or more than N/10 rows deep (at least 40); all draws every "
      + "node.")
  String maxNodes = String.valueOf(ExportOptions.DEFAULT_MAX_NODES);

  @Option(names = "--expand", split = ",", paramLabel = "NAMES", hideParamSyntax = true,
      description = "Folds of a summary to draw in full, comma-separated (their names: layer1, "
          + "fold 2, ...).")
  List<String> expand = List.of();

  @Option(names = "--size", paramLabel = "N",
      description = "Steps of the chain (default 2000), nodes of the random graph (100000).")
  int size;

  @Option(names = "--time-limit", paramLabel = "SECONDS",
      description = "Stop rendering a picture after this long and keep its DOT file (default 30).")
  double timeLimit = Limits.DEFAULT.time().toMillis() / 1000.0;

  @Option(names = "--json", description = "Print one JSON object listing the files written.")
  boolean json;

  /** Writes the requested pictures and reports each file, or skipped picture, on one line. */
  @Override
  public void run() {
    List<String> examples = examples();
    List<PictureKind> kinds = kinds();
    ExportOptions options = options();
    ExplorerPages pages = ExplorerPages.of(formats, out);
    PictureFiles files = PictureFiles.of(pages.otherFormats(), engine, scale, out, limits());
    List<Map<String, Object>> written = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (String name : examples) {
      pages.write(name, () -> explorer(name), options, json, written);
      for (Picture picture : pictures(name, kinds, options)) {
        if (picture.isSkipped()) {
          skipped.add(picture.note());
          if (!json) {
            System.out.println("skipped " + picture.note());
          }
        } else if (picture.summary() != null && !json) {
          System.out.println(picture.fileName() + ": " + picture.summary());
        }
        for (RenderResult r : files.write(picture)) {
          written.add(PictureFiles.entry(r, picture.summary()));
          if (!json) {
            (r.rendered() ? System.out : System.err).println(r.message());
          }
        }
      }
    }
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("files", written);
      m.put("skipped", skipped);
      Json.print(m, System.out);
    }
  }

  private List<Picture> pictures(String name, List<PictureKind> kinds, ExportOptions options) {
    List<Picture> pictures = new ArrayList<>();
    if (BigGraphs.NAMES.contains(name)) {
      BigGraphs big = BigGraphs.of(name, size);
      for (PictureKind kind : kinds) {
        pictures.add(big.picture(kind, options));
      }
      return pictures;
    }
    SeedPictures seed = SeedPictures.of(name);
    for (PictureKind kind : kinds) {
      pictures.addAll(seed.pictures(kind, options));
    }
    return pictures;
  }

  private GraphExplorer explorer(String name) {
    return BigGraphs.NAMES.contains(name) ? BigGraphs.of(name, size).explorer()
        : SeedPictures.of(name).explorer();
  }

  private Limits limits() {
    if (!(timeLimit > 0 && timeLimit <= 86_400)) {
      throw new UsageException("--time-limit must be between 0 and 86400 seconds, got "
          + timeLimit);
    }
    return new Limits(Duration.ofMillis(Math.round(timeLimit * 1000)),
        Limits.DEFAULT.memoryBytes());
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
    if (size < 0) {
      throw new UsageException("--size must be positive, got " + size);
    }
    if (BigGraphs.NAMES.contains(example)) {
      return List.of(example);
    }
    try {
      SeedCatalog.build(example);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage() + "; big graphs: "
          + String.join(", ", BigGraphs.NAMES));
    }
    return List.of(example);
  }

  private List<PictureKind> kinds() {
    if (views == null) {
      return all ? List.of(PictureKind.values()) : List.of(PictureKind.BOTH);
    }
    List<PictureKind> kinds = new ArrayList<>();
    for (String v : views) {
      PictureKind k = PictureKind.parse(v);
      if (k == null) {
        throw new UsageException("unknown view '" + v + "'; use forward, backward, both, layers, "
            + "simplified, before-after or manual");
      }
      kinds.add(k);
    }
    return kinds;
  }

  private ExportOptions options() {
    if (values && stats) {
      throw new UsageException("choose --values or --stats, not both");
    }
    ValueDisplay display = values ? ValueDisplay.VALUES : stats ? ValueDisplay.STATISTICS
        : ValueDisplay.NONE;
    Direction d = null;
    for (Direction candidate : Direction.values()) {
      d = candidate.name().equalsIgnoreCase(direction.trim()) ? candidate : d;
    }
    if (d == null) {
      throw new UsageException("unknown direction '" + direction + "'; use TB or LR");
    }
    return ExportOptions.defaults().withValues(display).withLegend(!noLegend).withDirection(d)
        .withMaxNodes(budget()).withExpanded(expand.toArray(new String[0]));
  }

  private int budget() {
    if (maxNodes.trim().equalsIgnoreCase("all")) {
      return ExportOptions.ALL_NODES;
    }
    try {
      int n = Integer.parseInt(maxNodes.trim());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("--max-nodes takes a number of at least 1 or 'all', got '"
        + maxNodes + "'");
  }
}
