package dev.chainrule.nn.data;

import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a numeric CSV file into a {@link Dataset}: either one column of class indices (a
 * classification set, the default being the last column) or one or more columns of real targets (a
 * regression set); every other column is a feature. A header line is optional; blank lines are
 * skipped and a cell may be wrapped in double quotes.
 *
 * <p>A reader is an immutable setting built with the {@code with…} methods, e.g. {@code
 * CsvReader.create().withHeader(true).withLabelColumn("species").read(path)}. Methods index
 * columns from 0; error messages count lines and columns from 1, as editors do, and name the file.
 */
public final class CsvReader {
  private final boolean header;
  private final char delimiter;
  private final String[] targetNames;
  private final int[] targetIndices;
  private final boolean regression;
  private final int classCount;

  private CsvReader(boolean header, char delimiter, String[] targetNames, int[] targetIndices,
      boolean regression, int classCount) {
    this.header = header;
    this.delimiter = delimiter;
    this.targetNames = targetNames;
    this.targetIndices = targetIndices;
    this.regression = regression;
    this.classCount = classCount;
  }

  /**
   * Returns a reader for comma-separated files without a header whose last column holds class
   * indices, the number of classes being the largest index plus one.
   */
  public static CsvReader create() {
    return new CsvReader(false, ',', null, null, false, 0);
  }

  /** Returns this reader expecting ({@code true}) or not expecting a header line of names. */
  public CsvReader withHeader(boolean hasHeader) {
    return new CsvReader(hasHeader, delimiter, targetNames, targetIndices, regression, classCount);
  }

  /** Returns this reader splitting cells at {@code separator} instead of a comma. */
  public CsvReader withDelimiter(char separator) {
    return new CsvReader(header, separator, targetNames, targetIndices, regression, classCount);
  }

  /** Returns this reader taking class indices from column {@code index} (from 0). */
  public CsvReader withLabelColumn(int index) {
    return new CsvReader(header, delimiter, null, new int[] {checkIndex(index)}, false,
        classCount);
  }

  /** Returns this reader taking class indices from the column named {@code name} in the header. */
  public CsvReader withLabelColumn(String name) {
    return new CsvReader(header, delimiter, new String[] {name}, null, false, classCount);
  }

  /** Returns this reader producing a regression set with targets from columns {@code indices}. */
  public CsvReader withTargetColumns(int... indices) {
    for (int i : indices) {
      checkIndex(i);
    }
    return new CsvReader(header, delimiter, null, checkNotEmpty(indices.clone()), true, 0);
  }

  /** Returns this reader producing a regression set with targets from the columns so named. */
  public CsvReader withTargetColumns(String... names) {
    if (names.length == 0) {
      throw new IllegalArgumentException("at least one target column is needed");
    }
    return new CsvReader(header, delimiter, names.clone(), null, true, 0);
  }

