package dev.chainrule.examples.errors;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.nn.data.CsvReader;
import dev.chainrule.nn.data.IdxReader;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.init.RandomSource;
import dev.chainrule.nn.io.Checkpoint;
import dev.chainrule.nn.io.ModelFile;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Dense;
import dev.chainrule.nn.layers.Layer;
import dev.chainrule.nn.layers.LayerOutput;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.LayerStack;
import dev.chainrule.nn.model.Network;
import dev.chainrule.nn.model.Sequential;
import dev.chainrule.nn.optim.Adam;
import dev.chainrule.nn.optim.Momentum;
import dev.chainrule.nn.train.Trainer;
import dev.chainrule.onnx.OnnxExport;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;

/**
 * Bad data and model files, made in {@value #DIR} (relative to the examples module, where the
 * tests run) so that the messages name readable paths; each reading method throws.
 */
final class BadFiles {
  static final String DIR = "target/bad-inputs";
  private static final Path ROOT = Path.of(DIR);

  private BadFiles() {}

  private static Sequential net(int hidden) {
    return Sequential.builder(Layout.ROW, 4).dense(hidden, Activation.relu())
        .dense(3, Activation.softmax()).weights(Initializers.normal(0.1)).seed(1).build();
  }

  private static Path write(String name, byte[] bytes) {
    try {
      Files.createDirectories(ROOT);
      return Files.write(ROOT.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] savedModel() throws IOException {
    Path good = ROOT.resolve("good.crm");
    ModelFile.save(net(5), good);
    return Files.readAllBytes(good);
  }

  static void loadAModelThatDoesNotExist() throws IOException {
    ModelFile.load(ROOT.resolve("no-such-model.crm"));
  }

  static void loadAFileThatIsNotAModel() throws IOException {
    ModelFile.load(write("notes.crm", "just some notes\n".getBytes(StandardCharsets.UTF_8)));
  }

  static void loadATruncatedModel() throws IOException {
    byte[] bytes = savedModel();
    ModelFile.load(write("truncated.crm", Arrays.copyOf(bytes, bytes.length - 100)));
  }

  static void loadACorruptModel() throws IOException {
    byte[] bytes = savedModel();
    bytes[bytes.length - 20] ^= 0x10;
    ModelFile.load(write("corrupt.crm", bytes));
  }

  static void loadAModelOfAFutureVersion() throws IOException {
    byte[] bytes = savedModel();
    bytes[16] = (byte) (ModelFile.VERSION + 1);
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 4);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(bytes.length - 4,
        (int) crc.getValue());
    ModelFile.load(write("future-version.crm", bytes));
  }

  static void loadAFloat64ModelIntoAFloat32Model() throws IOException {
    Path saved = ROOT.resolve("float64.crm");
    ModelFile.save(net(5), saved);
    Sequential f32 = Sequential.builder(Layout.ROW, 4).dense(5, Activation.relu())
        .dense(3, Activation.softmax()).dtype(DType.FLOAT32).build();
    ModelFile.loadInto(f32, saved);
  }

  static void resumeWithAnotherOptimizer() throws IOException {
    Path saved = ROOT.resolve("adam-checkpoint.crm");
    Checkpoint.save(new Trainer(net(5), Loss.softmaxCrossEntropy(), Adam.of(0.001)), saved);
    Checkpoint.loadInto(new Trainer(net(5), Loss.softmaxCrossEntropy(), Momentum.of(0.01)), saved);
  }

  static void resumeFromAModelFile() throws IOException {
    Path saved = ROOT.resolve("model-only.crm");
    ModelFile.save(net(5), saved);
    Checkpoint.loadInto(new Trainer(net(5), Loss.softmaxCrossEntropy(), Adam.of(0.001)), saved);
  }

  static void loadAModelOfAnotherArchitecture() throws IOException {
    Path saved = ROOT.resolve("4-5-3.crm");
    ModelFile.save(net(5), saved);
    ModelFile.loadInto(net(8), saved);
  }

  /** Saves a small convolutional network, whose file holds no architecture, as network.crm. */
  static void saveANetwork() throws IOException {
    ModelFile.save(Network.builder(1, 4, 4).conv2d(2, 3, 1, Activation.relu()).flatten()
        .dense(3, Activation.softmax()).seed(1).build(), ROOT.resolve("network.crm"));
  }

  /** A layer of the user's own: it doubles its input. */
  static final class Doubling implements Layer {
    @Override
    public String name() {
      return "doubling";
    }

    @Override
    public int inputSize() {
      return 4;
    }

    @Override
    public int outputSize() {
      return 4;
    }

    @Override
    public LayerOutput apply(Node input) {
      Node twice = input.mul(2.0);
      return new LayerOutput(twice, twice);
    }

    @Override
    public List<Parameter> parameters() {
      return List.of();
    }
  }

  static void exportALayerOfYourOwn() {
    OnnxExport.of(new LayerStack(Layout.ROW, List.of(new Doubling(), Dense.create(2, Layout.ROW,
        4, 3, Activation.softmax(), Initializers.normal(0.1), Initializers.zeros(),
        RandomSource.seeded(1)))));
  }

  private static byte[] idx(int magic, int[] dims, int bodyBytes) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(magic);
    for (int d : dims) {
      out.writeInt(d);
    }
    out.write(new byte[bodyBytes]);
    return bytes.toByteArray();
  }

