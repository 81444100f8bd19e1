package dev.chainrule.spark.cli;

/** Thrown when options parse but make no sense together; the command exits with status 2. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
