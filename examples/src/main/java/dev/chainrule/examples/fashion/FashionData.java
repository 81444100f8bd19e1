package dev.chainrule.examples.fashion;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.nn.data.FashionMnist;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads Fashion-MNIST for the examples, failing with instructions when the data is missing. */
public final class FashionData {
  private FashionData() {}

  /** Returns the first {@code limit} images of each file in {@code dir}, in {@code dtype}. */
  public static FashionMnist load(Path dir, int limit, DType dtype) {
    try {
      return FashionMnist.load(dir, limit, dtype);
    } catch (IOException e) {
      Throwable missing = e instanceof NoSuchFileException ? e : e.getCause();
      if (missing instanceof NoSuchFileException m) {
        throw new IllegalStateException("Fashion-MNIST not found: " + m.getFile() + " is missing. "
            + "Install it with `sudo apt-get install dataset-fashion-mnist` (it goes to "
            + FashionMnist.DEFAULT_DIRECTORY_NAME + "), or download the four .gz files from "
            + "https://github.com/zalandoresearch/fashion-mnist and pass --data DIR", e);
      }
      throw new IllegalStateException("cannot read Fashion-MNIST from " + dir + ": "
          + e.getMessage(), e);
    }
  }
}
