package dev.chainrule.examples.docs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pictures docs/graphs.md draws with a command of its own, beside the catalogue's (which
 * DocsImagesTest keeps): the folded loop of the section on big graphs.
 */
class GraphsPagePicturesTest {
  @TempDir
  Path scratch;

  /** The command that draws the folded loop, as docs/graphs.md shows it. */
  static final List<String> CHAIN = List.of("graph", "chain", "--view", "both", "--format",
      "dot,svg", "--out", "docs/images/big");

  @Test
  void theFoldedLoopIsUpToDateAndItsCommandShown() throws IOException {
    CommandPictures.assertUpToDate(MarkdownBlocks.ROOT.resolve("docs/graphs.md"), CHAIN,
        "chain-both", scratch);
  }
}
