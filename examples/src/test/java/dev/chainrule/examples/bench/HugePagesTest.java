package dev.chainrule.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench's choice of huge pages for its JVMs, from the kernel's mode and the given options. */
class HugePagesTest {
  @Test
  void readsTheBracketedModeOfTheKernelsFile() {
    assertEquals("madvise", HugePages.modeOf("always [madvise] never\n"));
    assertEquals("always", HugePages.modeOf("[always] madvise never\n"));
    assertEquals("never", HugePages.modeOf("always madvise [never]\n"));
    assertEquals("unavailable", HugePages.modeOf(""));
    assertEquals("unavailable", HugePages.modeOf("always madvise never"));
  }

  @Test
  void asksForHugePagesOnlyWhereTheKernelWaitsToBeAsked() {
    assertEquals(List.of("-XX:+UseTransparentHugePages"),
        HugePages.options(List.of("-Xmx4g"), "madvise"));
    assertEquals(List.of(), HugePages.options(List.of(), "always"));
    assertEquals(List.of(), HugePages.options(List.of(), "never"));
    assertEquals(List.of(), HugePages.options(List.of(), "unavailable"));
  }

  @Test
  void leavesTheChoiceToAnOptionTheUserGave() {
    assertEquals(List.of(), HugePages.options(List.of("-XX:-UseTransparentHugePages"), "madvise"));
    assertEquals(List.of(), HugePages.options(List.of("-XX:+UseLargePages"), "madvise"));
    assertEquals("madvise; chainrule's JVMs as given: -XX:-UseTransparentHugePages",
        HugePages.describe(List.of("-Xmx4g", "-XX:-UseTransparentHugePages"), "madvise"));
  }

  @Test
  void describesWhatTheJvmsDo() {
    assertEquals("madvise; chainrule's JVMs ask with -XX:+UseTransparentHugePages",
        HugePages.describe(List.of(), "madvise"));
    assertEquals("always; every JVM's heap", HugePages.describe(List.of(), "always"));
    assertEquals("never; none", HugePages.describe(List.of(), "never"));
  }
}
