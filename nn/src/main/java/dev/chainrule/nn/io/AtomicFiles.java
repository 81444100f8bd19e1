package dev.chainrule.nn.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers see either the old contents or the complete new ones, never a
 * half-written file: the bytes go to a new temporary file in the same directory (with the
 * permissions a newly created file normally gets), are forced to disk, and the temporary file is
 * renamed over the target in one atomic step. On failure the temporary file is removed.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes what {@code contents} produces to {@code target}, atomically. */
  public static void write(Path target, Contents contents) throws IOException {
    Path file = target.toAbsolutePath();
    Path dir = file.getParent();
    Files.createDirectories(dir);
    Path tmp = dir.resolve("." + file.getFileName() + "."
        + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
    boolean moved = false;
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE)) {
        OutputStream out = Channels.newOutputStream(ch);
        contents.writeTo(out);
        out.flush();
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /** Produces a file's contents. */
  @FunctionalInterface
  public interface Contents {
    /** Writes the contents to {@code out}, which the caller closes. */
    void writeTo(OutputStream out) throws IOException;
  }
}
