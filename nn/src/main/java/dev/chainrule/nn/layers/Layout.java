package dev.chainrule.nn.layers;

import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.Locale;

/**
 * Where the samples of a batch lie. {@link #COLUMN} is the layout of seeds 000, 003 and 004: A is
 * (features, m), one sample a column, and a dense layer computes Z = W·A + b with W of shape
 * (units, inputs) and b (units, 1). {@link #ROW} is seed 002's: A is (m, features), one sample a
 * row, Z = A·W + b with W (inputs, units) and b (1, units).
 */
public enum Layout {
  /** Samples are columns: data (features, m). */
  COLUMN,
  /** Samples are rows: data (m, features). */
  ROW;

  /** Returns the axis that counts samples: 1 for columns, 0 for rows. */
  public int sampleAxis() {
    return this == COLUMN ? 1 : 0;
  }

  /** Returns the axis that counts features, units or classes: 0 for columns, 1 for rows. */
  public int featureAxis() {
    return 1 - sampleAxis();
  }

  /** Returns the shape of {@code samples} samples of {@code features} values in this layout. */
  public Shape dataShape(int features, int samples) {
    return this == COLUMN ? Shape.of(features, samples) : Shape.of(samples, features);
  }

  /** Returns the shape of a weight matrix from {@code inputs} to {@code units} in this layout. */
  public Shape weightShape(int inputs, int units) {
    return this == COLUMN ? Shape.of(units, inputs) : Shape.of(inputs, units);
  }

  /** Returns the shape of a bias vector of {@code units} in this layout. */
  public Shape biasShape(int units) {
    return this == COLUMN ? Shape.of(units, 1) : Shape.of(1, units);
  }

  /** Returns the number of samples in a data tensor of this layout. */
  public int samples(Shape data) {
    return data.dim(sampleAxis());
  }

  /** Returns the number of features (or units) in a data tensor of this layout. */
  public int features(Shape data) {
    return data.dim(featureAxis());
  }

  /** Returns rows (m, features) in this layout: themselves for ROW, transposed for COLUMN. */
  public Tensor fromRows(Tensor rows) {
    return this == ROW ? rows : rows.transpose();
  }

  /** Returns data of this layout as rows (m, features). */
  public Tensor toRows(Tensor data) {
    return this == ROW ? data : data.transpose();
  }

  /** Returns the lower-case name used in files and reports: "column" or "row". */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns the layout named {@code id} ("column" or "row", any case); throws for others. */
  public static Layout parse(String id) {
    for (Layout l : values()) {
      if (l.id().equalsIgnoreCase(id)) {
        return l;
      }
    }
    throw new IllegalArgumentException("unknown layout '" + id + "'; use \"column\" (samples are "
        + "columns, Z = W·A + b) or \"row\" (samples are rows, Z = A·W + b)");
  }
}
