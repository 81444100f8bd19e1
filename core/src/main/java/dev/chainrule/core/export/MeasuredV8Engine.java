package dev.chainrule.core.export;

import guru.nidi.graphviz.engine.GraphvizV8Engine;
import guru.nidi.graphviz.engine.Options;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.util.Locale;

/**
 * The bundled V8 (viz.js) engine, told the real text widths of one font so that labels fit their
 * boxes. viz.js cannot measure text: graphviz-java sends it a coarse width table (integer pixels,
 * regular weight), and Graphviz reads that table per UTF-8 byte, so bold names overflow and every
 * Greek or math character is charged two or three Latin widths. This engine sends a table measured
 * with fractional metrics, wide enough for bold, with UTF-8 continuation bytes at zero and lead
 * bytes at a typical glyph's width. It wraps viz.js's {@code initViz} so that every new viz.js
 * instance (after a render error, on another thread) receives the table too.
 */
final class MeasuredV8Engine extends GraphvizV8Engine {
  private final String font;
  private final String setWidths;

  /** Creates the engine for {@code font}; {@code extractionPath} is where j2v8 unpacks, or null. */
  MeasuredV8Engine(String font, String extractionPath) {
    super(extractionPath);
    this.font = font;
    this.setWidths = "if (typeof crInitViz === 'undefined') { var crInitViz = initViz;"
        + " initViz = function (force) { var v = crInitViz(force);"
        + " if (v.crWidths !== 1) { v.setFontWidth('" + font + "',[" + table(font) + "]);"
        + " v.crWidths = 1; } return v; }; }"
        + " var crV = initViz(); crV.crWidths = 0; initViz();";
  }

  /** Returns the 256 widths, in ems, indexed by UTF-8 byte, as JavaScript array elements. */
  static String table(String name) {
    FontRenderContext frc = new FontRenderContext(new AffineTransform(), true, true);
    Font plain = new Font(name, Font.PLAIN, 100);
    Font bold = new Font(name, Font.BOLD, 100);
    StringBuilder sb = new StringBuilder();
    for (int b = 0; b < 256; b++) {
      double em;
      if (b < 0x80) {
        String s = String.valueOf((char) (b < 32 ? ' ' : b));
        em = Math.max(plain.getStringBounds(s, frc).getWidth(),
            bold.getStringBounds(s, frc).getWidth()) / 100;
      } else if (b < 0xC0) {
        em = 0;
      } else {
        em = 0.65;
      }
      sb.append(b == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4f", em));
    }
    return sb.toString();
  }

  @Override
  protected void doInit() {
    super.doInit();
    super.jsVizExec("graph g { a [fontname=\"" + font + "\"] }", Options.create());
    engine().executeJavascript(setWidths);
  }
}
