package dev.chainrule.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rendering through each engine and the fallback when none is allowed. The dot-program test runs
 * where Graphviz is installed (CI installs Debian's graphviz) and is skipped elsewhere; the bundled
 * engine is tested everywhere, forced even where dot is installed.
 */
class RendererTest {
  @TempDir
  Path dir;

  private final TwoLayerNet net = new TwoLayerNet();

  private String picture() {
    return GraphExport.of(net.gradientsAndLoss()).gradients(net.grads).toDot();
  }

  @Test
  void bundledGraphvizRendersPngAndSvgOnAnyPlatform() throws IOException {
    Renderer wasm = Renderer.using(Renderer.Engine.WASM);
    assertEquals(Renderer.Engine.WASM, wasm.engine().orElseThrow());
    if (Renderer.using(Renderer.Engine.DOT_BINARY).engine().isEmpty()) {
      assertEquals(Renderer.Engine.WASM, Renderer.auto().engine().orElseThrow(),
          "without the dot program, the automatic choice is the bundled Graphviz");
    }
    RenderResult r = wasm.write(picture(), dir.resolve("net.png"), ImageFormat.PNG);
    assertTrue(r.rendered(), r.message());
    assertEquals(Renderer.Engine.WASM, r.engine());
    assertLooksLikeThePicture(r.file());
    String svg = wasm.svg(picture());
    assertTrue(svg.startsWith("<?xml") && svg.contains("<svg") && svg.contains(">dW[2]</text>"),
        "standalone SVG with the node names");
    RenderResult bad = wasm.write("digraph { a -> ", dir.resolve("bad.png"), ImageFormat.PNG);
    assertFalse(bad.rendered());
    assertTrue(bad.message().startsWith("Graphviz could not read the DOT text: syntax error in "
        + "line 1"), bad.message());
    assertTrue(Files.exists(dir.resolve("bad.dot")), "the DOT text is kept for the user");
    assertTrue(wasm.write(picture(), dir.resolve("again.png"), ImageFormat.PNG).rendered(),
        "the engine recovers after a rejected graph");
  }

  @Test
  void dotProgramRendersPngWhereGraphvizIsInstalled() throws IOException {
    Renderer dot = Renderer.using(Renderer.Engine.DOT_BINARY);
    assumeTrue(dot.engine().isPresent(), "the dot program is not installed here");
    RenderResult r = dot.write(picture(), dir.resolve("net.png"), ImageFormat.PNG);
    assertTrue(r.rendered(), r.message());
    assertEquals(Renderer.Engine.DOT_BINARY, r.engine());
    assertLooksLikeThePicture(r.file());
  }

  @Test
  void withoutAnyEngineTheDotFileIsWrittenWithTheCommandThatRendersIt() throws IOException {
    Renderer none = Renderer.trying(List.of());
    Path png = dir.resolve("sub").resolve("net.png");
    RenderResult r = none.write(picture(), png, ImageFormat.PNG);
    assertFalse(r.rendered());
    assertNull(r.engine());
    assertEquals(dir.resolve("sub").resolve("net.dot"), r.file());
    assertEquals(picture(), Files.readString(r.file()));
    assertFalse(Files.exists(png));
    assertTrue(r.message().contains("dot -Tpng " + r.file() + " -o " + png), r.message());
    assertTrue(r.message().contains("apt-get install graphviz"), r.message());
    RenderException e = assertThrows(RenderException.class, () -> none.svg(picture()));
    assertTrue(e.getMessage().contains("dot -Tsvg"), e.getMessage());
    RenderResult text = none.write(picture(), dir.resolve("net.dot"), ImageFormat.DOT);
    assertTrue(text.rendered(), "DOT needs no engine");
  }

  /**
   * Decodes the PNG and checks it is a real picture of the network: big enough for 27 nodes, and
   * painted in the fills of the loss and of the parameters' gradients, not blank.
   */
  private static void assertLooksLikeThePicture(Path png) throws IOException {
    BufferedImage image = ImageIO.read(new File(png.toString()));
    assertTrue(image.getWidth() > 400 && image.getHeight() > 400,
        "size " + image.getWidth() + "×" + image.getHeight());
    int painted = 0;
    boolean lossFill = false;
    boolean gradientFill = false;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int argb = image.getRGB(x, y);
        int rgb = argb & 0xFFFFFF;
        painted += (argb >>> 24) > 0 && rgb != 0xFFFFFF ? 1 : 0;
        lossFill |= rgb == 0xFBD5D5;
        gradientFill |= rgb == 0xD5F0D5;
      }
    }
    double share = painted / (double) (image.getWidth() * image.getHeight());
    assertTrue(share > 0.02 && share < 0.9, "share of painted pixels " + share);
    assertTrue(lossFill, "the loss's fill #fbd5d5 is painted");
    assertTrue(gradientFill, "the parameter gradients' fill #d5f0d5 is painted");
  }
}
