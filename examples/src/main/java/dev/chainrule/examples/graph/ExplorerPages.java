package dev.chainrule.examples.graph;

import dev.chainrule.core.export.ExportOptions;
import dev.chainrule.explorer.GraphExplorer;
import dev.chainrule.nn.data.IoMessages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code html} format of the {@code graph} command: one explorer page per example, {@code
 * <example>.html}, holding every view; the other formats are left to {@link
 * dev.chainrule.examples.cli.PictureFiles}.
 */
final class ExplorerPages {
  private final boolean wanted;
  private final List<String> otherFormats;
  private final Path directory;

  private ExplorerPages(boolean wanted, List<String> otherFormats, Path directory) {
    this.wanted = wanted;
    this.otherFormats = otherFormats;
    this.directory = directory;
  }

  /** Returns the pages {@code formatWords} ask for (none unless one is {@code html}). */
  static ExplorerPages of(List<String> formatWords, Path directory) {
    List<String> others = new ArrayList<>();
    boolean html = false;
    for (String f : formatWords) {
      if (f.trim().toLowerCase(Locale.ROOT).equals("html")) {
        html = true;
      } else {
        others.add(f);
      }
    }
    return new ExplorerPages(html, List.copyOf(others), directory);
  }

  /** Returns the formats other than html. */
  List<String> otherFormats() {
    return otherFormats;
  }

  /**
   * Writes the explorer of the example {@code name}, which {@code explorer} builds, when html was
   * asked for, reporting the file on a line (or as a JSON entry added to {@code written}).
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  void write(String name, Supplier<GraphExplorer> explorer, ExportOptions options, boolean json,
      List<Map<String, Object>> written) {
    if (!wanted) {
      return;
    }
    Path file = directory.resolve(name + ".html");
    long start = System.nanoTime();
    try {
      explorer.get().options(options).write(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + IoMessages.reason(e, file),
          e);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", file.toString());
      m.put("format", "html");
      m.put("rendered", true);
      m.put("seconds", seconds);
      m.put("message", "wrote " + file);
      written.add(m);
    } else {
      System.out.printf(Locale.ROOT, "wrote %s (explorer, %.1f s)%n", file, seconds);
    }
  }
}
