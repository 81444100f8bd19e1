package dev.chainrule.cli;

/** Thrown by a subcommand when its arguments parse but make no sense, e.g. an unknown example. */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a one-line message in the user's words. */
  public UsageException(String message) {
    super(message);
  }
}
