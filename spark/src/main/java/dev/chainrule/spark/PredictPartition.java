package dev.chainrule.spark;

import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.nn.model.Model;
import dev.chainrule.nn.train.Inference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Predicts one partition, run by Spark on an executor: the rows go through nn's {@link Inference}
 * in chunks, each row coming back with its columns followed by the predicted class (a double, as
 * Spark ML writes predictions) and the model's outputs (an ML vector: class probabilities after a
 * softmax, P(class 1) after a sigmoid).
 */
final class PredictPartition implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  private static final int CHUNK = Inference.DEFAULT_BATCH_SIZE;

  private final ShippedModel model;
  private final RowReader reader;
  private final int column;

  /** Predicts from the features in column {@code column}, read by {@code reader}. */
  PredictPartition(ShippedModel model, RowReader reader, int column) {
    this.model = model;
    this.reader = reader;
    this.column = column;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    Model opened = model.open();
    Inference inference = new Inference(opened, null, CHUNK);
    int partition = TaskContext.getPartitionId();
    return new Iterator<>() {
      private final List<Row> chunk = new ArrayList<>();
      private final List<Row> out = new ArrayList<>();
      private int read;
      private int next;

      @Override
      public boolean hasNext() {
        if (next == out.size()) {
          fill();
        }
        return next < out.size();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException("no more rows in partition " + partition);
        }
        return out.get(next++);
      }

      private void fill() {
        chunk.clear();
        out.clear();
        next = 0;
        while (chunk.size() < CHUNK && rows.hasNext()) {
          chunk.add(rows.next());
        }
        if (chunk.isEmpty()) {
          return;
        }
        int width = reader.width();
        double[] x = new double[chunk.size() * width];
        for (int i = 0; i < chunk.size(); i++) {
          reader.features(chunk.get(i), column, read + i, partition, x, i * width);
        }
        read += chunk.size();
        Tensor features = Tensor.wrap(Shape.of(chunk.size(), width), x).to(opened.dtype());
        int[] classes = inference.predictClasses(features);
        Tensor outputs = inference.predict(features);
        int c = outputs.shape().dim(1);
        double[] o = outputs.toArray();
        for (int i = 0; i < chunk.size(); i++) {
          Row row = chunk.get(i);
          Object[] values = new Object[row.length() + 2];
          for (int k = 0; k < row.length(); k++) {
            values[k] = row.get(k);
          }
          double[] p = new double[c];
          System.arraycopy(o, i * c, p, 0, c);
          values[row.length()] = (double) classes[i];
          values[row.length() + 1] = Vectors.dense(p);
          out.add(RowFactory.create(values));
        }
      }
    };
  }
}
