package dev.chainrule.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether chainrule's bench JVMs keep their heap on transparent huge pages. Where Linux gives huge
 * pages only to memory that asks for them (mode {@code madvise}, the common default), a JVM asks
 * only with {@value #OPTION}; NumPy asks for its large arrays by itself. With 4 KB pages, the rows
 * a shuffled batch copies from a dataset of tens of megabytes miss the processor's TLB on nearly
 * every page; with 2 MB pages they hit it (docs/benchmarks.md measures the difference).
 */
final class HugePages {
  /** The JVM option that puts the heap on transparent huge pages. */
  static final String OPTION = "-XX:+UseTransparentHugePages";
  /** Where Linux says which transparent huge page mode is in force, the chosen one in brackets. */
  private static final Path MODE_FILE = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");

  private HugePages() {}

  /** Returns this machine's transparent huge page mode: always, madvise, never or unavailable. */
  static String mode() {
    try {
      return modeOf(Files.readString(MODE_FILE));
    } catch (IOException | RuntimeException e) {
      return "unavailable";
    }
  }

  /**
   * Returns the mode in brackets in the text of {@code /sys/kernel/mm/transparent_hugepage/enabled}
   * (such as {@code always [madvise] never}), or "unavailable" when none is.
   */
  static String modeOf(String text) {
    int open = text.indexOf('[');
    int close = text.indexOf(']', open + 1);
    return open < 0 || close < 0 ? "unavailable" : text.substring(open + 1, close).trim();
  }

  /**
   * Returns the options a bench JVM adds to the {@code inherited} ones: {@value #OPTION} in mode
   * madvise, unless an inherited option already says how the heap uses large pages.
   */
  static List<String> options(List<String> inherited, String mode) {
    return "madvise".equals(mode) && !chosen(inherited) ? List.of(OPTION) : List.of();
  }

  /** Returns the machine description's entry: the mode and what chainrule's JVMs do in it. */
  static String describe(List<String> inherited, String mode) {
    if (chosen(inherited)) {
      return mode + "; chainrule's JVMs as given: " + String.join(" ", inherited.stream()
          .filter(HugePages::aboutLargePages).toList());
    }
    if ("madvise".equals(mode)) {
      return "madvise; chainrule's JVMs ask with " + OPTION;
    }
    return "always".equals(mode) ? "always; every JVM's heap" : mode + "; none";
  }

  private static boolean chosen(List<String> inherited) {
    return inherited.stream().anyMatch(HugePages::aboutLargePages);
  }

  private static boolean aboutLargePages(String option) {
    return option.startsWith("-XX:") && (option.contains("UseTransparentHugePages")
        || option.contains("UseLargePages"));
  }
}
