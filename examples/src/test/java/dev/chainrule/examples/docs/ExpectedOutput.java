package dev.chainrule.examples.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Output pasted into a page, compared with the output a command or snippet prints now. Lines are
 * compared after removing trailing spaces and writing every duration (a number followed by s, ms
 * or µs) as {@code #}, since timings change from run to run; a line holding only {@code ...}
 * stands for any number of lines, so a page may show the head and tail of a long output.
 */
final class ExpectedOutput {
  /** The line that stands for any number of lines. */
  static final String ELISION = "...";

  private static final Pattern DURATION =
      Pattern.compile("\\b\\d+(\\.\\d+)?(\\s?)(s|ms|µs)(?![\\p{L}\\d])");

  private ExpectedOutput() {}

  /** Returns the lines of {@code text} as they are compared. */
  static List<String> normalise(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      out.add(DURATION.matcher(line.stripTrailing()).replaceAll("#$2$3"));
    }
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  /** Returns the lines of {@code text}. */
  static List<String> lines(String text) {
    return List.of(text.split("\n", -1));
  }

  /** Returns true when {@code actual} matches {@code expected}, elisions included. */
  static boolean matches(List<String> expected, List<String> actual) {
    return matches(normalise(expected), 0, normalise(actual), 0);
  }

  private static boolean matches(List<String> e, int i, List<String> a, int j) {
    if (i == e.size()) {
      return j == a.size();
    }
    if (e.get(i).equals(ELISION)) {
      for (int k = j; k <= a.size(); k++) {
        if (matches(e, i + 1, a, k)) {
          return true;
        }
      }
      return false;
    }
    return j < a.size() && e.get(i).equals(a.get(j)) && matches(e, i + 1, a, j + 1);
  }

  /**
   * Returns what the page should hold instead of {@code expected}: itself while it still matches
   * (so timings are not rewritten), else {@code actual}, keeping one elision with as many lines
   * before and after it as the page shows now.
   */
  static List<String> regenerate(List<String> expected, List<String> actual) {
    if (matches(expected, actual)) {
      return expected;
    }
    List<String> fresh = new ArrayList<>(actual);
    while (!fresh.isEmpty() && fresh.get(fresh.size() - 1).isEmpty()) {
      fresh.remove(fresh.size() - 1);
    }
    int at = expected.indexOf(ELISION);
    if (at < 0) {
      return fresh;
    }
    if (expected.lastIndexOf(ELISION) != at) {
      throw new IllegalStateException("cannot regenerate output with more than one '...' line; "
          + "paste the new output by hand:\n" + String.join("\n", actual));
    }
    int tail = expected.size() - at - 1;
    if (at + tail >= fresh.size()) {
      return fresh;
    }
    List<String> kept = new ArrayList<>(fresh.subList(0, at));
    kept.add(ELISION);
    kept.addAll(fresh.subList(fresh.size() - tail, fresh.size()));
    return kept;
  }

  /** Describes the first difference between the two outputs, and shows the actual one. */
  static String difference(List<String> expected, List<String> actual) {
    List<String> e = normalise(expected);
    List<String> a = normalise(actual);
    if (e.contains(ELISION)) {
      int from = 0;
      for (String line : e) {
        int at = line.equals(ELISION) ? 0 : a.subList(from, a.size()).indexOf(line);
        if (at < 0) {
          return "the page's line\n  " + line + "\nis not in the output after its line " + from
              + "\nthe output now:\n" + String.join("\n", actual);
        }
        from += line.equals(ELISION) ? 0 : at + 1;
      }
      return "the page's lines are all in the output, but not where the page puts them (its "
          + "first and last lines must be the output's, '...' standing for any lines between)"
          + "\nthe output now:\n" + String.join("\n", actual);
    }
    int i = 0;
    while (i < e.size() && i < a.size() && e.get(i).equals(a.get(i))) {
      i++;
    }
    String page = i < e.size() ? e.get(i) : "(end of the pasted output)";
    String now = i < a.size() ? a.get(i) : "(end of the output)";
    return "first difference at output line " + (i + 1) + ":\n  page: " + page + "\n  now:  "
        + now + "\nthe output now:\n" + String.join("\n", actual);
  }
}
