package dev.chainrule.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.core.testing.ForkedJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * A program that draws a picture and chose no SLF4J backend sees nothing on standard error: not
 * SLF4J's "No SLF4J providers were found" warning, which graphviz-java's first log call would
 * otherwise print. The tests run without a provider, as such a program does.
 */
class QuietSlf4jTest {
  /** A user's program: renders a two-node graph to an SVG file named by its argument. */
  public static final class Picture {
    /** Writes {@code args[0]} and prints the renderer's message. */
    public static void main(String[] args) throws IOException {
      RenderResult r = Renderer.auto().write("digraph g { a -> b }", Path.of(args[0]),
          ImageFormat.SVG);
      System.out.println(r.rendered() + " " + r.message());
    }
  }

  @Test
  void theTestsRunWithoutAnSlf4jProvider() {
    assertFalse(ServiceLoader.load(SLF4JServiceProvider.class).iterator().hasNext(),
        "a provider on the test class path would hide the warning this test looks for");
  }

  @Test
  void drawingPrintsNothingOnStandardError(@TempDir Path dir) throws Exception {
    ForkedJvm run = ForkedJvm.run(Picture.class, dir, List.of(), dir.resolve("g.svg").toString());
    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().startsWith("true wrote"), run.out());
    assertTrue(Files.readString(dir.resolve("g.svg")).contains("<svg"));
    assertEquals("", run.err(), "a program that configured no logging printed on stderr");
  }
}
