package dev.chainrule.nn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data in float32: IDX pixels read straight into floats equal the float64 pixels rounded, and
 * batches, subsets and scaling keep the float32 set's dtype with the rounded float64 values.
 */
class Float32DataTest {
  @TempDir
  Path dir;

  /** Four 2 × 2 images whose 16 pixels are 0, 17, 34, …, 255 (every multiple of 17). */
  private Path images() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(IdxReader.IMAGES_MAGIC);
    out.writeInt(4);
    out.writeInt(2);
    out.writeInt(2);
    for (int p = 0; p < 16; p++) {
      out.writeByte(17 * p);
    }
    Path f = dir.resolve("images");
    Files.write(f, bytes.toByteArray());
    return f;
  }

  private Path labels() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(IdxReader.LABELS_MAGIC);
    out.writeInt(4);
    for (int l : new int[] {2, 0, 1, 2}) {
      out.writeByte(l);
    }
    Path f = dir.resolve("labels");
    Files.write(f, bytes.toByteArray());
    return f;
  }

  private Dataset read(DType dtype) throws IOException {
    return IdxReader.readDataset("tiny", images(), labels(), 3, 10, dtype);
  }

  @Test
  void idxPixelsReadAsFloatEqualTheDoublesRounded() throws IOException {
    Dataset f32 = read(DType.FLOAT32);
    Dataset f64 = read(DType.FLOAT64);
    assertEquals(DType.FLOAT32, f32.dtype());
    assertEquals(DType.FLOAT32, f32.targets().dtype());
    float[] got = f32.features().floatBuffer();
    for (int p = 0; p < 16; p++) {
      double want = 17 * p * (1.0 / 255);
      assertEquals((float) want, got[p], 0f, "pixel " + p);
    }
    assertEquals(f64.features().to(DType.FLOAT32), f32.features());
    assertEquals(f64.to(DType.FLOAT32).targets(), f32.targets());
  }

  @Test
  void batchesOfAFloat32SetAreFloat32Rows() throws IOException {
    Dataset f32 = read(DType.FLOAT32);
    Batch b = Batches.of(f32, 2).epoch(0).iterator().next();
    assertEquals(DType.FLOAT32, b.features().dtype());
    assertEquals(Shape.of(2, 3), b.targets().shape());
    assertEquals(DType.FLOAT32, b.targets().dtype());
    assertEquals(f32.features().floatBuffer()[5], b.features().floatBuffer()[5], 0f);
    assertEquals(1.0, b.targets().get(1, 0), "sample 1 has label 0");
    assertEquals(DType.FLOAT32, b.featuresColumns().dtype());
    assertEquals(b.features().get(1, 2), b.featuresColumns().get(2, 1));
    Dataset picked = f32.subset(new int[] {3, 0});
    assertEquals(DType.FLOAT32, picked.dtype());
    assertEquals(f32.features().get(3, 1), picked.features().get(0, 1));
  }

  @Test
  void scalingAFloat32SetIsTheFloat64ScalingRounded() throws IOException {
    Dataset f32 = read(DType.FLOAT32);
    Dataset widened = f32.to(DType.FLOAT64);
    Scaler s32 = Scaler.standard(f32);
    Scaler s64 = Scaler.standard(widened);
    assertEquals(s64.offsets()[3], s32.offsets()[3], 0.0, "the statistics are float64 in both");
    Dataset scaled = s32.transform(f32);
    assertEquals(DType.FLOAT32, scaled.dtype());
    assertEquals(s64.transform(widened).features().to(DType.FLOAT32), scaled.features());
  }

  @Test
  void convertingToTheSameDtypeIsTheSameSet() throws IOException {
    Dataset f32 = read(DType.FLOAT32);
    assertSame(f32, f32.to(DType.FLOAT32));
  }
}
