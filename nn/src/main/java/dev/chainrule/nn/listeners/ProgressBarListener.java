package dev.chainrule.nn.listeners;

import dev.chainrule.nn.train.EpochStats;
import dev.chainrule.nn.train.History;
import dev.chainrule.nn.train.TrainingListener;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A terminal progress bar for training, drawn on standard error (or {@link #drawingTo} another
 * stream) with me.tongfei:progressbar:
 * either one bar over the whole run ({@link #wholeRun}, for many short epochs) or one bar per
 * epoch ({@link #perEpoch}, for long ones), showing the latest batch's loss. Immutable settings;
 * one instance follows one {@code fit} at a time.
 *
 * <pre>{@code
 * FitOptions.defaults().epochs(20).listener(ProgressBarListener.perEpoch()
 *     .withSummary(EpochLine.printer(System.out)))
 * }</pre>
 */
public final class ProgressBarListener implements TrainingListener {
  private final boolean perEpoch;
  private final Consumer<EpochStats> summary;
  private final boolean consoleOnly;
  private final PrintStream stream;
  private ProgressBar bar;
  private int epochs;
  private int firstEpoch;
  private int batches;
  private long done;

  private ProgressBarListener(boolean perEpoch, Consumer<EpochStats> summary,
      boolean consoleOnly, PrintStream stream) {
    this.perEpoch = perEpoch;
    this.summary = summary;
    this.consoleOnly = consoleOnly;
    this.stream = stream;
  }

  /** Returns a listener drawing one bar over every batch of the run. */
  public static ProgressBarListener wholeRun() {
    return new ProgressBarListener(false, null, false, null);
  }

  /** Returns a listener drawing one bar per epoch, closed when the epoch ends. */
  public static ProgressBarListener perEpoch() {
    return new ProgressBarListener(true, null, false, null);
  }

  /**
   * Returns this listener also handing every finished epoch's statistics to {@code summary}, e.g.
   * {@link EpochLine#printer}, after that epoch's bar is closed.
   */
  public ProgressBarListener withSummary(Consumer<EpochStats> summary) {
    return new ProgressBarListener(perEpoch, summary, consoleOnly, stream);
  }

  /**
   * Returns this listener drawing bars only when the program runs in a terminal ({@link
   * System#console()} is not null), so that pipes, files and CI logs get no bar updates; the
   * summary, if any, is still given every epoch.
   */
  public ProgressBarListener consoleOnly() {
    return new ProgressBarListener(perEpoch, summary, true, stream);
  }

  /**
   * Returns this listener drawing on {@code out} instead of standard error ({@link System#err} as
   * it is when a bar opens, so a program that redirects it redirects the bars too).
   */
  public ProgressBarListener drawingTo(PrintStream out) {
    return new ProgressBarListener(perEpoch, summary, consoleOnly, out);
  }

  /**
   * Returns "epoch k/n" for {@code epoch} (from 0) of a run of {@code epochs} that began at {@code
   * firstEpoch}: a trainer counts epochs on over its fits, so a resumed run of 2 epochs after 3
   * shows epochs 4/5 and 5/5.
   */
  static String epochOf(int epoch, int firstEpoch, int epochs) {
    return String.format(Locale.ROOT, "epoch %d/%d", epoch + 1, firstEpoch + epochs);
  }

  private boolean draws() {
    return !consoleOnly || System.console() != null;
  }

  @Override
  public void onStart(int epochs, int batchesPerEpoch) {
    this.epochs = epochs;
    this.firstEpoch = -1;
    this.batches = batchesPerEpoch;
    this.done = 0;
    if (!perEpoch && draws()) {
      bar = open("training", (long) epochs * batchesPerEpoch);
    }
  }

  @Override
  public void onEpochStart(int epoch, double learningRate) {
    if (firstEpoch < 0) {
      firstEpoch = epoch;
    }
    if (perEpoch && draws()) {
      bar = open(epochOf(epoch, firstEpoch, epochs), batches);
    }
  }

  @Override
  public void onBatchEnd(int epoch, int batch, double loss) {
    done++;
    if (bar == null) {
      return;
    }
    bar.stepTo(perEpoch ? batch + 1 : done);
    bar.setExtraMessage(perEpoch ? String.format(Locale.ROOT, "loss %.4f", loss)
        : epochOf(epoch, firstEpoch, epochs) + String.format(Locale.ROOT, " loss %.4f", loss));
  }

  @Override
  public void onEpochEnd(EpochStats stats) {
    if (perEpoch) {
      close();
    }
    if (summary != null) {
      summary.accept(stats);
    }
  }

  @Override
  public void onEnd(History history) {
    close();
  }

  private void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }

  private ProgressBar open(String task, long max) {
    return new ProgressBarBuilder().setTaskName(task).setInitialMax(max)
        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200)
        .setConsumer(new ConsoleProgressBarConsumer(stream != null ? stream : System.err))
        .build();
  }
}
