package dev.chainrule.examples.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.export.ExportOptions;
import dev.chainrule.core.export.ExportOptions.ValueDisplay;
import dev.chainrule.examples.cli.Picture;
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
 * included), the committed DOT file must equal freshly generated DOT text and its PNG must exist,
 * and no DOT file may be left over from a picture that is no longer drawn. When the networks or
 * the pictures change, rerun the command in docs/graphs.md.
 */
class DocsImagesTest {
  /** The command that regenerates docs/images/, as docs/graphs.md gives it. */
  static final String COMMAND = "java -jar examples/target/chainrule-examples.jar graph --all "
      + "--values --format dot,png --scale 1.5 --out docs/images";

  /** The options of that command. */
  static final ExportOptions OPTIONS = ExportOptions.defaults().withValues(ValueDisplay.VALUES);

  private static final Path IMAGES = Path.of("..", "docs", "images");

  @Test
  void everyExampleInEveryViewIsCommittedAndUpToDate() throws IOException {
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
          Path png = IMAGES.resolve(picture.fileName() + ".png");
          drawn.add(dot.getFileName().toString());
          if (!Files.exists(dot)
              || !Files.readString(dot, StandardCharsets.UTF_8).equals(picture.dot())) {
            stale.add(dot.getFileName() + (Files.exists(dot) ? " (differs)" : " (missing)"));
          } else if (!Files.exists(png)) {
            stale.add(png.getFileName() + " (missing)");
          }
        }
      }
    }
    try (Stream<Path> files = Files.list(IMAGES)) {
      files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".dot"))
          .filter(f -> !drawn.contains(f)).sorted().forEach(f -> stale.add(f + " (no longer "
              + "drawn; delete it and its .png)"));
    }
    assertTrue(stale.isEmpty(), () -> "docs/images is out of date: " + String.join(", ", stale)
        + "; regenerate it from the repository root with: mvn -q -DskipTests package && "
        + COMMAND);
  }

  @Test
  void theDocumentedCommandIsTheOneThisTestChecks() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "graphs.md"), StandardCharsets.UTF_8);
    assertTrue(doc.contains(COMMAND), "docs/graphs.md gives the regeneration command " + COMMAND);
  }
}
