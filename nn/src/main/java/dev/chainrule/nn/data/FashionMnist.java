package dev.chainrule.nn.data;

import dev.chainrule.core.tensor.DType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Zalando's Fashion-MNIST: 28 × 28 grey-scale images of clothing in 10 classes, 60,000 for
 * training and 10,000 for testing, loaded as two classification {@link Dataset}s of 784 features
 * with pixels scaled to [0, 1].
 *
 * <p>The four standard IDX files are looked up in a directory, each gzipped ({@code .gz}) or plain.
 * The default directory is {@value #DEFAULT_DIRECTORY_NAME}, where Debian's package {@code
 * dataset-fashion-mnist} installs them.
 *
 * @param train the training set, named "fashion-mnist/train"
 * @param test the test set, named "fashion-mnist/test"
 */
public record FashionMnist(Dataset train, Dataset test) {
  /** The directory where the Debian package {@code dataset-fashion-mnist} puts the files. */
  public static final String DEFAULT_DIRECTORY_NAME = "/usr/share/datasets/fashion-mnist";

  /** The standard file name of the training images, without {@code .gz}. */
  public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
  /** The standard file name of the training labels, without {@code .gz}. */
  public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
  /** The standard file name of the test images, without {@code .gz}. */
  public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
  /** The standard file name of the test labels, without {@code .gz}. */
  public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

  /** The names of the 10 classes, indexed by label. */
  public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover",
      "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

  /** Returns the default directory, {@value #DEFAULT_DIRECTORY_NAME}. */
  public static Path defaultDirectory() {
    return Path.of(DEFAULT_DIRECTORY_NAME);
  }

  /** Loads all samples from the default directory. */
  public static FashionMnist load() throws IOException {
    return load(defaultDirectory());
  }

  /** Loads all samples from {@code dir}. */
  public static FashionMnist load(Path dir) throws IOException {
    return load(dir, Integer.MAX_VALUE);
  }

  /**
   * Loads the first {@code limit} (at least 1) samples of each split from {@code dir}; throws a
   * {@link NoSuchFileException} naming the missing file and how to get it when a file is absent.
   */
  public static FashionMnist load(Path dir, int limit) throws IOException {
    return load(dir, limit, DType.FLOAT64);
  }

  /**
   * Loads the samples as {@link #load(Path, int)} does, in {@code dtype}: float32 pixels are made
   * straight from the files' bytes, for a float32 model.
   */
  public static FashionMnist load(Path dir, int limit, DType dtype) throws IOException {
    IdxReader.checkLimit(limit);
    Path trainImages = locate(dir, TRAIN_IMAGES, "training images");
    Path trainLabels = locate(dir, TRAIN_LABELS, "training labels");
    Path testImages = locate(dir, TEST_IMAGES, "test images");
    Path testLabels = locate(dir, TEST_LABELS, "test labels");
    return new FashionMnist(
        IdxReader.readDataset("fashion-mnist/train", trainImages, trainLabels, 10, limit, dtype),
        IdxReader.readDataset("fashion-mnist/test", testImages, testLabels, 10, limit, dtype));
  }

  /** Returns the name of class {@code label}, e.g. "Ankle boot" for 9. */
  public static String className(int label) {
    if (label < 0 || label >= CLASS_NAMES.size()) {
      throw new IndexOutOfBoundsException("Fashion-MNIST has classes 0..9, not " + label);
    }
    return CLASS_NAMES.get(label);
  }

  /** Returns {@code dir/base.gz} or {@code dir/base}, whichever exists, preferring the first. */
  private static Path locate(Path dir, String base, String what) throws NoSuchFileException {
    Path gz = dir.resolve(base + ".gz");
    Path plain = dir.resolve(base);
    if (Files.isRegularFile(gz)) {
      return gz;
    }
    if (Files.isRegularFile(plain)) {
      return plain;
    }
    String where = Files.isDirectory(dir) ? "neither " + gz.getFileName() + " nor " + base
        + " is in " + dir : "directory " + dir + " does not exist";
    throw new NoSuchFileException(gz.toString(), null, "Fashion-MNIST " + what
        + " not found: " + where + ". Install the data set with `sudo apt-get install "
        + "dataset-fashion-mnist` (it puts the four files in " + DEFAULT_DIRECTORY_NAME + "), "
        + "or download them from https://github.com/zalandoresearch/fashion-mnist and pass "
        + "their directory to FashionMnist.load(dir)");
  }
}
