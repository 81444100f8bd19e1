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
 * half-written file: the bytes go to a new temporary file {@code .<name>.<hex>.tmp} in the same
 * directory (with the permissions a newly created file normally gets), are forced to disk, and the
 * temporary file is renamed over the target in one atomic step. On failure the temporary file is
 * removed.
 *
 * <p>A writer that is killed cannot remove its temporary file. So that such files do not pile up,
 * each write first removes the temporary files of the same target whose writers are dead: the
 * writer holds an exclusive lock on its temporary file for as long as it writes, the operating
 * system drops a dead process's locks, and a temporary file whose lock can be taken therefore has
 * no live writer ({@link StaleTemporaries}).
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * Writes what {@code contents} produces to {@code target}, atomically, after removing the
   * temporary files that dead writers left beside {@code target}.
   */
  public static void write(Path target, Contents contents) throws IOException {
    Path file = target.toAbsolutePath();
    Path dir = file.getParent();
    Files.createDirectories(dir);
    StaleTemporaries.removeFor(file);
    boolean moved = false;
    Path tmp = null;
    try {
      FileChannel ch = null;
      while (ch == null) {
        tmp = StaleTemporaries.begin(dir.resolve("." + file.getFileName() + "."
            + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp"));
        ch = openLocked(tmp);
      }
      try (FileChannel c = ch) {
        OutputStream out = Channels.newOutputStream(c);
        contents.writeTo(out);
        out.flush();
        c.force(true);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
        moved = true;
      }
    } finally {
      if (tmp != null) {
        if (!moved) {
          Files.deleteIfExists(tmp);
        }
        StaleTemporaries.end(tmp);
      }
    }
  }

  /**
   * Creates {@code tmp} and locks it, or returns null (having forgotten {@code tmp}) when another
   * process's clean-up removed it between its creation and the lock, so that the caller draws a
   * new name. Where the file system has no locks, the file is written unlocked (and no clean-up
   * can lock, hence remove, it).
   */
  private static FileChannel openLocked(Path tmp) throws IOException {
    FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE);
    try {
      ch.lock();
    } catch (IOException noLocks) {
      return ch;
    }
    if (Files.exists(tmp)) {
      return ch;
    }
    ch.close();
    StaleTemporaries.end(tmp);
    return null;
  }

  /** Produces a file's contents. */
  @FunctionalInterface
  public interface Contents {
    /** Writes the contents to {@code out}, which the caller closes. */
    void writeTo(OutputStream out) throws IOException;
  }
}
