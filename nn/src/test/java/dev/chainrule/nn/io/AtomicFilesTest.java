package dev.chainrule.nn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

  /**
   * Temporary files of the target left by dead writers (none holds their lock) go; files that only
   * look alike — another target's, a word where the hex belongs, no leading dot, another suffix —
   * stay.
   */
  @Test
  void theNextWriteRemovesOnlyTheTargetsStaleTemporaryFiles() throws IOException {
    Path f = dir.resolve("model.crm");
    List<String> stale = List.of(".model.crm.1f2e3d4c5b6a7980.tmp", ".model.crm.0.tmp");
    List<String> others = List.of(".model.crm.notes.tmp", ".other.crm.1f2e3d.tmp",
        "model.crm.1f2e3d.tmp", ".model.crm.1f2e3d.tmp.bak", ".model.crm..tmp",
        ".model.crm.11112222333344445.tmp");
    for (String name : stale) {
      Files.writeString(dir.resolve(name), "half a model");
    }
    for (String name : others) {
      Files.writeString(dir.resolve(name), "keep me");
    }
    AtomicFiles.write(f, out -> out.write(new byte[] {7}));
    try (var files = Files.list(dir)) {
      List<String> left = files.map(p -> p.getFileName().toString())
          .filter(n -> !n.equals("model.crm")).toList();
      assertEquals(new TreeSet<>(others), new TreeSet<>(left));
    }
    assertEquals(1, Files.size(f));
  }

  /**
   * A writer in this process that is still writing keeps its temporary file, and its lock on it
   * (which another process probes), while another thread writes the same target, and then
   * completes: the last rename wins.
   */
  @Test
  void aConcurrentWriterInThisProcessKeepsItsTemporaryFile() throws Exception {
    Path f = dir.resolve("model.crm");
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch goOn = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<?> slow = pool.submit(() -> {
        AtomicFiles.write(f, out -> {
          out.write("slow".getBytes(StandardCharsets.UTF_8));
          started.countDown();
          try {
            goOn.await();
          } catch (InterruptedException e) {
            throw new IOException(e);
          }
        });
        return null;
      });
      started.await();
      List<Path> live;
      try (var files = Files.list(dir)) {
        live = files.toList();
      }
      assertEquals(1, live.size(), live.toString());
      AtomicFiles.write(f, out -> out.write("fast".getBytes(StandardCharsets.UTF_8)));
      assertTrue(Files.exists(live.get(0)), "the live writer's temporary file was removed");
      assertEquals("held", LockProbe.probe(live.get(0)), "the live writer lost its lock");
      assertEquals("fast", Files.readString(f));
      goOn.countDown();
      slow.get();
      assertEquals("slow", Files.readString(f));
      try (var files = Files.list(dir)) {
        assertEquals(List.of(f), files.toList());
      }
    } finally {
      goOn.countDown();
      pool.shutdownNow();
    }
  }
}
