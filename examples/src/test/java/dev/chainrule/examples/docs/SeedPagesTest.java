package dev.chainrule.examples.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The seed walkthroughs (docs/seeds/) make claims a reader can check on the page: every number
 * quoted in prose is printed by a command or snippet the docs test runs ({@link ProseNumbers}),
 * no claim leans on a text the reader cannot see ("analysis 0.8", "(confirmed)", "the independent
 * analysis"), and every quotation of a seed, {@code > 004:166 — text}, names the seed's line that
 * holds that text (checked where the seeds are at hand: {@value #SEEDS_PROPERTY}, by default
 * /work/shared/seeds).
 */
class SeedPagesTest {
  static final String SEEDS_PROPERTY = "chainrule.seeds";
  private static final Pattern QUOTE = Pattern.compile("^> \\*\\*(\\d{3}):(\\d+)\\*\\* — (.*)$");
  private static final List<String> UNSEEN = List.of("analysis 0", "analysis 1", "analysis 2",
      "analysis 3", "analysis 4", "(confirmed)", "independent analysis", "analysis item");

  private static List<Path> pages() {
    return MarkdownBlocks.pages().stream().filter(p -> p.startsWith(Path.of("docs", "seeds")))
        .toList();
  }

  private static List<String> lines(Path page) throws IOException {
    return Files.readAllLines(MarkdownBlocks.ROOT.resolve(page), StandardCharsets.UTF_8);
  }

  @Test
  void everyNumberQuotedInProseIsPrintedByACheckedBlockOfThePage() throws IOException {
    List<String> unprinted = new ArrayList<>();
    for (Path page : pages()) {
      List<BigDecimal> printed = ProseNumbers.printed(MarkdownBlocks.of(page));
      for (ProseNumbers.Quoted q : ProseNumbers.inProse(lines(page))) {
        if (!ProseNumbers.isPrinted(q.text(), printed)) {
          unprinted.add(page + ":" + q.line() + " " + q.text());
        }
      }
    }
    assertTrue(unprinted.isEmpty(), "numbers in prose that no checked block prints: "
        + unprinted);
  }

  @Test
  void noClaimLeansOnATextTheReaderCannotSee() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path page : pages()) {
      List<String> lines = lines(page);
      for (int i = 0; i < lines.size(); i++) {
        for (String phrase : UNSEEN) {
          if (lines.get(i).contains(phrase)) {
            found.add(page + ":" + (i + 1) + " '" + phrase + "'");
          }
        }
      }
    }
    assertTrue(found.isEmpty(), "claims that cite what the page does not show: " + found);
  }

  @Test
  void everySeedQuotationNamesTheLineThatHoldsIt() throws IOException {
    Path seeds = Path.of(System.getProperty(SEEDS_PROPERTY, "/work/shared/seeds"));
    assumeTrue(Files.isDirectory(seeds), "the seeds are not at " + seeds);
    List<String> wrong = new ArrayList<>();
    int quotes = 0;
    for (Path page : pages()) {
      List<String> lines = lines(page);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = QUOTE.matcher(lines.get(i));
        if (!m.matches()) {
          continue;
        }
        quotes++;
        List<String> seed = seedLines(seeds, m.group(1));
        int line = Integer.parseInt(m.group(2));
        String text = m.group(3).replaceAll("^`|`$", "").replace("\\`", "`");
        if (line > seed.size() || !seed.get(line - 1).contains(text)) {
          wrong.add(page + ":" + (i + 1) + " quotes seed " + m.group(1) + " line " + line);
        }
      }
    }
    assertTrue(quotes > 0, "the seed pages quote the seeds");
    assertTrue(wrong.isEmpty(), "quotations not found on the line they name: " + wrong);
  }

  private static List<String> seedLines(Path seeds, String number) throws IOException {
    try (var files = Files.list(seeds)) {
      Path file = files.filter(f -> f.getFileName().toString().startsWith(number + "-"))
          .findFirst().orElseThrow(() -> new IOException("no seed " + number + " in " + seeds));
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    }
  }
}
