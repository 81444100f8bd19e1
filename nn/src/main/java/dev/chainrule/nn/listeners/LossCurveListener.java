package dev.chainrule.nn.listeners;

import dev.chainrule.nn.data.IoMessages;
import dev.chainrule.nn.train.History;
import dev.chainrule.nn.train.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes the loss curve of a training run as a PNG ({@link LossCurve}) when the run ends, early
 * stopping included. Needs XChart, an optional dependency of chainrule-nn: creating the listener
 * fails at once, before any training, when XChart is missing.
 */
public final class LossCurveListener implements TrainingListener {
  private final Path file;
  private final String title;

  private LossCurveListener(Path file, String title) {
    OptionalLibrary.XCHART.require();
    this.file = file;
    this.title = title;
  }

  /**
   * Returns a listener writing the loss curve, titled {@code title}, to {@code file} at the end of
   * each run.
   *
   * @throws IllegalStateException if XChart is not on the class path
   */
  public static LossCurveListener to(Path file, String title) {
    return new LossCurveListener(file, title);
  }

  /** Returns the PNG file this listener writes. */
  public Path file() {
    return file;
  }

  /**
   * Writes the PNG.
   *
   * @throws UncheckedIOException naming the file and the reason when it cannot be written
   */
  @Override
  public void onEnd(History history) {
    try {
      LossCurve.write(history, title, file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the loss curve to " + file + ": "
          + IoMessages.reason(e, file), e);
    }
  }
}
