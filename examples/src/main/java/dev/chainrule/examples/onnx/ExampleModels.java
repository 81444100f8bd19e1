package dev.chainrule.examples.onnx;

import dev.chainrule.cli.UsageException;
import dev.chainrule.examples.cnn.CnnRun;
import dev.chainrule.examples.sequence.SequenceRun;
import dev.chainrule.nn.io.ModelFile;
import dev.chainrule.nn.layers.Cell;
import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.model.Model;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The models of the examples whose saved files hold no architecture (a {@code Network}, a {@code
 * LayerStack}): {@code export-onnx --example} rebuilds the example's model in code, as the
 * example builds it, and loads the file into it ({@code ModelFile.loadInto}, which checks every
 * name and shape).
 */
final class ExampleModels {
  /** The examples whose saved models {@code --example} rebuilds. */
  static final List<String> NAMES = List.of("cnn", "sequence");

  private ExampleModels() {}

  /**
   * Returns the model of {@code example} holding the parameters saved in {@code file}; for the
   * sequence example, its numbers have {@code bits} digits and the cell and hidden units are read
   * from the file.
   *
   * @throws UsageException when the example is unknown or the file is not one it saved
   * @throws IOException when the file cannot be read or does not fit the model
   */
  static Model rebuild(String example, int bits, Path file) throws IOException {
    Model m;
    if (example.equals("cnn")) {
      m = CnnRun.network(1);
    } else if (example.equals("sequence")) {
      m = sequence(bits, file);
    } else {
      throw new UsageException("--example must be one of " + String.join(", ", NAMES) + ", got "
          + example);
    }
    ModelFile.loadInto(m, file);
    return m;
  }

  /** Returns the sequence example's model of the cell and size the file's parameters show. */
  private static Model sequence(int bits, Path file) throws IOException {
    List<Parameter> saved = ModelFile.read(file).parameters();
    String first = saved.isEmpty() ? "none" : saved.get(0).name();
    for (Cell cell : List.of(Cell.LSTM, Cell.GRU)) {
      if (first.equals(cell.id() + ".W_ih") && saved.size() > 1
          && saved.get(1).value().rank() == 2) {
        int hidden = saved.get(1).value().shape().dim(1);
        return SequenceRun.model(cell, bits, hidden, 0, saved.get(0).value().dtype());
      }
    }
    throw new UsageException(file + " was not saved by the sequence example: its first "
        + "parameter is " + first + ", not lstm.W_ih or gru.W_ih");
  }
}
