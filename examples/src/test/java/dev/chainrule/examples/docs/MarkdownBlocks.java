package dev.chainrule.examples.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fenced code blocks of the project's Markdown pages (README.md and docs/**.md), with the
 * page and line each starts on, so that a failing block can be reported where a reader sees it.
 */
final class MarkdownBlocks {
  /** The repository root, seen from a module directory, where Maven runs the tests. */
  static final Path ROOT = Path.of("..");

  /**
   * One fenced block.
   *
   * @param page the page, relative to the repository root
   * @param line the 1-based line of the opening fence
   * @param info the info string after the fence, e.g. {@code java} or {@code java no-run}
   * @param lines the lines between the fences
   */
  record Block(Path page, int line, String info, List<String> lines) {
    /** Returns the first word of the info string: the language. */
    String language() {
      String trimmed = info.trim();
      int space = trimmed.indexOf(' ');
      return space < 0 ? trimmed : trimmed.substring(0, space);
    }

    /** Returns true when the info string carries {@code flag} after the language. */
    boolean has(String flag) {
      String[] words = info.trim().split("\\s+");
      return List.of(words).subList(1, words.length).contains(flag);
    }

    /**
     * Returns the file the block shows whole, from {@code file=PATH} in its info string (relative
     * to the repository root), or null: such a block is the file's copy, not a snippet to run.
     */
    Path file() {
      for (String word : info.trim().split("\\s+")) {
        if (word.startsWith("file=")) {
          return Path.of(word.substring("file=".length()));
        }
      }
      return null;
    }

    /** Returns the block's text, lines joined by newlines, with a final newline. */
    String text() {
      return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    /** Returns where the block is, as {@code page:line}. */
    String where() {
      return page.toString().replace('\\', '/') + ":" + line;
    }
  }

  private MarkdownBlocks() {}

  /** Returns README.md and every page under docs/, in a stable order. */
  static List<Path> pages() {
    List<Path> pages = new ArrayList<>();
    pages.add(Path.of("README.md"));
    try (Stream<Path> walk = Files.walk(ROOT.resolve("docs"))) {
      walk.filter(p -> p.toString().endsWith(".md")).map(p -> ROOT.relativize(p)).sorted()
          .forEach(pages::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pages;
  }

  /** Returns the fenced blocks of {@code page} (relative to the root), in page order. */
  static List<Block> of(Path page) {
    try {
      return parse(page, Files.readAllLines(ROOT.resolve(page), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the fenced blocks of every page, in page order. */
  static List<Block> all() {
    List<Block> blocks = new ArrayList<>();
    for (Path page : pages()) {
      blocks.addAll(of(page));
    }
    return blocks;
  }

  /** Splits {@code lines} into fenced blocks; an unclosed fence is an error naming its line. */
  static List<Block> parse(Path page, List<String> lines) {
    List<Block> blocks = new ArrayList<>();
    int open = -1;
    String info = null;
    List<String> body = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (open < 0 && line.startsWith("```")) {
        open = i;
        info = line.substring(3);
        body = new ArrayList<>();
      } else if (open >= 0 && line.equals("```")) {
        blocks.add(new Block(page, open + 1, info, List.copyOf(body)));
        open = -1;
      } else if (open >= 0) {
        body.add(line);
      }
    }
    if (open >= 0) {
      throw new IllegalStateException(page + ":" + (open + 1) + ": a code block is never closed");
    }
    return blocks;
  }
}
