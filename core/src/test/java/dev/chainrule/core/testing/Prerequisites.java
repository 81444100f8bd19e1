package dev.chainrule.core.testing;

import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;

/**
 * Programs and data a test needs that .ci/run installs (headless Chromium, Fashion-MNIST): where
 * one is missing the test is skipped, saying what to install, on a developer's machine; on CI
 * (the environment variable {@code CI} set, as .ci/run is run) it fails, since there a skip would
 * hide a test that never ran.
 */
public final class Prerequisites {
  private Prerequisites() {}

  /**
   * Returns when {@code present}; otherwise fails on CI and skips elsewhere, naming {@code what}
   * is missing and the {@code install} command that brings it.
   */
  public static void require(boolean present, String what, String install) {
    require(present, what, install, System.getenv("CI"));
  }

  /** As {@link #require(boolean, String, String)}, with {@code ci} the value of {@code CI}. */
  static void require(boolean present, String what, String install, String ci) {
    if (present) {
      return;
    }
    String missing = what + " is not installed (" + install + ")";
    if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
      throw new AssertionFailedError(missing + ": on CI (CI=" + ci + ") .ci/run must install it;"
          + " a skipped test there would be a test that never ran");
    }
    Assumptions.abort(missing + "; skipped outside CI");
  }
}
