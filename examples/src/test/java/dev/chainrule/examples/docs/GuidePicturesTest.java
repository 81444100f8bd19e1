package dev.chainrule.examples.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.autodiff.Gradients;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.export.ExportOptions;
import dev.chainrule.core.export.ExportOptions.ValueDisplay;
import dev.chainrule.core.export.GraphExport;
import dev.chainrule.core.export.ImageFormat;
import dev.chainrule.core.export.Renderer;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the guide's own pictures in step with the code, as DocsImagesTest does for the catalogue's:
 * the single neuron of docs/guide/02-concepts.md, and one picture per drawing option in
 * docs/guide/05-pictures.md, each made by a command that page shows. The committed DOT must equal
 * freshly generated DOT and the SVG must exist; {@link DocsTest#REGENERATE} redraws them.
 */
class GuidePicturesTest {
  @TempDir
  Path scratch;

  private static final Path IMAGES = MarkdownBlocks.ROOT.resolve("docs/images");
  private static final Path PICTURES_PAGE =
      MarkdownBlocks.ROOT.resolve("docs/guide/05-pictures.md");

  /**
   * The option pictures: each is drawn by the {@code graph} command with these arguments (as
   * the pictures page shows them) into docs/images/options/DIR.
   */
  static final List<List<String>> OPTION_COMMANDS = List.of(
      List.of("graph", "shallow", "--view", "forward", "--format", "dot,svg", "--out",
          "docs/images/options/plain"),
      List.of("graph", "shallow", "--view", "forward", "--values", "--format", "dot,svg",
          "--out", "docs/images/options/values"),
      List.of("graph", "shallow", "--view", "forward", "--stats", "--format", "dot,svg", "--out",
          "docs/images/options/stats"),
      List.of("graph", "shallow", "--view", "forward", "--direction", "LR", "--no-legend",
          "--format", "dot,svg", "--out", "docs/images/options/lr"));

  /** Builds the single neuron of the concepts page (seed 001's o1) with its gradients. */
  static String neuronDot() {
    Graph g = new Graph();
    Node x = g.input("x", 2, 1);
    Node target = g.input("target", 1, 1);
    Node w = g.parameter("w", Tensor.row(0.40, 0.45));
    Node b = g.parameter("b", Tensor.scalar(0.60));
    Node out = w.matmul(x).add(b).named("net").sigmoid().named("out");
    Node e = target.sub(out).square().mul(0.5).sum().named("E");
    Gradients pass = Autodiff.gradients(e, List.of(w, b));
    List<Node> targets = new ArrayList<>(pass.list());
    targets.add(e);
    Feeds feeds = Feeds.of(x, Tensor.column(0.593269992, 0.596884378), target,
        Tensor.of(new double[] {0.01}, 1, 1));
    return GraphExport.of(targets).gradients(pass).feeds(feeds)
        .options(ExportOptions.defaults().withValues(ValueDisplay.VALUES)).toDot();
  }

  @Test
  void theNeuronPictureIsUpToDate() throws IOException {
    Path dot = IMAGES.resolve("guide-neuron.dot");
    if (Boolean.getBoolean(DocsTest.UPDATE_PROPERTY)) {
      Files.writeString(dot, neuronDot(), StandardCharsets.UTF_8);
      Renderer.auto().write(neuronDot(), IMAGES.resolve("guide-neuron.svg"), ImageFormat.SVG);
    }
    assertTrue(Files.exists(dot) && Files.readString(dot, StandardCharsets.UTF_8)
        .equals(neuronDot()) && Files.exists(IMAGES.resolve("guide-neuron.svg")),
        "docs/images/guide-neuron.dot is out of date; redraw it from the repository root with: "
            + DocsTest.REGENERATE);
  }

  @Test
  void theOptionPicturesAreUpToDateAndTheirCommandsShown() throws IOException {
    for (List<String> command : OPTION_COMMANDS) {
      Path scratchDir = Files.createTempDirectory(scratch, "option");
      CommandPictures.assertUpToDate(PICTURES_PAGE, command, "shallow-forward", scratchDir);
    }
  }
}
