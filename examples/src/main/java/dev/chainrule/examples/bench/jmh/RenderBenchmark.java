package dev.chainrule.examples.bench.jmh;

import dev.chainrule.core.export.ExportOptions;
import dev.chainrule.core.export.ExportOptions.ValueDisplay;
import dev.chainrule.core.export.ExportOptions.View;
import dev.chainrule.core.export.ImageFormat;
import dev.chainrule.core.export.RenderResult;
import dev.chainrule.core.export.Renderer;
import dev.chainrule.examples.cli.Picture;
import dev.chainrule.examples.graph.PictureKind;
import dev.chainrule.examples.graph.SeedPictures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Times one warm PNG of seed 001's forward graph with values (the picture of {@code graph mazur
 * --view forward --values}), written at scale 2 by each engine: the {@code dot} program (where it
 * is installed) and the bundled Graphviz. The cold figure, from JVM start, is taken by
 * {@code examples/scripts/render-timing.sh}; docs/graphs.md has both.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RenderBenchmark extends JmhDefaults {
  /** The engine: {@code DOT_BINARY} or {@code WASM}. */
  @Param({"DOT_BINARY", "WASM"})
  public String engine;

  private Renderer renderer;
  private String dot;
  private Path file;

  /** Builds the picture and a renderer for the engine. */
  @Setup
  public void setUp() throws IOException {
    Picture p = SeedPictures.of("mazur").pictures(PictureKind.FORWARD, ExportOptions.defaults()
        .withView(View.FORWARD).withValues(ValueDisplay.VALUES)).get(0);
    dot = p.dot();
    renderer = Renderer.using(Renderer.Engine.valueOf(engine));
    file = Files.createTempDirectory("render-bench").resolve("mazur-forward.png");
    file.toFile().deleteOnExit();
  }

  /** Writes the PNG. */
  @Benchmark
  public RenderResult png() throws IOException {
    RenderResult r = renderer.write(dot, file, ImageFormat.PNG);
    if (!r.rendered()) {
      throw new IllegalStateException(r.message());
    }
    return r;
  }
}
