package dev.chainrule.core.export;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Loads the V8 engine's native library from a per-user cache, best effort. Left to itself, j2v8
 * 4.6.0 rewrites its 19 MB library into the home directory on every start (two JVMs starting
 * together race on that file) and HotSpot prints a warning because the library asks for an
 * executable stack. Here the library is copied once into the cache with that flag cleared, loaded,
 * and j2v8 is told it is loaded. On any failure nothing is changed and j2v8 loads itself as usual.
 */
final class J2v8Native {
  private static final String LIBRARY = "libj2v8_linux_x86_64.so";
  private static final int PT_GNU_STACK = 0x6474e551;

  private J2v8Native() {}

  /** Returns the directory j2v8 should use: the per-user cache, or a private temporary one. */
  static Path cacheDirectory() {
    Path dir = Path.of(System.getProperty("user.home"), ".cache", "chainrule", "j2v8-4.6.0");
    try {
      Files.createDirectories(dir);
      if (Files.isWritable(dir)) {
        return dir;
      }
    } catch (IOException | SecurityException e) {
      // fall through to a private temporary directory
    }
    try {
      Path tmp = Files.createTempDirectory("chainrule-j2v8");
      tmp.toFile().deleteOnExit();
      return tmp;
    } catch (IOException e) {
      return null;
    }
  }

  /** Loads the library from {@code dir}; returns null on success, else why not (in words). */
  static String preload(Path dir) {
    if (dir == null) {
      return "no writable directory for the V8 library";
    }
    try (InputStream in = J2v8Native.class.getClassLoader().getResourceAsStream(LIBRARY)) {
      if (in == null) {
        return "the V8 library for Linux x86-64 (j2v8) is not on the class path";
      }
      Path lib = dir.resolve("noexecstack-" + LIBRARY);
      if (!Files.exists(lib)) {
        Path tmp = Files.createTempFile(dir, "j2v8", ".tmp");
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        clearExecutableStack(tmp);
        Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
      if (dir.getFileName().toString().startsWith("chainrule-j2v8")) {
        lib.toFile().deleteOnExit();
      }
      System.load(lib.toString());
      Field loaded = Class.forName("com.eclipsesource.v8.V8").getDeclaredField(
          "nativeLibraryLoaded");
      loaded.setAccessible(true);
      loaded.setBoolean(null, true);
      return null;
    } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  /** Clears the executable flag of the PT_GNU_STACK header of a 64-bit little-endian ELF file. */
  static void clearExecutableStack(Path elf) throws IOException {
    try (FileChannel ch = FileChannel.open(elf, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      ByteBuffer h = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
      ch.read(h, 0);
      if (h.getInt(0) != 0x464c457f || h.get(4) != 2 || h.get(5) != 1) {
        return;
      }
      long offset = h.getLong(0x20);
      int size = Short.toUnsignedInt(h.getShort(0x36));
      int count = Short.toUnsignedInt(h.getShort(0x38));
      for (int i = 0; i < count; i++) {
        ByteBuffer ph = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        long at = offset + (long) i * size;
        ch.read(ph, at);
        if (ph.getInt(0) == PT_GNU_STACK) {
          ph.putInt(4, ph.getInt(4) & ~1);
          ph.position(4).limit(8);
          ch.write(ph, at + 4);
        }
      }
    }
  }
}
