package dev.chainrule.nn.data;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Words for the file-system exceptions of the JDK, whose messages are often the bare path
 * ({@code NoSuchFileException: /data/model.crm}): what went wrong, and with which path.
 */
public final class IoMessages {
  private IoMessages() {}

  /**
   * Returns what went wrong in words, e.g. {@code no such file or directory: /data}; a path equal
   * to {@code concerning} (the file the caller already names) is left out.
   */
  public static String reason(IOException e, Object concerning) {
    String what;
    String path = null;
    if (e instanceof FileSystemException f) {
      path = f.getFile();
      if (e instanceof NoSuchFileException) {
        what = "no such file or directory";
      } else if (e instanceof AccessDeniedException) {
        what = "permission denied";
      } else if (e instanceof NotDirectoryException) {
        what = "not a directory";
      } else if (e instanceof FileAlreadyExistsException) {
        return display(path, concerning) + " is in the way: it exists and is not a directory";
      } else {
        what = f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
      }
    } else {
      what = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
    boolean named = path == null || concerning != null && path.equals(concerning.toString());
    return named ? what : what + ": " + display(path, concerning);
  }

  /**
   * Returns {@code path} as the user would write it: relative to the working directory when the
   * user named the file concerned by a relative path and {@code path} lies below that directory.
   */
  private static String display(String path, Object concerning) {
    if (path == null || !(concerning instanceof Path p) || p.isAbsolute()) {
      return path;
    }
    Path cwd = Path.of("").toAbsolutePath();
    Path full = Path.of(path);
    return full.isAbsolute() && full.startsWith(cwd) ? cwd.relativize(full).toString() : path;
  }
}
