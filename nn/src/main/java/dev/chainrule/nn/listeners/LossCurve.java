package dev.chainrule.nn.listeners;

import dev.chainrule.nn.io.AtomicFiles;
import dev.chainrule.nn.train.History;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a training history's loss per epoch (training, and validation when present) as a PNG with
 * XChart, headless: no display is needed, so it works on servers and in CI. XChart is an optional
 * dependency of chainrule-nn: add {@code org.knowm.xchart:xchart} to use this class (its PDF and
 * SVG exporters, VectorGraphics2D and pdfbox-graphics2d, may be excluded).
 */
public final class LossCurve {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 540;

  private LossCurve() {}

  /**
   * Writes the loss curve of {@code history} to {@code file} (PNG), titled {@code title}; the file
   * is replaced whole or left as it was.
   *
   * @throws IllegalArgumentException if no epoch was run
   * @throws IllegalStateException if XChart is not on the class path
   */
  public static void write(History history, String title, Path file) throws IOException {
    OptionalLibrary.XCHART.require();
    if (history.epochs().isEmpty()) {
      throw new IllegalArgumentException("no epoch was run, so there is no loss curve to draw");
    }
    Charts.draw(history, title, file);
  }

  /** The part that touches XChart, loaded only once XChart is known to be present. */
  private static final class Charts {
    static void draw(History history, String title, Path file) throws IOException {
      System.setProperty("java.awt.headless", "true");
      XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
          .xAxisTitle("epoch").yAxisTitle("loss").build();
      chart.getStyler().setYAxisLogarithmic(spansDecades(history.trainLosses()));
      chart.getStyler().setXAxisTickMarkSpacingHint(90).setXAxisDecimalPattern("#");
      double[] epochs = IntStream.rangeClosed(1, history.epochs().size()).asDoubleStream()
          .toArray();
      addSeries(chart, "training", epochs, history.trainLosses());
      if (history.epochs().get(0).hasValidation()) {
        addSeries(chart, "validation", epochs, history.validationLosses());
      }
      AtomicFiles.write(file, out -> BitmapEncoder.saveBitmap(chart, out,
          BitmapEncoder.BitmapFormat.PNG));
    }

    private static void addSeries(XYChart chart, String name, double[] x, double[] y) {
      XYSeries s = chart.addSeries(name, x, y);
      s.setMarker(x.length > 50 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
    }
  }

  /** Returns true when all values are positive and span more than a factor of 10 (log axis). */
  static boolean spansDecades(double[] values) {
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (double v : values) {
      if (!(v > 0) || Double.isInfinite(v)) {
        return false;
      }
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return max > 10 * min;
  }
}