  static void readImagesFromALabelFile() throws IOException {
    IdxReader.readImages(write("labels-not-images", idx(0x00000801, new int[] {3}, 3)));
  }

  static void readATruncatedImageFile() throws IOException {
    IdxReader.readImages(write("truncated-images", idx(0x00000803, new int[] {2, 28, 28}, 1000)));
  }

  static void readImagesThatAreNotIdx() throws IOException {
    IdxReader.readImages(write("images.csv", "1,2,3\n4,5,6\n".getBytes(StandardCharsets.UTF_8)));
  }

  static void readLabelsBeyondTheClassCount() throws IOException {
    Path images = write("two-images", idx(0x00000803, new int[] {2, 2, 2}, 8));
    byte[] labels = idx(0x00000801, new int[] {2}, 2);
    labels[labels.length - 1] = 12;
    IdxReader.readDataset("digits", images, write("labels-12", labels), 10, Integer.MAX_VALUE);
  }

  static void readIdxImagesWithALimitOfZero() throws IOException {
    IdxReader.readImages(write("three-images", idx(0x00000803, new int[] {3, 2, 2}, 12)), 0);
  }

  static void readACsvWithARaggedRow() throws IOException {
    CsvReader.create().withHeader(true).withLabelColumn("label").read(write("ragged.csv",
        "x1,x2,label\n0.5,1.5,0\n0.7,1\n".getBytes(StandardCharsets.UTF_8)));
  }

  static void readACsvWithAWord() throws IOException {
    CsvReader.create().withHeader(true).withLabelColumn("label").read(write("word.csv",
        "x1,x2,label\n0.5,1.5,0\n0.7,high,1\n".getBytes(StandardCharsets.UTF_8)));
  }

  static void readAGzippedIdxFileCutInsideItsGzipHeader() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
      z.write(idx(0x00000801, new int[] {4}, 4));
    }
    IdxReader.readLabels(write("labels.gz", Arrays.copyOf(gz.toByteArray(), 6)));
  }

  static void readAnIdxHeaderDeclaringGigabytes() throws IOException {
    IdxReader.readImages(write("tiny-images", idx(0x00000803, new int[] {2000, 1000, 1000}, 24)));
  }

  static void loadAModelWhoseFirstLineIsDamaged() throws IOException {
    byte[] bytes = savedModel();
    bytes[3] ^= 0x01;
    ModelFile.load(write("bad-first-line.crm", bytes));
  }
}
