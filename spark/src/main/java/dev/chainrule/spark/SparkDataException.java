package dev.chainrule.spark;

/**
 * Training or prediction data that does not fit the model: a missing column, a column of the
 * wrong type, a feature vector of the wrong width, a missing or fractional label, a label outside
 * the model's classes. The message names the column, the values involved and the row (its
 * position in its partition), whether the problem was found on the driver or by a task on an
 * executor.
 */
public final class SparkDataException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message in the user's words. */
  public SparkDataException(String message) {
    super(message);
  }

  /**
   * Creates the exception on the driver for one that a task threw on an executor, keeping the
   * message and the Spark failure that carried it as the cause.
   */
  public SparkDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
