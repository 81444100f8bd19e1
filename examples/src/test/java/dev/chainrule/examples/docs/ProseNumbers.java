package dev.chainrule.examples.docs;

import dev.chainrule.examples.docs.MarkdownBlocks.Block;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers a page quotes in its prose, and whether the page's checked blocks print them: a
 * number such as 0.125, 3.55e-16 or −0.0781161953 written outside code, outside inline code and
 * outside a quotation of the seed ({@code > 004:166 …}) stands only if some block that {@link
 * DocsTest} runs (a command transcript or a snippet's {@code output}) prints a number that rounds
 * to it. Whole numbers are not checked: they are counts and indices.
 */
final class ProseNumbers {
  private static final Pattern NUMBER = Pattern.compile(
      "(?<![\\w.·])[−-]?(?:\\d+\\.\\d+(?:e[−-]?\\d+)?|\\d+e[−-]?\\d+)(?![\\w.]*\\d)");

  private ProseNumbers() {}

  /**
   * A number of the prose.
   *
   * @param line the 1-based line of the page
   * @param text the number as written
   */
  record Quoted(int line, String text) {}

  /** Returns the numbers of {@code lines} (a whole page) outside code, inline code and quotes. */
  static List<Quoted> inProse(List<String> lines) {
    List<Quoted> found = new ArrayList<>();
    boolean fenced = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      if (fenced || line.startsWith(">") || line.startsWith("    ")) {
        continue;
      }
      Matcher m = NUMBER.matcher(line.replaceAll("`[^`]*`", " ").replaceAll("\\]\\([^)]*\\)",
          "]"));
      while (m.find()) {
        found.add(new Quoted(i + 1, m.group()));
      }
    }
    return found;
  }

  /** Returns every number printed by the checked blocks of a page. */
  static List<BigDecimal> printed(List<Block> blocks) {
    List<BigDecimal> numbers = new ArrayList<>();
    for (Block b : blocks) {
      if (b.language().equals("output") || Transcripts.isTranscript(b)) {
        Matcher m = NUMBER.matcher(b.text());
        while (m.find()) {
          numbers.add(value(m.group()));
        }
      }
    }
    return numbers;
  }

  /** Returns true when some printed number rounds to {@code quoted} at its written precision. */
  static boolean isPrinted(String quoted, List<BigDecimal> printed) {
    BigDecimal q = value(quoted);
    int scale = q.scale();
    for (BigDecimal p : printed) {
      if (p.setScale(scale, RoundingMode.HALF_UP).compareTo(q) == 0
          || p.setScale(scale, RoundingMode.HALF_EVEN).compareTo(q) == 0) {
        return true;
      }
    }
    return false;
  }

  private static BigDecimal value(String text) {
    return new BigDecimal(text.replace('−', '-'));
  }
}
