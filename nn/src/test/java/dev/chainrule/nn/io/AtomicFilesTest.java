package dev.chainrule.nn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir
  Path dir;

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path f = dir.resolve("model.crm");
    Files.writeString(f, "old");
    IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
      out.write("half of the new".getBytes(StandardCharsets.UTF_8));
      throw new IOException("disk full");
    }));
    assertEquals("disk full", e.getMessage());
    assertEquals("old", Files.readString(f));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(f), files.toList());
    }
  }

  @Test
  void writesIntoNewDirectories() throws IOException {
    Path f = dir.resolve("a/b/curve.png");
    AtomicFiles.write(f, out -> out.write(new byte[] {1, 2, 3}));
    assertEquals(3, Files.size(f));
  }
}
