package dev.chainrule.examples.training;

import dev.chainrule.nn.train.EpochStats;
import dev.chainrule.nn.train.History;
import dev.chainrule.nn.train.TrainingListener;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A console progress bar for training (me.tongfei:progressbar, drawn on standard error): either
 * one bar per epoch followed by a summary line, for long epochs, or one bar over the whole run,
 * for many short epochs. {@link #forRun} draws no bar when the output is JSON or standard output
 * is not a terminal, so pipes and CI logs stay clean (the per-epoch summary lines still go to
 * a pipe, but never into JSON).
 */
public final class ConsoleProgress implements TrainingListener {
  private final boolean perEpoch;
  private final Consumer<EpochStats> summary;
  private ProgressBar bar;
  private int epochs;
  private int firstEpoch;
  private int batches;
  private long done;

  private ConsoleProgress(boolean perEpoch, Consumer<EpochStats> summary) {
    this.perEpoch = perEpoch;
    this.summary = summary;
  }

  /**
   * Returns a progress listener: nothing when {@code quiet}; without a console only the
   * per-epoch {@code summary} (if any); otherwise bars, one per epoch when {@code perEpoch} (each
   * followed by its {@code summary}) or one for the whole run.
   */
  public static TrainingListener forRun(boolean quiet, boolean perEpoch,
      Consumer<EpochStats> summary) {
    if (quiet) {
      return TrainingListener.NONE;
    }
    if (System.console() == null) {
      return summary == null ? TrainingListener.NONE : new TrainingListener() {
        @Override
        public void onEpochEnd(EpochStats stats) {
          summary.accept(stats);
        }
      };
    }
    return new ConsoleProgress(perEpoch, summary);
  }

  /** Returns a summary printer writing one line per epoch to {@code out}. */
  public static Consumer<EpochStats> printer(PrintStream out) {
    return s -> out.println(describe(s));
  }

  /** Returns one line describing an epoch: losses, accuracies and time. */
  public static String describe(EpochStats s) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "epoch %3d  lr %.2e  train loss %.4f", s.epoch() + 1, s.learningRate(), s.trainLoss()));
    if (!Double.isNaN(s.trainAccuracy())) {
      sb.append(String.format(Locale.ROOT, " acc %.4f", s.trainAccuracy()));
    }
    if (s.hasValidation()) {
      sb.append(String.format(Locale.ROOT, "  validation loss %.4f", s.validationLoss()));
      if (!Double.isNaN(s.validationAccuracy())) {
        sb.append(String.format(Locale.ROOT, " acc %.4f", s.validationAccuracy()));
      }
    }
    return sb.append(String.format(Locale.ROOT, "  %.2fs", s.seconds())).toString();
  }

  @Override
  public void onStart(int epochs, int batchesPerEpoch) {
    this.epochs = epochs;
    this.firstEpoch = -1;
    this.batches = batchesPerEpoch;
    if (!perEpoch) {
      bar = open("training", (long) epochs * batchesPerEpoch);
    }
  }

  @Override
  public void onEpochStart(int epoch, double learningRate) {
    if (firstEpoch < 0) {
      firstEpoch = epoch;
    }
    if (perEpoch) {
      bar = open(epochOf(epoch, firstEpoch, epochs), batches);
    }
  }

  /**
   * Returns "epoch k/n" for {@code epoch} (from 0) of a run of {@code epochs} that began at {@code
   * firstEpoch}: a trainer counts epochs on over its fits, so a resumed run of 2 epochs after 3
   * shows epochs 4/5 and 5/5.
   */
  static String epochOf(int epoch, int firstEpoch, int epochs) {
    return String.format(Locale.ROOT, "epoch %d/%d", epoch + 1, firstEpoch + epochs);
  }

  @Override
  public void onBatchEnd(int epoch, int batch, double loss) {
    done++;
    bar.stepTo(perEpoch ? batch + 1 : done);
    bar.setExtraMessage(perEpoch ? String.format(Locale.ROOT, "loss %.4f", loss)
        : epochOf(epoch, firstEpoch, epochs) + String.format(Locale.ROOT, " loss %.4f", loss));
  }

  @Override
  public void onEpochEnd(EpochStats stats) {
    if (perEpoch) {
      bar.close();
      if (summary != null) {
        summary.accept(stats);
      }
    }
  }

  @Override
  public void onEnd(History history) {
    if (!perEpoch && bar != null) {
      bar.close();
    }
  }

  private static ProgressBar open(String task, long max) {
    return new ProgressBarBuilder().setTaskName(task).setInitialMax(max)
        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).build();
  }
}
