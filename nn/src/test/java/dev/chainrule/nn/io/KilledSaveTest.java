package dev.chainrule.nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.model.Sequential;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A save killed half-way: a child JVM ({@link SlowSave}) saves a model over an existing file,
 * writing slowly, and is killed (SIGKILL, no shutdown hooks) once part of the new file is written.
 * The previous file must still be there byte for byte and load bit-exactly; the new bytes only
 * ever existed in a temporary file beside it. Without a previous file, no file at all appears.
 * The next save to the same target removes the dead child's temporary file, but never the
 * temporary file of a child that is still writing.
 */
class KilledSaveTest {
  @TempDir
  Path dir;

  /** Starts a child saving {@code SlowSave.model(seed)} to {@code file}, with extra arguments. */
  private Process startSave(Path file, long seed, String... extra) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-cp",
        System.getProperty("java.class.path"), SlowSave.class.getName(), file.toString(),
        Long.toString(seed)));
    command.addAll(List.of(extra));
    return new ProcessBuilder(command).redirectError(log(seed).toFile()).start();
  }

  private Path log(long seed) {
    return dir.resolve("child-" + seed + ".err");
  }

  /** Starts the child saving {@code SlowSave.model(seed)} to {@code file}; kills it mid-save. */
  private void killMidSave(Path file, long seed) throws IOException, InterruptedException {
    Process child = startSave(file, seed);
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertEquals("writing", line, () -> "the child did not start writing; its stderr: "
          + read(log(seed)));
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not die");
      assertNotEquals(0, child.exitValue(), "the child finished its save before it was killed");
    } finally {
      child.destroyForcibly();
    }
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  /** Returns the temporary files a save of {@code file} leaves when killed. */
  private List<Path> temporaries(Path file) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString()
          .startsWith("." + file.getFileName() + ".")).toList();
    }
  }

  private static long[] bits(Sequential model) {
    return model.parameters().stream().map(Parameter::value)
        .flatMapToDouble(t -> java.util.Arrays.stream(t.buffer()))
        .mapToLong(Double::doubleToRawLongBits).toArray();
  }

  @Test
  void aSaveKilledHalfWayLeavesThePreviousFileIntact() throws Exception {
    Path file = dir.resolve("model.crm");
    Sequential previous = SlowSave.model(1);
    ModelFile.save(previous, file);
    byte[] before = Files.readAllBytes(file);

    killMidSave(file, 2);

    assertArrayEquals(before, Files.readAllBytes(file), "the previous file was modified");
    assertArrayEquals(bits(previous), bits(ModelFile.load(file)));
    List<Path> partial = temporaries(file);
    assertEquals(1, partial.size(), "the killed save's temporary file: " + partial);
    Path fullSize = dir.resolve("complete.crm");
    ModelFile.save(SlowSave.model(2), fullSize);
    long written = Files.size(partial.get(0));
    assertTrue(written > 0 && written < Files.size(fullSize), "killed after " + written + " of "
        + Files.size(fullSize) + " bytes: it must be mid-save");

    ModelFile.save(SlowSave.model(4), file);
    assertEquals(List.of(), temporaries(file), "the next save left the dead writer's file");
    assertArrayEquals(bits(SlowSave.model(4)), bits(ModelFile.load(file)));
  }

  @Test
  void aFirstSaveKilledHalfWayLeavesNoFile() throws Exception {
    Path file = dir.resolve("first.crm");
    killMidSave(file, 3);
    assertFalse(Files.exists(file), "a partial file appeared under the target name");
    assertEquals(1, temporaries(file).size());
    ModelFile.save(SlowSave.model(5), file);
    assertEquals(List.of(), temporaries(file), "the next save left the dead writer's file");
  }

  /**
   * A child that is still writing (it holds mid-save until told to go on) keeps its temporary
   * file through another save of the same target, then completes its own save.
   */
  @Test
  void aSaveLeavesTheTemporaryFileOfALiveWriter() throws Exception {
    Path file = dir.resolve("shared.crm");
    Process child = startSave(file, 6, "hold");
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      assertEquals("writing", out.readLine(), () -> "the child did not start writing; its "
          + "stderr: " + read(log(6)));
      List<Path> live = temporaries(file);
      assertEquals(1, live.size(), "the child's temporary file: " + live);

      ModelFile.save(SlowSave.model(7), file);
      assertEquals(live, temporaries(file), "the live writer's temporary file was removed");
      assertArrayEquals(bits(SlowSave.model(7)), bits(ModelFile.load(file)));

      child.getOutputStream().write('\n');
      child.getOutputStream().flush();
      assertEquals("saved", out.readLine(), () -> "the child's save failed; its stderr: "
          + read(log(6)));
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not finish");
      assertEquals(0, child.exitValue());
    } finally {
      child.destroyForcibly();
    }
    assertEquals(List.of(), temporaries(file));
    assertArrayEquals(bits(SlowSave.model(6)), bits(ModelFile.load(file)));
  }
}
