package dev.chainrule.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which commands start a second JVM for a quick first picture, its command line, and its
 * class-data archive's life: written by the first run, used by the next, replaced when the jar
 * changes.
 */
class QuickStartTest {
  @TempDir
  Path dir;

  @Test
  void onlyAOnePictureGraphCommandDrawnByTheBundledGraphvizStartsASecondJvm() {
    assertTrue(QuickStart.worthIt(args("graph mazur"), false), "PNG by default, no dot");
    assertFalse(QuickStart.worthIt(args("graph mazur"), true), "dot draws it");
    assertTrue(QuickStart.worthIt(args("graph mazur --values --engine wasm"), true));
    assertTrue(QuickStart.worthIt(args("graph mazur --engine=wasm --format=svg"), true));
    assertTrue(QuickStart.worthIt(args("graph cnn --format dot,png"), false));
    assertFalse(QuickStart.worthIt(args("graph cnn --format dot"), false), "no picture");
    assertFalse(QuickStart.worthIt(args("graph mazur --engine dot"), false), "dot or nothing");
    assertFalse(QuickStart.worthIt(args("graph --all --engine wasm"), false),
        "many pictures repay the optimising compiler");
    assertFalse(QuickStart.worthIt(args("graph --help"), false));
    assertFalse(QuickStart.worthIt(args("mazur"), false));
    assertFalse(QuickStart.worthIt(new String[0], false));
  }

  @Test
  void theSecondJvmCompilesQuicklyAndWritesItsArchiveThenUsesIt() throws Exception {
    Path jar = Files.writeString(dir.resolve("x.jar"), "not really a jar");
    Path cache = dir.resolve("cache");
    QuickStart.Archive first = QuickStart.Archive.of(jar, cache).orElseThrow();
    List<String> command = QuickStart.command(Path.of("/jdk/bin/java"), jar, Optional.of(first),
        args("graph mazur --values"));
    assertEquals("/jdk/bin/java", command.get(0));
    assertEquals("-XX:TieredStopAtLevel=1", command.get(1));
    String write = command.get(2);
    assertTrue(write.startsWith("-XX:ArchiveClassesAtExit=" + cache), write);
    assertEquals(List.of("-Xlog:cds=off,cds+dynamic=off",
        "-D" + QuickStart.CHILD + "=true", "-jar", jar.toString(), "graph", "mazur", "--values"),
        command.subList(3, command.size()));

    Path written = Path.of(write.substring(write.indexOf('=') + 1));
    Files.writeString(written, "archive");
    first.keepIfWritten();
    assertFalse(Files.exists(written), "moved into place");
    List<Path> kept = list(cache);
    assertEquals(1, kept.size(), kept.toString());
    assertTrue(kept.get(0).toString().endsWith(".jsa"));
    assertEquals(List.of("-XX:SharedArchiveFile=" + kept.get(0), "-Xlog:cds=off,cds+dynamic=off"),
        QuickStart.Archive.of(jar, cache).orElseThrow().options());

    Files.writeString(jar, "rebuilt, a different size");
    QuickStart.Archive rebuilt = QuickStart.Archive.of(jar, cache).orElseThrow();
    String again = rebuilt.options().get(0);
    assertTrue(again.startsWith("-XX:ArchiveClassesAtExit="), "the old archive does not fit");
    Files.writeString(Path.of(again.substring(again.indexOf('=') + 1)), "new archive");
    rebuilt.keepIfWritten();
    List<Path> now = list(cache);
    assertEquals(1, now.size(), "the old one is replaced: " + now);
    assertEquals("new archive", Files.readString(now.get(0)));
  }

  @Test
  void aFailedFirstRunLeavesNoArchive() throws Exception {
    Path jar = Files.writeString(dir.resolve("x.jar"), "jar");
    QuickStart.Archive.of(jar, dir.resolve("cache")).orElseThrow().keepIfWritten();
    assertEquals(List.of(), list(dir.resolve("cache")));
  }

  @Test
  void dotIsFoundOnlyAsAnExecutableOnThePath() throws Exception {
    Path bin = Files.createDirectory(dir.resolve("bin"));
    assertFalse(QuickStart.dotOnPath(bin.toString()));
    Path dot = Files.writeString(bin.resolve("dot"), "#!/bin/sh\n");
    assertFalse(QuickStart.dotOnPath(bin.toString()), "not executable");
    Files.setPosixFilePermissions(dot, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertTrue(QuickStart.dotOnPath("/nonexistent" + java.io.File.pathSeparator + bin));
    assertFalse(QuickStart.dotOnPath(null));
  }

  private static String[] args(String line) {
    return line.split(" ");
  }

  private static List<Path> list(Path directory) throws Exception {
    try (var files = Files.list(directory)) {
      return files.sorted().toList();
    }
  }
}
