package dev.chainrule.spark;

import dev.chainrule.nn.io.ModelFile;
import dev.chainrule.nn.io.ModelFileException;
import dev.chainrule.nn.model.Model;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A model as it travels to the executors: the bytes of its chainrule model file (architecture and
 * parameters, docs/model-format.md) and, for a custom model without an architecture, the recipe
 * that builds its code. Every executor opens its own copy; nothing compiled travels, since each
 * JVM compiles its training step once from the model.
 */
final class ShippedModel implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Path SOURCE = Path.of("the model shipped to the Spark executors");

  private final byte[] file;
  private final Recipe<? extends Model> code;

  private ShippedModel(byte[] file, Recipe<? extends Model> code) {
    this.file = file;
    this.code = code;
  }

  /**
   * Returns {@code model} ready to ship: a {@code Sequential} travels as its model file alone, a
   * custom model needs {@code code} (null otherwise), which must build a model whose parameters
   * have the same names and shapes.
   *
   * @throws IllegalArgumentException when a custom model comes without its recipe
   */
  static ShippedModel of(Model model, Recipe<? extends Model> code) {
    requireShippable(model, code);
    try {
      return new ShippedModel(ModelFile.toBytes(model), model.architecture().isEmpty() ? code
          : null);
    } catch (ModelFileException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  /**
   * Checks that {@code model} can be shipped with {@code code} (null for none).
   *
   * @throws IllegalArgumentException when a custom model comes without its recipe
   */
  static void requireShippable(Model model, Recipe<? extends Model> code) {
    if (model.architecture().isEmpty() && code == null) {
      throw new IllegalArgumentException("the custom model " + model.getClass().getSimpleName()
          + " has no architecture to rebuild it from on the executors; give SparkTrainer's "
          + "builder a recipe that builds it: .modelRecipe(() -> new "
          + model.getClass().getSimpleName() + "(...))");
    }
  }

  /** Returns a fresh model with the shipped parameters, built on the calling JVM. */
  Model open() {
    try {
      if (code == null) {
        return ModelFile.load(file, SOURCE);
      }
      Model m = code.get();
      ModelFile.loadInto(m, file, SOURCE);
      return m;
    } catch (ModelFileException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Returns the size of the shipped model file, in bytes. */
  int bytes() {
    return file.length;
  }
}
