package dev.chainrule.examples.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.export.ExportOptions;
import dev.chainrule.core.export.ExportOptions.ValueDisplay;
import dev.chainrule.examples.cli.CliRun;
import dev.chainrule.examples.cli.Picture;
import dev.chainrule.examples.docs.DocsRegeneration;
import dev.chainrule.examples.seeds.SeedCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/images/ in step with the code: for every catalogue example and every view (the
 * simplified backward pass, before and after, and autograd against the seed's formulas
 * included), the committed DOT file must equal freshly generated DOT text and its SVG must exist,
 * and no DOT file may be left over from a picture that is no longer drawn. The pictures are
 * committed as SVG, text that code hosts show and diffs can read; DOT is compared because SVG
 * differs between rendering engines. When the networks or the pictures change, the command of
 * CONTRIBUTING.md ({@code -Dchainrule.docs.update=true}) redraws them with {@link #COMMAND}.
 */
class DocsImagesTest {
  /** The command that redraws docs/images/, as docs/graphs.md gives it. */
  static final String COMMAND = "java -jar examples/target/chainrule-examples.jar graph --all "
      + "--values --format dot,svg --out docs/images";

  /** The options of that command. */
  static final ExportOptions OPTIONS = ExportOptions.defaults().withValues(ValueDisplay.VALUES);

  private static final Path IMAGES = Path.of("..", "docs", "images");

  @Test
  void everyExampleInEveryViewIsCommittedAndUpToDate() throws IOException {
    if (Boolean.getBoolean(DocsRegeneration.PROPERTY)) {
      List<String> args = new ArrayList<>(List.of(COMMAND.split(" ")).subList(3, 9));
      args.add(IMAGES.toString());
      CliRun redraw = CliRun.of(args.toArray(String[]::new));
      assertEquals(0, redraw.status(), redraw.err());
    }
    List<String> stale = new ArrayList<>();
    Set<String> drawn = new HashSet<>();
    for (String name : SeedCatalog.names()) {
      SeedPictures pictures = SeedPictures.of(name);
      for (PictureKind kind : PictureKind.values()) {
        for (Picture picture : pictures.pictures(kind, OPTIONS)) {
          if (picture.isSkipped()) {
            continue;
          }
          Path dot = IMAGES.resolve(picture.fileName() + ".dot");
          Path svg = IMAGES.resolve(picture.fileName() + ".svg");
          drawn.add(dot.getFileName().toString());
          if (!Files.exists(dot)
              || !Files.readString(dot, StandardCharsets.UTF_8).equals(picture.dot())) {
            stale.add(dot.getFileName() + (Files.exists(dot) ? " (differs)" : " (missing)"));
          } else if (!Files.exists(svg)) {
            stale.add(svg.getFileName() + " (missing)");
          }
        }
      }
    }
    try (Stream<Path> files = Files.list(IMAGES)) {
      files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".dot"))
          .filter(f -> !f.startsWith("guide-")) // the guide's own pictures: GuidePicturesTest
          .filter(f -> !drawn.contains(f)).sorted().forEach(f -> stale.add(f + " (no longer "
              + "drawn; delete it and its .svg)"));
    }
    assertTrue(stale.isEmpty(), () -> "docs/images is out of date: " + String.join(", ", stale)
        + "; redraw it from the repository root with: " + DocsRegeneration.COMMAND);
  }

  @Test
  void docsStayUnderFiveMegabytes() throws IOException {
    long bytes;
    try (Stream<Path> files = Files.walk(IMAGES.getParent())) {
      bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
    assertTrue(bytes < 5_000_000, "docs/ holds " + bytes + " bytes; pictures belong in docs/images"
        + " as SVG, not PNG");
  }

  @Test
  void theDocumentedCommandIsTheOneThisTestChecks() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "graphs.md"), StandardCharsets.UTF_8);
    assertTrue(doc.contains(COMMAND), "docs/graphs.md gives the regeneration command " + COMMAND);
  }
}
