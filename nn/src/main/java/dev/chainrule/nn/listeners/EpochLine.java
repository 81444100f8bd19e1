package dev.chainrule.nn.listeners;

import dev.chainrule.nn.train.EpochStats;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One line per epoch of training, for logs and terminals: {@code epoch   3  lr 1.00e-03  train
 * loss 0.4123 acc 0.8521  validation loss 0.4410 acc 0.8432  1.52s}.
 */
public final class EpochLine {
  private EpochLine() {}

  /** Returns the line describing {@code s}: learning rate, losses, accuracies and seconds. */
  public static String of(EpochStats s) {
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

  /** Returns a consumer printing {@link #of} each epoch's statistics as a line on {@code out}. */
  public static Consumer<EpochStats> printer(PrintStream out) {
    return s -> out.println(of(s));
  }
}
