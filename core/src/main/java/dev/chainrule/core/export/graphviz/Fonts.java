package dev.chainrule.core.export.graphviz;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;

/**
 * Makes sure Java 2D draws labels in DejaVu Sans, the font every picture names: the in-JVM
 * Graphviz sizes boxes with DejaVu Sans's character widths, so labels fit only when drawn in it.
 * Where the system has no DejaVu Sans (Windows, macOS), the copies bundled with chainrule are
 * registered; where it has one, nothing changes.
 */
final class Fonts {
  private static final String FAMILY = "DejaVu Sans";
  private static volatile boolean done;

  private Fonts() {}

  /** Registers the bundled DejaVu Sans, regular and bold, when the system lacks the family. */
  static void ensureDejaVuSans() {
    if (done) {
      return;
    }
    synchronized (Fonts.class) {
      if (!done && !FAMILY.equals(new Font(FAMILY, Font.PLAIN, 10).getFamily())) {
        GraphicsEnvironment env = GraphicsEnvironment.getLocalGraphicsEnvironment();
        for (String file : new String[] {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"}) {
          try (InputStream in = Fonts.class.getResourceAsStream(file)) {
            if (in != null) {
              env.registerFont(Font.createFont(Font.TRUETYPE_FONT, in));
            }
          } catch (IOException | FontFormatException e) {
            // the picture is still drawn, in the closest font Java 2D finds
          }
        }
      }
      done = true;
    }
  }
}