  /** Returns this reader with a fixed number of classes; a label outside 0..count-1 is an error. */
  public CsvReader withClassCount(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("class count must be at least 1, got " + count);
    }
    return new CsvReader(header, delimiter, targetNames, targetIndices, false, count);
  }

  private static int checkIndex(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("column index must be 0 or more, got " + index);
    }
    return index;
  }

  private static int[] checkNotEmpty(int[] indices) {
    if (indices.length == 0) {
      throw new IllegalArgumentException("at least one target column is needed");
    }
    return indices;
  }

  /** Reads {@code file} into a dataset named after the file, without its extension. */
  public Dataset read(Path file) throws IOException {
    BufferedReader opened;
    try {
      opened = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw DataFileException.unreadable(file, e);
    }
    try (BufferedReader in = opened) {
      return parse(file, in);
    }
  }

  private Dataset parse(Path file, BufferedReader in) throws IOException {
    String[] names = null;
    int width = -1;
    int widthLine = 0;
    int[] targets = null;
    boolean[] isTarget = null;
    List<double[]> rows = new ArrayList<>();
    String line;
    int lineNo = 0;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (lineNo == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank()) {
        continue;
      }
      String[] cells = split(line);
      if (width < 0) {
        width = cells.length;
        widthLine = lineNo;
        if (header) {
          names = cells;
        }
        targets = resolveTargets(file, names, width);
        isTarget = new boolean[width];
        for (int t : targets) {
          isTarget[t] = true;
        }
        if (header) {
          continue;
        }
      }
      if (cells.length != width) {
        throw new DataFileException(file, "line " + lineNo + " has " + cells.length + " cells "
            + "but line " + widthLine + (header ? " (the header)" : "") + " has " + width
            + "; every row needs the same number of cells");
      }
      double[] row = new double[width];
      for (int c = 0; c < width; c++) {
        row[c] = number(file, lineNo, c, names, cells[c]);
      }
      if (!regression) {
        checkLabel(file, lineNo, targets[0], names, row[targets[0]]);
      }
      rows.add(row);
    }
    if (rows.isEmpty()) {
      throw new DataFileException(file, "holds no data rows" + (header ? " after the header" : ""));
    }
    return build(file, rows, targets, isTarget, names);
  }

  private String[] split(String line) {
    String[] cells = line.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1);
    for (int i = 0; i < cells.length; i++) {
      String c = cells[i].strip();
      if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
        c = c.substring(1, c.length() - 1).strip();
      }
      cells[i] = c;
    }
    return cells;
  }

  private int[] resolveTargets(Path file, String[] names, int width) throws DataFileException {
    if (targetNames == null) {
      int[] indices = targetIndices == null ? new int[] {width - 1} : targetIndices;
      for (int i : indices) {
        if (i >= width) {
          throw new DataFileException(file, "column index " + i + " was chosen as "
              + (regression ? "a target" : "the label") + ", but rows have only " + width
              + " columns (indices 0.." + (width - 1) + ")");
        }
      }
      return indices;
    }
    if (names == null) {
      throw new IllegalStateException("columns chosen by name " + Arrays.toString(targetNames)
          + " need a header line; call withHeader(true) to read one from " + file);
    }
    List<String> header = Arrays.asList(names);
    int[] indices = new int[targetNames.length];
    for (int k = 0; k < targetNames.length; k++) {
      indices[k] = header.indexOf(targetNames[k]);
      if (indices[k] < 0) {
        throw new DataFileException(file, "no column named '" + targetNames[k]
            + "' in the header; its columns are " + header);
      }
    }
    return indices;
  }

  private static String where(int line, int column, String[] names) {
    return "line " + line + ", column " + (column + 1)
        + (names == null ? "" : " ('" + names[column] + "')");
  }

  private static double number(Path file, int line, int column, String[] names, String cell)
      throws DataFileException {
    String where = where(line, column, names);
    if (cell.isEmpty()) {
      throw new DataFileException(file, where + " is empty; every cell must hold a number");
    }
    char last = cell.charAt(cell.length() - 1);
    if (Character.isDigit(last) || last == '.') {
      try {
        double v = Double.parseDouble(cell);
        if (Double.isFinite(v)) {
          return v;
        }
      } catch (NumberFormatException ignored) {
        // reported below, in the file's terms
      }
    }
    throw new DataFileException(file, where + " holds '" + cell + "', which is not a finite "
        + "number");
  }

  private Dataset build(Path file, List<double[]> rows, int[] targets, boolean[] isTarget,
      String[] names) throws DataFileException {
    int n = rows.size();
    int width = isTarget.length;
    int featureCount = width - countDistinct(isTarget);
    double[] features = new double[n * featureCount];
    double[] targetValues = new double[n * targets.length];
    for (int i = 0; i < n; i++) {
      double[] row = rows.get(i);
      int f = 0;
      for (int c = 0; c < width; c++) {
        if (!isTarget[c]) {
          features[i * featureCount + f++] = row[c];
        }
      }
      for (int t = 0; t < targets.length; t++) {
        targetValues[i * targets.length + t] = row[targets[t]];
      }
    }
    String name = datasetName(file);
    Tensor x = Tensor.wrap(Shape.of(n, featureCount), features);
    if (regression) {
      return Dataset.regression(name, x, Tensor.wrap(Shape.of(n, targets.length), targetValues));
    }
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = (int) targetValues[i];
    }
    int classes = classCount > 0 ? classCount : Arrays.stream(labels).max().orElse(0) + 1;
    return Dataset.classification(name, x, labels, classes, false);
  }

  private static int countDistinct(boolean[] flags) {
    int k = 0;
    for (boolean f : flags) {
      k += f ? 1 : 0;
    }
    return k;
  }

  private void checkLabel(Path file, int line, int column, String[] names, double v)
      throws DataFileException {
    boolean inRange = classCount == 0 ? v < Integer.MAX_VALUE : v < classCount;
    if (v != Math.rint(v) || v < 0 || !inRange) {
      String value = v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
      throw new DataFileException(file, where(line, column, names) + " holds the label " + value
          + ", which is not a class index" + (classCount == 0 ? " (a whole number 0 or more)"
          : " in 0.." + (classCount - 1)));
    }
  }

  private static String datasetName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
