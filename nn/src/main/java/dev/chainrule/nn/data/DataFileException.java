package dev.chainrule.nn.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A data file that exists but cannot be read as the expected format: a wrong magic number, a
 * truncated body, a non-numeric cell, a ragged row. The message names the file, and where it
 * helps the line, column, expected and found values.
 */
public final class DataFileException extends IOException {
  private final transient Path file;

  /** Creates an exception about {@code file}; the message is prefixed with the file's path. */
  public DataFileException(Path file, String message) {
    super(file + ": " + message);
    this.file = file;
  }

  /** Creates an exception about {@code file} caused by a lower-level error. */
  public DataFileException(Path file, String message, Throwable cause) {
    super(file + ": " + message, cause);
    this.file = file;
  }

  /**
   * Returns the exception for a file that cannot be opened at all: missing, unreadable, or a
   * directory, said in words rather than as the bare path the JDK's exceptions carry.
   */
  public static DataFileException unreadable(Path file, IOException cause) {
    return new DataFileException(file, "cannot be read: " + IoMessages.reason(cause, file), cause);
  }

  /** Returns the file that could not be read. */
  public Path file() {
    return file;
  }
}
