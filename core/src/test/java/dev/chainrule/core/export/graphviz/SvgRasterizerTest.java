package dev.chainrule.core.export.graphviz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** SVG to PNG: size from the view box and the scale, colours painted, the pixel budget kept. */
class SvgRasterizerTest {
  /** A 100 × 50 pt picture: white, with a red square from (10, 10) to (40, 40). */
  private static final String SVG = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/"
      + "svg\" width=\"100pt\" height=\"50pt\" viewBox=\"0 0 100 50\"><rect x=\"10\" y=\"10\" "
      + "width=\"30\" height=\"30\" fill=\"#ff0000\"/></svg>";

  @Test
  void onePointBecomesScalePixels() throws IOException {
    SvgRasterizer.Raster r = SvgRasterizer.png(SVG, 2, 1_000_000);
    assertEquals(200, r.width());
    assertEquals(100, r.height());
    assertEquals(2, r.scale());
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.png()));
    assertEquals(0xFF0000, image.getRGB(50, 50) & 0xFFFFFF, "inside the square: (25, 25) pt");
    assertEquals(0xFFFFFF, image.getRGB(100, 50) & 0xFFFFFF, "right of it: (50, 25) pt");
    assertEquals(0xFFFFFF, image.getRGB(10, 10) & 0xFFFFFF, "above and left: (5, 5) pt");
  }

  @Test
  void aPictureOverThePixelBudgetIsDrawnSmallerToFit() {
    SvgRasterizer.Raster r = SvgRasterizer.png(SVG, 4, 5000);
    assertTrue((long) r.width() * r.height() <= 5000 + r.width() + r.height() + 1,
        r.width() + " × " + r.height());
    assertEquals(Math.sqrt(5000 / 5000.0), r.scale(), 1e-12, "100 × 50 points in 5000 pixels");
  }
}
