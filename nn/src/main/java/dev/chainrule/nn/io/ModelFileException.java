package dev.chainrule.nn.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model file that cannot be used: not a chainrule model, an unsupported version, truncated,
 * corrupt (checksum mismatch), or holding parameters that do not fit the model being loaded. The
 * message names the file and says what was expected and what was found.
 */
public final class ModelFileException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  /** Creates the exception for {@code file} with a description of the problem. */
  public ModelFileException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  /** Returns the file concerned. */
  public Path file() {
    return file;
  }
}
