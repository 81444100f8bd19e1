package dev.chainrule.examples.cli;

import dev.chainrule.cli.UsageException;
import dev.chainrule.core.export.ImageFormat;
import dev.chainrule.core.export.RenderResult;
import dev.chainrule.core.export.Renderer;
import dev.chainrule.core.export.graphviz.Limits;
import dev.chainrule.nn.data.IoMessages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the pictures of the drawing subcommands ({@code graph}, {@code compare --graph}) to
 * files: the command-line words for formats and engines, one file per picture and format, and
 * each file as a line of text or a JSON entry.
 */
public final class PictureFiles {
  private final Renderer renderer;
  private final List<ImageFormat> formats;
  private final Path directory;

  private PictureFiles(Renderer renderer, List<ImageFormat> formats, Path directory) {
    this.renderer = renderer;
    this.formats = formats;
    this.directory = directory;
  }

  /**
   * Returns a writer to {@code directory} in the formats named by {@code formatWords} (dot, svg,
   * png) with the engine named by {@code engine} (auto, dot, wasm) at PNG scale {@code scale},
   * within the default limits.
   *
   * @throws UsageException naming the word that is not known or the scale out of range
   */
  public static PictureFiles of(List<String> formatWords, String engine, double scale,
      Path directory) {
    return of(formatWords, engine, scale, directory, Limits.DEFAULT);
  }

  /**
   * Returns a writer as {@link #of(List, String, double, Path)} does, rendering each picture
   * within {@code limits}; the bundled engine starts in the background at once when it is the one
   * used.
   *
   * @throws UsageException naming the word that is not known or the scale out of range
   */
  public static PictureFiles of(List<String> formatWords, String engine, double scale,
      Path directory, Limits limits) {
    List<ImageFormat> list = new ArrayList<>();
    for (String f : formatWords) {
      try {
        list.add(ImageFormat.parse(f));
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    Renderer r;
    switch (engine.toLowerCase(Locale.ROOT)) {
      case "auto":
        r = Renderer.auto();
        break;
      case "dot":
        r = Renderer.using(Renderer.Engine.DOT_BINARY);
        break;
      case "wasm":
        r = Renderer.using(Renderer.Engine.WASM);
        break;
      default:
        throw new UsageException("unknown engine '" + engine + "'; use auto, dot or wasm");
    }
    try {
      Renderer renderer = r.withScale(scale).withLimits(limits);
      if (list.stream().anyMatch(f -> f != ImageFormat.DOT)) {
        renderer.warmUp();
      }
      return new PictureFiles(renderer, List.copyOf(list), directory);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /**
   * Writes {@code picture} once per format and returns what happened to each file; a skipped
   * picture writes nothing.
   *
   * @throws UncheckedIOException when a file cannot be written
   */
  public List<RenderResult> write(Picture picture) {
    List<RenderResult> results = new ArrayList<>();
    if (picture.isSkipped()) {
      return results;
    }
    for (ImageFormat format : formats) {
      Path file = directory.resolve(picture.fileName() + "." + format.extension());
      try {
        results.add(renderer.write(picture.dot(), file, format));
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot write " + file + ": " + IoMessages.reason(e, file), e);
      }
    }
    return results;
  }

  /**
   * Returns one written file as a JSON entry: file, format, rendered, engine, seconds, message,
   * and the picture's summary when it was summarised ({@code summary}, or null).
   */
  public static Map<String, Object> entry(RenderResult r, String summary) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", r.file().toString());
    m.put("format", r.format().extension());
    m.put("rendered", r.rendered());
    m.put("engine", r.engine() == null ? null : r.engine().words());
    m.put("seconds", r.elapsed().toMillis() / 1000.0);
    m.put("message", r.message());
    if (summary != null) {
      m.put("summary", summary);
    }
    return m;
  }
}
