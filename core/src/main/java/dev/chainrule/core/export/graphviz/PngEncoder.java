package dev.chainrule.core.export.graphviz;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes an opaque RGB image as a PNG file, fast: each row with the Sub filter (a graph picture is
 * mostly flat colour, which that filter turns into runs of zeros) and deflated at speed level 1.
 * {@code ImageIO}'s writer tries every filter on every row and took four to five times longer on
 * the same pictures (docs/graphs.md has the measurement).
 */
final class PngEncoder {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
  private static final int SUB = 1;

  private PngEncoder() {}

  /** Returns the PNG bytes of {@code image}, which must be {@code TYPE_INT_RGB}. */
  static byte[] encode(BufferedImage image) {
    if (image.getType() != BufferedImage.TYPE_INT_RGB) {
      throw new IllegalArgumentException("expected an RGB image, got type " + image.getType());
    }
    int width = image.getWidth();
    int height = image.getHeight();
    int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    try {
      ByteArrayOutputStream file = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(file);
      out.write(SIGNATURE);
      ByteArrayOutputStream header = new ByteArrayOutputStream();
      DataOutputStream h = new DataOutputStream(header);
      h.writeInt(width);
      h.writeInt(height);
      h.write(new byte[] {8, 2, 0, 0, 0});
      chunk(out, "IHDR", header.toByteArray());
      chunk(out, "IDAT", rows(pixels, width, height));
      chunk(out, "IEND", new byte[0]);
      return file.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] rows(int[] pixels, int width, int height) throws IOException {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try (DeflaterOutputStream z = new DeflaterOutputStream(data, deflater, 1 << 16)) {
      byte[] row = new byte[1 + 3 * width];
      row[0] = SUB;
      for (int y = 0; y < height; y++) {
        int left = 0;
        for (int x = 0; x < width; x++) {
          int p = pixels[y * width + x];
          int at = 1 + 3 * x;
          row[at] = (byte) ((p >> 16) - (left >> 16));
          row[at + 1] = (byte) ((p >> 8) - (left >> 8));
          row[at + 2] = (byte) (p - left);
          left = p;
        }
        z.write(row);
      }
    } finally {
      deflater.end();
    }
    return data.toByteArray();
  }

  private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.writeInt(data.length);
    out.write(name);
    out.write(data);
    out.writeInt((int) crc.getValue());
  }
}
