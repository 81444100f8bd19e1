package dev.chainrule.cli;

import dev.chainrule.core.tensor.DType;
import picocli.CommandLine.Option;

/**
 * The {@code --dtype} option of the training subcommands (a picocli mixin): the number type the
 * model trains in and the data is loaded in, float64 (the default) or float32.
 */
public final class DTypeOption {
  @Option(names = "--dtype", paramLabel = "TYPE", description = "Number type of the model and "
      + "the data: float64 or float32 (default: ${DEFAULT-VALUE}).")
  String name = "float64";

  /**
   * Returns the dtype the option names.
   *
   * @throws UsageException (exit status 2) naming the value when it is neither float64 nor
   *     float32
   */
  public DType dtype() {
    try {
      return DType.of(name);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--dtype must be float64 or float32, got '" + name + "'");
    }
  }
}
