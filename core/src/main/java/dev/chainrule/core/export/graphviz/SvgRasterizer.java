package dev.chainrule.core.export.graphviz;

import com.github.weisj.jsvg.SVGDocument;
import com.github.weisj.jsvg.parser.LoaderContext;
import com.github.weisj.jsvg.parser.SVGLoader;
import com.github.weisj.jsvg.view.ViewBox;
import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns Graphviz's SVG into PNG bytes in the JVM, with JSVG (a small, maintained SVG renderer on
 * Java 2D) and {@link PngEncoder}. One point of the SVG becomes {@code scale} pixels; a picture
 * that would exceed the pixel budget is drawn smaller so that it fits, and says so.
 */
public final class SvgRasterizer {
  private static final AtomicBoolean WARMING = new AtomicBoolean();

  private SvgRasterizer() {}

  /**
   * A rasterised picture.
   *
   * @param png the PNG file's bytes
   * @param width the width in pixels
   * @param height the height in pixels
   * @param scale the pixels per point used: the one asked for, or less when the picture had to be
   *     shrunk to fit the pixel budget
   */
  public record Raster(byte[] png, int width, int height, double scale) {}

  /**
   * Rasterises a small picture on a background thread, so that the first real one does not wait
   * for Java 2D, its fonts and the SVG reader to load; returns at once. Only the first call in a
   * JVM does anything.
   */
  public static void warmUp() {
    if (!WARMING.compareAndSet(false, true)) {
      return;
    }
    Thread t = new Thread(() -> {
      try {
        png("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 40 20\"><rect width=\"40\""
            + " height=\"20\" rx=\"4\" fill=\"#fff1c9\" stroke=\"#a67c00\"/><text x=\"4\" "
            + "y=\"14\" font-family=\"DejaVu Sans\" font-weight=\"bold\" font-size=\"11\">"
            + "w1</text></svg>", 2, 10_000);
      } catch (RuntimeException | LinkageError e) {
        // the real picture will report what is wrong
      }
    }, "chainrule-raster-warm-up");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Rasterises {@code svg} at {@code scale} pixels per point, shrinking it when it would have more
   * than {@code maxPixels} pixels.
   *
   * @throws GraphvizException REJECTED when the SVG cannot be read
   */
  public static Raster png(String svg, double scale, long maxPixels) {
    Fonts.ensureDejaVuSans();
    SVGDocument doc = new SVGLoader().load(new ByteArrayInputStream(
        svg.getBytes(StandardCharsets.UTF_8)), null, LoaderContext.createDefault());
    if (doc == null) {
      throw new GraphvizException(GraphvizException.Reason.REJECTED,
          "the SVG written by Graphviz could not be read");
    }
    ViewBox box = doc.viewBox();
    double points = Math.max(1, (double) box.width * box.height);
    double s = Math.min(scale, Math.sqrt(maxPixels / points));
    int width = Math.max(1, (int) Math.ceil(box.width * s));
    int height = Math.max(1, (int) Math.ceil(box.height * s));
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
          RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS,
          RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.scale(s, s);
      doc.render((Component) null, g, box);
    } finally {
      g.dispose();
    }
    return new Raster(PngEncoder.encode(image), width, height, s);
  }
}
