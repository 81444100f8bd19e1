package dev.chainrule.explorer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * MathJax's TeX-to-SVG bundle ({@code es5/tex-svg.js}), read from the MathJax WebJar on the class
 * path and inlined in every page: it typesets the LaTeX formulas of the node panel offline, with
 * glyphs drawn as SVG paths, so the page fetches no font and no script.
 */
final class MathJaxBundle {
  private static final String POM = "/META-INF/maven/org.webjars.npm/mathjax/pom.properties";
  private static volatile String script;

  private MathJaxBundle() {}

  /** Returns the script's text, read once. */
  static String script() {
    String s = script;
    if (s == null) {
      s = read("/META-INF/resources/webjars/mathjax/" + version() + "/es5/tex-svg.js");
      script = s;
    }
    return s;
  }

  private static String version() {
    Properties p = new Properties();
    try (InputStream in = MathJaxBundle.class.getResourceAsStream(POM)) {
      if (in == null) {
        throw new IllegalStateException("the MathJax WebJar (org.webjars.npm:mathjax) is not on the"
            + " class path; the explorer needs it to typeset formulas");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + POM + ": " + e.getMessage(), e);
    }
    return p.getProperty("version");
  }

  /** Returns the text of the class-path resource {@code path}. */
  static String read(String path) {
    try (InputStream in = MathJaxBundle.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("resource " + path + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }
}
