package dev.chainrule.examples.cli;

import dev.chainrule.cli.Cli;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * Runs a one-picture {@code graph} command in a second JVM started for a short run, when the
 * picture will be drawn by the bundled Graphviz: that JVM compiles with the quick compiler only
 * ({@code -XX:TieredStopAtLevel=1}: a first picture does not live long enough to repay the
 * optimising compiler, which costs more CPU than the picture itself) and maps the classes it needs
 * from a class-data archive ({@code -XX:SharedArchiveFile}, AppCDS) instead of loading and
 * verifying them. The archive is written by the first such run, into {@code
 * ~/.cache/chainrule/cds/} (or {@code $XDG_CACHE_HOME/chainrule/cds/}), one per jar and JDK
 * (about 15 MB; a rebuilt jar replaces its own). The command runs here instead when the JVM was
 * started with any option of its own ({@code -D…}, {@code -XX:…}, an agent: the user chose the
 * JVM), outside a jar, with {@code --all}, or when the {@code dot} program will draw.
 */
public final class QuickStart {
  /** The system property that marks the second JVM, so that it does not start a third. */
  static final String CHILD = "chainrule.quickstart.child";

  private QuickStart() {}

  /** Returns true in the second JVM, whose picture the bundled Graphviz draws. */
  public static boolean isSecondJvm() {
    return System.getProperty(CHILD) != null;
  }

  /**
   * Runs {@code args} in a second JVM when {@link #worthIt} says so, and returns its exit status;
   * empty when the command is to run in this JVM (also when the second JVM cannot be started).
   */
  public static OptionalInt run(String[] args) {
    List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
    Path jar = Path.of(System.getProperty("java.class.path", ""));
    if (isSecondJvm() || !jvmOptions.isEmpty()
        || !jar.toString().endsWith(".jar") || !Files.isRegularFile(jar)
        || !worthIt(args, dotOnPath(System.getenv("PATH")))) {
      return OptionalInt.empty();
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Optional<Archive> archive = Archive.of(jar, cacheDirectory());
    try {
      Process child = new ProcessBuilder(command(java, jar, archive, args)).inheritIO().start();
      Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
      int status = child.waitFor();
      archive.ifPresent(Archive::keepIfWritten);
      return OptionalInt.of(status);
    } catch (IOException e) {
      return OptionalInt.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalInt.of(Cli.FAILED);
    }
  }

  /**
   * Returns true when {@code args} are a {@code graph} command that draws SVG or PNG pictures
   * (PNG is the default format) of one example with the bundled Graphviz: {@code --engine wasm},
   * or {@code auto} (the default) where {@code dot} is not installed.
   */
  static boolean worthIt(String[] args, boolean dotInstalled) {
    if (args.length == 0 || !args[0].equals("graph")) {
      return false;
    }
    List<String> list = List.of(args);
    if (list.contains("--all") || list.contains("--help") || list.contains("-h")) {
      return false;
    }
    String formats = value(list, "--format").orElse("png");
    String engine = value(list, "--engine").orElse("auto");
    boolean picture = Stream.of(formats.split(",")).anyMatch(f -> f.equals("png")
        || f.equals("svg"));
    return picture && (engine.equals("wasm") || engine.equals("auto") && !dotInstalled);
  }

  /** Returns the second JVM's command line. */
  static List<String> command(Path java, Path jar, Optional<Archive> archive, String[] args) {
    List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:TieredStopAtLevel=1"));
    archive.ifPresent(a -> command.addAll(a.options()));
    command.addAll(List.of("-D" + CHILD + "=true", "-jar", jar.toString()));
    command.addAll(List.of(args));
    return command;
  }

  /** Returns the value of {@code --name VALUE} or {@code --name=VALUE}, the last one given. */
  private static Optional<String> value(List<String> args, String name) {
    String found = null;
    for (int i = 1; i < args.size(); i++) {
      if (args.get(i).equals(name) && i + 1 < args.size()) {
        found = args.get(i + 1);
      } else if (args.get(i).startsWith(name + "=")) {
        found = args.get(i).substring(name.length() + 1);
      }
    }
    return Optional.ofNullable(found);
  }

  /** Returns true when an executable {@code dot} is in one of {@code path}'s directories. */
  static boolean dotOnPath(String path) {
    if (path == null) {
      return false;
    }
    String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
        ? "dot.exe" : "dot";
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
        return true;
      }
    }
    return false;
  }

  private static Path cacheDirectory() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("chainrule").resolve("cds");
  }

  /**
   * The class-data archive of one jar on one JDK: its file name holds a hash of the jar's path and
   * one of the jar's size, modification time and the JDK, so that a rebuilt jar or another JDK
   * gets a new archive (the JVM checks the archive too, and ignores one that does not match).
   */
  static final class Archive {
    private final Path file;
    private final Path written;

    private Archive(Path file, Path written) {
      this.file = file;
      this.written = written;
    }

    /** Returns the archive for {@code jar} in {@code directory}, empty when it cannot be made. */
    static Optional<Archive> of(Path jar, Path directory) {
      try {
        Files.createDirectories(directory);
        String place = Integer.toHexString(jar.toAbsolutePath().normalize().hashCode());
        String version = Long.toHexString(Files.size(jar) * 31
            + Files.getLastModifiedTime(jar).toMillis() * 17
            + System.getProperty("java.vm.version", "").hashCode()
            + System.getProperty("java.home", "").hashCode());
        Path file = directory.resolve(place + "-" + version + ".jsa");
        return Optional.of(new Archive(file, directory.resolve(place + "-" + version + "."
            + ProcessHandle.current().pid() + ".tmp")));
      } catch (IOException | SecurityException e) {
        return Optional.empty();
      }
    }

    /**
     * Returns the JVM options that use the archive, or write it at exit when there is none yet;
     * the JVM's messages about the archive are switched off (it runs without one when the file
     * does not fit).
     */
    List<String> options() {
      return List.of(Files.isRegularFile(file) ? "-XX:SharedArchiveFile=" + file
          : "-XX:ArchiveClassesAtExit=" + written, "-Xlog:cds=off,cds+dynamic=off");
    }

    /**
     * Moves an archive the second JVM wrote into place, replacing this jar's older ones; does
     * nothing when none was written.
     */
    void keepIfWritten() {
      if (!Files.isRegularFile(written)) {
        return;
      }
      String place = file.getFileName().toString().replaceAll("-.*", "-");
      try (Stream<Path> old = Files.list(file.getParent())) {
        for (Path p : (Iterable<Path>) old::iterator) {
          String name = p.getFileName().toString();
          if (name.startsWith(place) && name.endsWith(".jsa")) {
            Files.deleteIfExists(p);
          }
        }
        Files.move(written, file, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException | UnsupportedOperationException e) {
        try {
          Files.deleteIfExists(written);
        } catch (IOException ignored) {
          // the next run writes a new one
        }
      }
    }
  }
}
