package dev.chainrule.nn.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Finds and removes the temporary files that {@link AtomicFiles} writers killed mid-write left
 * behind. A writer holds an exclusive lock on its temporary file while it writes; locks belong to
 * processes and die with them, so a temporary file whose lock this process can take has no live
 * writer and is removed, and one whose lock is held is left alone. Temporary files being written
 * by this process are never opened (closing any channel to a file drops all of this process's
 * locks on it): they are remembered in a set while they are written.
 */
final class StaleTemporaries {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{1,16}");
  private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

  private StaleTemporaries() {}

  /** Records that this process is about to create and write {@code tmp}; returns it. */
  static Path begin(Path tmp) {
    WRITING.add(tmp);
    return tmp;
  }

  /** Records that this process has finished with {@code tmp}. */
  static void end(Path tmp) {
    WRITING.remove(tmp);
  }

  /**
   * Returns whether {@code name} is the name of a temporary file of {@code target}: {@code
   * .<target>.<hex>.tmp}.
   */
  static boolean isTemporaryOf(String name, Path target) {
    String prefix = "." + target.getFileName() + ".";
    return name.startsWith(prefix) && name.endsWith(".tmp")
        && name.length() > prefix.length() + 4
        && HEX.matcher(name.substring(prefix.length(), name.length() - 4)).matches();
  }

  /**
   * Removes the temporary files of {@code target} (absolute) whose writers are dead. Best effort:
   * a file that cannot be listed, opened, locked or deleted is left where it is, and the caller's
   * write goes ahead regardless.
   */
  static void removeFor(Path target) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(target.getParent(),
        p -> isTemporaryOf(p.getFileName().toString(), target))) {
      for (Path tmp : files) {
        if (!WRITING.contains(tmp)) {
          removeIfDead(tmp);
        }
      }
    } catch (IOException | RuntimeException e) {
      // best effort: a directory that cannot be listed leaves its temporary files in place
    }
  }

  private static void removeIfDead(Path tmp) {
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      FileLock lock = ch.tryLock();
      if (lock != null) {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException | OverlappingFileLockException e) {
      // gone already, not ours to open, or locked: a live writer's file stays
    }
  }
}
