package dev.chainrule.examples.cli;

import dev.chainrule.nn.data.IoMessages;
import dev.chainrule.nn.listeners.LossCurve;
import dev.chainrule.nn.train.History;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --plot} option of the training subcommands (a picocli mixin): the loss curve as a
 * PNG, written after training to the file given, whose full path the run then reports.
 */
public final class PlotOption {
  @Option(names = "--plot", paramLabel = "FILE", description = "Write the loss curve (the "
      + "training loss of every epoch) to this PNG file, and say where.")
  Path file;

  /**
   * Writes the loss curve of {@code history}, titled {@code title}, when {@code --plot} was given,
   * and returns the file's absolute path; returns null otherwise.
   *
   * @throws UncheckedIOException naming the file and the reason when it cannot be written
   */
  public Path write(History history, String title) {
    if (file == null) {
      return null;
    }
    Path written = file.toAbsolutePath().normalize();
    try {
      LossCurve.write(history, title, written);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the loss curve to " + file + ": "
          + IoMessages.reason(e, file), e);
    }
    return written;
  }

  /** Returns the line a text report ends with after writing {@code written}, the curve's file. */
  public static String wrote(Path written) {
    return "loss curve written to " + written;
  }
}
