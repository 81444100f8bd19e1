package dev.chainrule.nn.io;

import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.model.Sequential;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child process of {@link KilledSaveTest}: saves a model with the given seed through a stream
 * that writes 4 KiB at a time with a pause after each, and prints {@code writing} once the first
 * block has reached the temporary file, so that the parent can kill it in the middle of the save.
 * With a third argument {@code hold} it then waits for a line on standard input before writing
 * on, so that the parent can act while the save is surely under way.
 */
public final class SlowSave {
  private static final int BLOCK = 4096;
  private static final long PAUSE_MILLIS = 40;

  private SlowSave() {}

  /**
   * Returns the model {@link KilledSaveTest} saves: 32-256-10, 11,018 values (88 KB, about 22
   * blocks).
   */
  static Sequential model(long seed) {
    return Sequential.builder(Layout.ROW, 32).dense(256, Activation.relu())
        .dense(10, Activation.softmax()).weights(Initializers.normal(1))
        .biases(Initializers.normal(1)).seed(seed).build();
  }

  /** Saves {@code model(args[1])} to the file {@code args[0]}, slowly; holds when args[2] asks. */
  public static void main(String[] args) throws IOException {
    boolean hold = args.length > 2 && args[2].equals("hold");
    ModelFile.save(model(Long.parseLong(args[1])), Path.of(args[0]), out -> new Slow(out, hold));
    System.out.println("saved");
  }

  /** Forwards blocks of {@link #BLOCK} bytes, pausing after each; announces the first. */
  private static final class Slow extends OutputStream {
    private final OutputStream out;
    private final boolean hold;
    private boolean announced;

    Slow(OutputStream out, boolean hold) {
      this.out = out;
      this.hold = hold;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      for (int at = off; at < off + len; at += BLOCK) {
        out.write(b, at, Math.min(BLOCK, off + len - at));
        out.flush();
        if (!announced) {
          System.out.println("writing");
          System.out.flush();
          announced = true;
          if (hold) {
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                .readLine();
          }
        }
        try {
          Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new UncheckedIOException(new IOException("interrupted", e));
        }
      }
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }
  }
}
