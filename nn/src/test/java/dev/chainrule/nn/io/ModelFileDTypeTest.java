package dev.chainrule.nn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Dense;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.model.Sequential;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files record their dtype (format version 3): float32 models round-trip bit for bit in
 * float32 blocks, a float64 file loads into float32 only on request (rounded to the nearest
 * float), older files read as float64, and a damaged or unknown dtype is refused naming the file.
 */
class ModelFileDTypeTest {
  @TempDir
  Path dir;

  private static Sequential net(DType dtype) {
    return Sequential.builder(Layout.ROW, 5).dense(7, Activation.relu())
        .dense(3, Activation.softmax()).weights(Initializers.normal(1))
        .biases(Initializers.normal(1)).seed(3).dtype(dtype).build();
  }

  private Path saved(Sequential model, String name) throws IOException {
    Path f = dir.resolve(name);
    ModelFile.save(model, f);
    return f;
  }

  @Test
  void float32ModelsRoundTripBitForBitInHalfTheBytes() throws IOException {
    Sequential f32 = net(DType.FLOAT32);
    Path f = saved(f32, "f32.crm");
    Sequential loaded = ModelFile.load(f);
    assertEquals(DType.FLOAT32, loaded.dtype());
    assertEquals(f32.parameters(), loaded.parameters());
    long values = f32.parameterCount();
    long f64Size = Files.size(saved(net(DType.FLOAT64), "f64.crm"));
    assertEquals(4 * values, f64Size - Files.size(f),
        "float32 blocks take 4 bytes a value against 8; the headers are of equal length");
  }

  @Test
  void aFloat64FileLoadsIntoFloat32RoundedToTheNearestFloat() throws IOException {
    Sequential f64 = net(DType.FLOAT64);
    Path f = saved(f64, "f64.crm");
    Sequential rounded = ModelFile.load(f, DType.FLOAT32);
    assertEquals(DType.FLOAT32, rounded.dtype());
    for (int i = 0; i < f64.parameters().size(); i++) {
      double[] want = f64.parameters().get(i).value().toArray();
      float[] got = rounded.parameters().get(i).value().floatBuffer();
      for (int k = 0; k < want.length; k++) {
        assertEquals((float) want[k], got[k], 0f);
      }
    }
    Sequential into = net(DType.FLOAT32);
    into.parameters().forEach(p -> p.value().fillInPlace(0));
    ModelFile.loadIntoConverting(into, f);
    assertEquals(rounded.parameters(), into.parameters());
  }

  @Test
  void aFloat32FileLoadsIntoFloat64Exactly() throws IOException {
    Sequential f32 = net(DType.FLOAT32);
    Path f = saved(f32, "f32.crm");
    Sequential wide = net(DType.FLOAT64);
    ModelFile.loadIntoConverting(wide, f);
    for (int i = 0; i < f32.parameters().size(); i++) {
      assertEquals(f32.parameters().get(i).value().to(DType.FLOAT64),
          wide.parameters().get(i).value());
    }
  }

  @Test
  void loadingAcrossDtypesWithoutAskingIsRefused() throws IOException {
    Path f = saved(net(DType.FLOAT64), "f64.crm");
    Sequential f32 = net(DType.FLOAT32);
    String m = assertThrows(ModelFileException.class, () -> ModelFile.loadInto(f32, f))
        .getMessage();
    assertTrue(m.startsWith(f + ": the file holds float64 values but the model computes in "
        + "float32"), m);
    assertTrue(m.contains("ModelFile.loadIntoConverting"), m);
  }

  @Test
  void aValueBeyondFloat32RangeIsRefusedNamingIt() throws IOException {
    Sequential big = Sequential.of(List.of(new Dense(1, Layout.ROW, Activation.identity(),
        Tensor.matrix(new double[] {1.0}, new double[] {1e39}), Tensor.row(0.5))));
    Path f = saved(big, "big.crm");
    String m = assertThrows(ModelFileException.class, () -> ModelFile.load(f, DType.FLOAT32))
        .getMessage();
    assertTrue(m.startsWith(f + ": W[1] holds 1.0E39 at flat position 1"), m);
  }

  /**
   * A file of format version 2 (before the dtype), assembled byte by byte from the version-2
   * layout, reads as float64.
   */
  @Test
  void filesBeforeVersionThreeAreFloat64() throws IOException {
    String header = "{\"format\":\"chainrule-model\",\"parameters\":[{\"name\":\"w\","
        + "\"shape\":[2]}]}";
    Path f = dir.resolve("v2.crm");
    Files.write(f, assemble(2, header, 8, 0.1, -2.5));
    ModelFile.Contents c = ModelFile.read(f);
    assertEquals(List.of(new Parameter("w", Tensor.of(new double[] {0.1, -2.5}, 2))),
        c.parameters());
  }

  @Test
  void aFloat32FileHoldsFourByteBlocks() throws IOException {
    String header = "{\"format\":\"chainrule-model\",\"dtype\":\"float32\",\"parameters\":[{"
        + "\"name\":\"w\",\"shape\":[2]}]}";
    Path f = dir.resolve("v3.crm");
    Files.write(f, assemble(3, header, 4, 0.1, -2.5));
    Parameter w = ModelFile.read(f).parameters().get(0);
    assertEquals(Tensor.ofFloats(new float[] {0.1f, -2.5f}, 2), w.value());
  }

  @Test
  void anUnknownDtypeWithAValidChecksumIsNamed() throws IOException {
    String header = "{\"format\":\"chainrule-model\",\"dtype\":\"float16\",\"parameters\":[{"
        + "\"name\":\"w\",\"shape\":[2]}]}";
    Path f = dir.resolve("f16.crm");
    Files.write(f, assemble(3, header, 4, 0.1, -2.5));
    String m = assertThrows(ModelFileException.class, () -> ModelFile.read(f)).getMessage();
    assertEquals(f + ": corrupt or unknown dtype 'float16' in the header; this version of "
        + "chainrule reads float64 and float32 values", m);
    String missing = "{\"format\":\"chainrule-model\",\"parameters\":[{\"name\":\"w\","
        + "\"shape\":[2]}]}";
    Files.write(f, assemble(3, missing, 4, 0.1, -2.5));
    String m2 = assertThrows(ModelFileException.class, () -> ModelFile.read(f)).getMessage();
    assertTrue(m2.contains("dtype is missing"), m2);
  }

  @Test
  void aDamagedDtypeByteIsACorruptFile() throws IOException {
    Path f = saved(net(DType.FLOAT32), "f32.crm");
    byte[] bytes = Files.readAllBytes(f);
    int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("float32") + 5;
    bytes[at] = '6';
    Files.write(f, bytes);
    String m = assertThrows(ModelFileException.class, () -> ModelFile.load(f)).getMessage();
    assertTrue(m.startsWith(f + ": corrupt: CRC-32"), m);
  }

  /** Returns a file of {@code json} and values of {@code width} bytes, with a correct CRC-32. */
  private static byte[] assemble(int version, String json, int width, double... values) {
    byte[] header = json.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(24 + header.length + width * values.length + 4)
        .order(ByteOrder.LITTLE_ENDIAN);
    b.put("chainrule-model\n".getBytes(StandardCharsets.US_ASCII)).putInt(version)
        .putInt(header.length).put(header);
    for (double v : values) {
      if (width == 4) {
        b.putFloat((float) v);
      } else {
        b.putDouble(v);
      }
    }
    CRC32 crc = new CRC32();
    crc.update(b.array(), 0, b.position());
    b.putInt((int) crc.getValue());
    return b.array();
  }
}
