package dev.chainrule.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --data}, {@code --limit} and {@code --validation} options of the Fashion-MNIST
 * commands (a picocli mixin): where the IDX files are, how many images of each file to read, how
 * many training images to hold out; each command gives its default directory and hold-out.
 */
public final class FashionDataOptions {
  @Option(names = "--data", description = "Directory of the four IDX files "
      + "(default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--limit", paramLabel = "N", description = "Read only the first N images of "
      + "the training file and the first N of the test file, for a quick run; --validation "
      + "images are held out of the N training ones (default: all, 60000 and 10000).")
  int limit = Integer.MAX_VALUE;

  @Option(names = "--validation", description = "Training images held out for validation "
      + "(default: ${DEFAULT-VALUE}).")
  int validation;

  /** Creates the options reading {@code data} by default and holding {@code validation} out. */
  public FashionDataOptions(Path data, int validation) {
    this.data = data;
    this.validation = validation;
  }

  /** Returns the directory of the IDX files. */
  public Path data() {
    return data;
  }

  /**
   * Returns the number of images to read of each file ({@link Integer#MAX_VALUE} for all).
   *
   * @throws UsageException (exit status 2) when it is below 1
   */
  public int limit() {
    Flags.atLeast("--limit", limit, 1);
    return limit;
  }

  /**
   * Returns the number of training images held out.
   *
   * @throws UsageException (exit status 2) when it is negative or leaves no training image out of
   *     {@code --limit}
   */
  public int validation() {
    Flags.atLeast("--validation", validation, 0);
    if (validation >= limit()) {
      throw new UsageException("--validation " + validation + " leaves no training images out of "
          + "--limit " + limit);
    }
    return validation;
  }

  /** Returns " (--limit: the first N images of each file)" when --limit was given, else "". */
  public String limitNote() {
    return limit == Integer.MAX_VALUE ? "" : " (--limit: the first " + limit + " images of each "
        + "file)";
  }
}
