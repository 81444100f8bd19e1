package dev.chainrule.spark;

import java.util.function.Supplier;

/**
 * Runs a Spark action and turns its failure into the exception the user needs: a data problem
 * found by a task on an executor arrives wrapped in Spark's job failure (a checked {@code
 * SparkException} whose message holds the executor's stack trace), and is rethrown as the {@link
 * SparkDataException} it was; any other failure keeps Spark's exception as its cause.
 */
final class SparkJobs {
  private SparkJobs() {}

  /** Returns what {@code action} returns, translating its failure. */
  static <T> T run(Supplier<T> action) {
    try {
      return action.get();
    } catch (SparkDataException e) {
      throw e;
    } catch (Exception e) {
      throw translate(e);
    }
  }

  private static RuntimeException translate(Exception e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof SparkDataException data) {
        return new SparkDataException(data.getMessage(), e);
      }
    }
    if (e instanceof RuntimeException r) {
      return r;
    }
    String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    return new IllegalStateException("a Spark job of the training failed: " + message, e);
  }
}
