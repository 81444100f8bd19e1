package dev.chainrule.core.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * A missing prerequisite fails the test on CI and skips it elsewhere; a present one does neither.
 */
class PrerequisitesTest {
  @Test
  void aMissingProgramFailsOnCi() {
    for (String ci : new String[] {"true", "1", "yes"}) {
      AssertionFailedError e = assertThrows(AssertionFailedError.class,
          () -> Prerequisites.require(false, "chromium", "apt-get install chromium", ci));
      assertTrue(e.getMessage().startsWith("chromium is not installed (apt-get install chromium)"
          + ": on CI (CI=" + ci + ")"), e.getMessage());
    }
  }

  @Test
  void aMissingProgramSkipsOutsideCi() {
    for (String ci : new String[] {null, "", "false"}) {
      TestAbortedException e = assertThrows(TestAbortedException.class,
          () -> Prerequisites.require(false, "chromium", "apt-get install chromium", ci));
      assertTrue(e.getMessage().contains("skipped outside CI"), e.getMessage());
    }
  }

  @Test
  void aPresentProgramNeitherFailsNorSkips() {
    assertDoesNotThrow(() -> Prerequisites.require(true, "chromium", "apt-get install", "true"));
    assertDoesNotThrow(() -> Prerequisites.require(true, "chromium", "apt-get install", null));
  }
}
