package dev.chainrule.core.export.graphviz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The PNG writer, checked by decoding its files with the JDK's own PNG reader. */
class PngEncoderTest {
  @Test
  void everyPixelSurvivesARoundTripThroughImageIo() throws IOException {
    Random random = new Random(7);
    for (int[] size : new int[][] {{1, 1}, {3, 2}, {257, 31}}) {
      BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
      for (int y = 0; y < size[1]; y++) {
        for (int x = 0; x < size[0]; x++) {
          image.setRGB(x, y, random.nextInt(4) == 0 ? 0xFFFFFF : random.nextInt(1 << 24));
        }
      }
      BufferedImage back = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(image)));
      assertEquals(size[0], back.getWidth());
      assertEquals(size[1], back.getHeight());
      for (int y = 0; y < size[1]; y++) {
        for (int x = 0; x < size[0]; x++) {
          assertEquals(image.getRGB(x, y), back.getRGB(x, y), "pixel " + x + ", " + y);
        }
      }
    }
  }

  @Test
  void anImageWithTransparencyIsRefused() {
    BufferedImage argb = new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB);
    assertThrows(IllegalArgumentException.class, () -> PngEncoder.encode(argb));
  }
}
