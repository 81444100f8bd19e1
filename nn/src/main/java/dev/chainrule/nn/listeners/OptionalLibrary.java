package dev.chainrule.nn.listeners;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * A library that chainrule-nn declares optional (Maven {@code <optional>true</optional>}), so that
 * users who do not want the feature do not get it: {@link #require} fails early, naming the
 * dependency to add with the version nn was built and tested with.
 *
 * @param feature what needs the library, in words, e.g. "the loss-curve PNG"
 * @param probeClass a class of the library, looked up to tell whether it is present
 * @param coordinates the library's {@code groupId:artifactId}
 * @param versionKey its version's key in {@code optional-libraries.properties}
 */
record OptionalLibrary(String feature, String probeClass, String coordinates,
    String versionKey) {
  /** XChart, which draws the loss curve. */
  static final OptionalLibrary XCHART = new OptionalLibrary("the loss-curve PNG",
      "org.knowm.xchart.XYChart", "org.knowm.xchart:xchart", "xchart.version");

  /**
   * Throws unless the library is on the class path.
   *
   * @throws IllegalStateException naming the feature and the dependency to add
   */
  void require() {
    try {
      Class.forName(probeClass, false, OptionalLibrary.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException(feature + " needs " + coordinates + " on the class path, "
          + "which chainrule-nn declares optional: add the dependency " + coordinates + ":"
          + version() + " to your project");
    }
  }

  /** Returns the version chainrule-nn was built with, from its build. */
  String version() {
    Properties p = new Properties();
    try (InputStream in = OptionalLibrary.class.getResourceAsStream(
        "optional-libraries.properties")) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read chainrule-nn's optional-libraries.properties",
          e);
    }
    return p.getProperty(versionKey);
  }
}
