package dev.chainrule.nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Dense;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.model.Forward;
import dev.chainrule.nn.model.Model;
import dev.chainrule.nn.model.Sequential;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
  @TempDir
  Path dir;

  private static Sequential net(Layout layout, long seed) {
    return Sequential.builder(layout, 5).dense(7, Activation.leakyRelu(0.01))
        .dense(3, Activation.softmax()).weights(Initializers.normal(1))
        .biases(Initializers.normal(1)).seed(seed).build();
  }

  @Test
  void sequentialRoundTripsBitForBitInBothLayouts() throws IOException {
    for (Layout layout : Layout.values()) {
      Sequential saved = net(layout, 1);
      Path f = dir.resolve("net-" + layout.id() + ".crm");
      ModelFile.save(saved, f);
      Sequential loaded = ModelFile.load(f);
      assertEquals(saved.architecture(), loaded.architecture());
      assertEquals(saved.parameters(), loaded.parameters());
    }
  }

  /**
   * The documented layout (docs/model-format.md), assembled here byte by byte: magic, version 3,
   * header length, the JSON header (with the dtype), the values as little-endian float64, CRC-32
   * of all before.
   */
  @Test
  void bytesFollowTheDocumentedFormat() throws IOException {
    Sequential one = Sequential.of(List.of(new Dense(1, Layout.COLUMN, Activation.sigmoid(),
        Tensor.matrix(new double[] {0.15, 0.2}), Tensor.column(0.35))));
    Path f = dir.resolve("one.crm");
    ModelFile.save(one, f);
    String header = "{\"format\":\"chainrule-model\",\"dtype\":\"float64\","
        + "\"model\":{\"kind\":\"sequential\","
        + "\"layout\":\"column\",\"inputs\":2,\"layers\":[{\"kind\":\"dense\",\"units\":1,"
        + "\"activation\":\"sigmoid\"}]},\"parameters\":[{\"name\":\"W[1]\",\"shape\":[1,2]},"
        + "{\"name\":\"b[1]\",\"shape\":[1,1]}]}";
    byte[] json = header.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(16 + 8 + json.length + 24 + 4)
        .order(ByteOrder.LITTLE_ENDIAN);
    b.put("chainrule-model\n".getBytes(StandardCharsets.US_ASCII)).putInt(3).putInt(json.length)
        .put(json).putDouble(0.15).putDouble(0.2).putDouble(0.35);
    CRC32 crc = new CRC32();
    crc.update(b.array(), 0, b.position());
    b.putInt((int) crc.getValue());
    assertArrayEquals(b.array(), Files.readAllBytes(f));
  }

  @Test
  void saveReplacesAnExistingFileAndLeavesNoTemporaryFile() throws IOException {
    Path f = dir.resolve("net.crm");
    ModelFile.save(net(Layout.ROW, 1), f);
    ModelFile.save(net(Layout.ROW, 2), f);
    assertEquals(net(Layout.ROW, 2).parameters(), ModelFile.load(f).parameters());
    try (var files = Files.list(dir)) {
      assertEquals(List.of(f), files.toList());
    }
  }

  private Path savedBytes(byte[] bytes) throws IOException {
    Path f = dir.resolve("bad.crm");
    Files.write(f, bytes);
    return f;
  }

  /** Returns {@code bytes} with their last four bytes set to the CRC-32 of all before. */
  private static byte[] withCrc(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 4);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(bytes.length - 4,
        (int) crc.getValue());
    return bytes;
  }

  private byte[] good() throws IOException {
    Path f = dir.resolve("good.crm");
    ModelFile.save(net(Layout.ROW, 1), f);
    return Files.readAllBytes(f);
  }

  private static String failure(Path f) {
    return assertThrows(ModelFileException.class, () -> ModelFile.load(f)).getMessage();
  }

  @Test
  void aFlippedBitIsACorruptFile() throws IOException {
    byte[] bytes = good();
    bytes[bytes.length - 20] ^= 0x10;
    String m = failure(savedBytes(bytes));
    assertTrue(m.contains("bad.crm: corrupt: CRC-32"), m);
  }

  @Test
  void aTruncatedFileSaysHowManyBytesAreMissing() throws IOException {
    byte[] bytes = good();
    String m = failure(savedBytes(Arrays.copyOf(bytes, bytes.length - 100)));
    assertTrue(m.contains("truncated") && m.contains("make " + bytes.length + " bytes, but the "
        + "file has " + (bytes.length - 100)), m);
    String cut = failure(savedBytes(Arrays.copyOf(bytes, 40)));
    assertTrue(cut.contains("truncated: the header declares"), cut);
  }

  @Test
  void otherFilesAndOtherVersionsAreRecognised() throws IOException {
    String m = failure(savedBytes("PK\3\4 a zip file".getBytes(StandardCharsets.US_ASCII)));
    assertTrue(m.contains("not a chainrule model file"), m);
    byte[] bytes = good();
    bytes[16] = 4;
    String v = failure(savedBytes(withCrc(bytes.clone())));
    assertTrue(v.contains("format version 4 is not supported; this version of chainrule reads "
        + "versions 1, 2 and 3"), v);
    String damaged = failure(savedBytes(bytes));
    assertTrue(damaged.contains("corrupt: CRC-32"), "a version field that does not match the "
        + "checksum is damage, not a newer file: " + damaged);
  }

  @Test
  void aMalformedHeaderIsReportedAsSuch() throws IOException {
    byte[] json = "{\"format\":\"chainrule-model\",\"parameters\":[{\"name\":1}]}"
        .getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write("chainrule-model\n".getBytes(StandardCharsets.US_ASCII));
    out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(1)
        .putInt(json.length).array());
    out.write(json);
    out.write(new byte[4]);
    String m = failure(savedBytes(withCrc(out.toByteArray())));
    assertTrue(m.contains("JSON header is malformed or lacks a field: parameters[0].name must be "
        + "a string, got 1"), m);
  }

  @Test
  void loadingIntoAModelOfAnotherShapeNamesTheParameter() throws IOException {
    Path f = dir.resolve("net.crm");
    ModelFile.save(net(Layout.ROW, 1), f);
    Sequential wider = Sequential.builder(Layout.ROW, 5).dense(8, Activation.leakyRelu(0.01))
        .dense(3, Activation.softmax()).build();
    String m = assertThrows(ModelFileException.class, () -> ModelFile.loadInto(wider, f))
        .getMessage();
    assertTrue(m.contains("holds a 5-7-3 (row, leaky_relu(0.01), softmax) model but the model to "
        + "load into is 5-8-3"), m);
    Sequential other = Sequential.builder(Layout.ROW, 5).dense(7, Activation.relu())
        .dense(3, Activation.softmax()).build();
    List<Tensor> before = other.parameters().stream().map(p -> p.value().copy()).toList();
    assertThrows(ModelFileException.class, () -> ModelFile.loadInto(other, f));
    assertEquals(before, other.parameters().stream().map(Parameter::value).toList());
  }

  /**
   * Bit for bit, including the values a decimal or float32 format would lose: −0, the smallest
   * subnormal, the largest double, a value one ulp above 1, and a NaN with a payload.
   */
  @Test
  void extremeValuesRoundTripBitForBit() throws IOException {
    double nan = Double.longBitsToDouble(0x7ff8000000000123L);
    Affine saved = new Affine(Tensor.matrix(new double[] {-0.0, Double.MIN_VALUE}),
        Tensor.scalar(nan));
    Path f = dir.resolve("extreme.crm");
    ModelFile.save(saved, f);
    Affine loaded = new Affine(Tensor.zeros(1, 2), Tensor.scalar(0));
    ModelFile.loadInto(loaded, f);
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(loaded.w.get(0, 0)));
    assertEquals(1L, Double.doubleToRawLongBits(loaded.w.get(0, 1)));
    assertEquals(0x7ff8000000000123L, Double.doubleToRawLongBits(loaded.c.item()));
    Sequential wide = Sequential.of(List.of(new Dense(1, Layout.ROW, Activation.identity(),
        Tensor.column(Double.MAX_VALUE, -Math.nextUp(1.0)), Tensor.row(-Double.MIN_NORMAL))));
    Path g = dir.resolve("wide.crm");
    ModelFile.save(wide, g);
    List<Parameter> back = ModelFile.load(g).parameters();
    assertEquals(Double.doubleToRawLongBits(Double.MAX_VALUE),
        Double.doubleToRawLongBits(back.get(0).value().get(0, 0)));
    assertEquals(Double.doubleToRawLongBits(-Math.nextUp(1.0)),
        Double.doubleToRawLongBits(back.get(0).value().get(1, 0)));
    assertEquals(Double.doubleToRawLongBits(-Double.MIN_NORMAL),
        Double.doubleToRawLongBits(back.get(1).value().item()));
  }

  @Test
  void missingFilesAndUnwritableTargetsAreSaidInWords() throws IOException {
    Path none = dir.resolve("none.crm");
    assertEquals(none + ": cannot be read: no such file or directory",
        assertThrows(ModelFileException.class, () -> ModelFile.load(none)).getMessage());
    Path blocker = dir.resolve("a-file");
    Files.writeString(blocker, "not a directory");
    Path under = blocker.resolve("model.crm");
    String m = assertThrows(ModelFileException.class,
        () -> ModelFile.save(net(Layout.ROW, 1), under)).getMessage();
    assertTrue(m.startsWith(under + ": cannot be written: "), m);
    assertTrue(m.contains(blocker.toString()), m);
  }

  /**
   * A model's bytes are the file save writes, byte for byte, and read back into both kinds of
   * model; bad bytes are refused naming where they came from.
   */
  @Test
  void bytesAreTheFileAndLoadBackWithoutOne() throws IOException {
    Sequential saved = net(Layout.ROW, 3);
    Path f = dir.resolve("net.crm");
    ModelFile.save(saved, f);
    byte[] bytes = ModelFile.toBytes(saved);
    assertArrayEquals(Files.readAllBytes(f), bytes);
    Path source = Path.of("the bytes of the test");
    Sequential loaded = ModelFile.load(bytes, source);
    assertEquals(saved.architecture(), loaded.architecture());
    assertEquals(saved.parameters(), loaded.parameters());
    Affine custom = new Affine(Tensor.matrix(new double[] {0.5, 3}), Tensor.scalar(-1));
    Affine into = new Affine(Tensor.zeros(1, 2), Tensor.scalar(0));
    ModelFile.loadInto(into, ModelFile.toBytes(custom), source);
    assertEquals(custom.parameters(), into.parameters());
    bytes[bytes.length - 9] ^= 1;
    String m = assertThrows(ModelFileException.class, () -> ModelFile.load(bytes, source))
        .getMessage();
    assertTrue(m.startsWith(source + ": corrupt: CRC-32"), m);
  }

  /** A custom model: saved without architecture, loaded into a model built in code. */
  @Test
  void customModelRoundTripAndShapeMismatch() throws IOException {
    Path f = dir.resolve("custom.crm");
    ModelFile.save(new Affine(Tensor.matrix(new double[] {1.5, -2}), Tensor.scalar(0.25)), f);
    assertNull(ModelFile.read(f).architecture());
    Affine into = new Affine(Tensor.zeros(1, 2), Tensor.scalar(0));
    ModelFile.loadInto(into, f);
    assertEquals(Tensor.matrix(new double[] {1.5, -2}), into.w);
    assertEquals(0.25, into.c.item());
    String m = assertThrows(ModelFileException.class, () -> ModelFile.load(f)).getMessage();
    assertTrue(m.contains("custom model") && m.contains("loadInto"), m);
    Affine wrong = new Affine(Tensor.zeros(2, 1), Tensor.scalar(0));
    String s = assertThrows(ModelFileException.class, () -> ModelFile.loadInto(wrong, f))
        .getMessage();
    assertTrue(s.contains("parameter w has shape (1, 2) in the file but (2, 1) in the model"), s);
  }

  /** y = w·x + c in the column layout, with parameters named w and c. */
  private static final class Affine implements Model {
    final Tensor w;
    final Tensor c;

    Affine(Tensor w, Tensor c) {
      this.w = w;
      this.c = c;
    }

    @Override
    public Layout layout() {
      return Layout.COLUMN;
    }

    @Override
    public int inputSize() {
      return 2;
    }

    @Override
    public int outputSize() {
      return 1;
    }

    @Override
    public Forward forward(Node input) {
      var g = input.graph();
      Node z = g.parameter("w", w).matmul(input).add(g.parameter("c", c));
      return new Forward(input, z, z, Layout.COLUMN);
    }

    @Override
    public List<Parameter> parameters() {
      return List.of(new Parameter("w", w), new Parameter("c", c));
    }
  }
}
