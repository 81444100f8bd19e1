package dev.chainrule.spark;

import dev.chainrule.nn.model.Model;
import dev.chainrule.nn.model.Sequential;
import java.util.Arrays;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A Spark ML {@link Transformer} that adds a chainrule model's predictions to rows as columns: the
 * predicted class ({@code prediction}, a double) and the model's outputs ({@code probability}, an
 * ML vector), read from an ML vector or number-array features column ({@code features}). It fits
 * in a Spark ML pipeline; the model travels to the executors as its chainrule model file, and each
 * partition predicts in chunks through nn's {@code Inference}.
 *
 * <pre>{@code
 * ChainruleTransformer t = ChainruleTransformer.of(ModelFile.load(path));
 * Dataset<Row> predicted = t.transform(rows);   // rows + prediction + probability
 * }</pre>
 */
public final class ChainruleTransformer extends Transformer {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final ShippedModel model;
  private final int inputs;
  private final int outputs;
  private final String described;
  private final Param<String> featuresCol;
  private final Param<String> predictionCol;
  private final Param<String> probabilityCol;

  private ChainruleTransformer(String uid, ShippedModel model, int inputs, int outputs,
      String described) {
    this.uid = uid;
    this.model = model;
    this.inputs = inputs;
    this.outputs = outputs;
    this.described = described;
    this.featuresCol = new Param<>(this, "featuresCol", "the features column: an ML vector or "
        + "an array of numbers");
    this.predictionCol = new Param<>(this, "predictionCol", "the column of predicted classes");
    this.probabilityCol = new Param<>(this, "probabilityCol", "the column of the model's "
        + "outputs: class probabilities, or P(class 1) for a sigmoid output");
    setDefault(featuresCol, "features");
    setDefault(predictionCol, "prediction");
    setDefault(probabilityCol, "probability");
  }

  /** Returns a transformer predicting with {@code model} (its parameters as they are now). */
  public static ChainruleTransformer of(Sequential model) {
    return of(model, null);
  }

  /**
   * Returns a transformer predicting with {@code model} as it is now; a custom model (without an
   * architecture) needs {@code code}, a recipe that builds it on the executors (null otherwise).
   *
   * @throws IllegalArgumentException when a custom model comes without its recipe
   */
  public static ChainruleTransformer of(Model model, Recipe<? extends Model> code) {
    String described = model.architecture().map(a -> "the " + a.widths() + " model")
        .orElse("the model " + model.getClass().getSimpleName());
    return new ChainruleTransformer(Identifiable$.MODULE$.randomUID("chainrule"),
        ShippedModel.of(model, code), model.inputSize(), model.outputSize(), described);
  }

  /** Returns a fresh copy of the model this transformer predicts with, e.g. to save it. */
  public Model model() {
    return model.open();
  }

  /** Returns the parameter naming the features column. */
  public Param<String> featuresCol() {
    return featuresCol;
  }

  /** Returns the parameter naming the prediction column. */
  public Param<String> predictionCol() {
    return predictionCol;
  }

  /** Returns the parameter naming the column of the model's outputs. */
  public Param<String> probabilityCol() {
    return probabilityCol;
  }

  /** Sets the features column (modifies this) and returns this. */
  public ChainruleTransformer setFeaturesCol(String name) {
    set(featuresCol, name);
    return this;
  }

  /** Sets the prediction column (modifies this) and returns this. */
  public ChainruleTransformer setPredictionCol(String name) {
    set(predictionCol, name);
    return this;
  }

  /** Sets the column of the model's outputs (modifies this) and returns this. */
  public ChainruleTransformer setProbabilityCol(String name) {
    set(probabilityCol, name);
    return this;
  }

  @Override
  public String uid() {
    return uid;
  }

  /**
   * Returns the schema of the predicted rows: {@code schema} and the two new columns.
   *
   * @throws SparkDataException when the features column is missing or of the wrong type, or an
   *     output column exists already
   */
  @Override
  public StructType transformSchema(StructType schema) {
    RowReader.check(schema, $(featuresCol), null, inputs, outputs, described);
    for (String out : new String[] {$(predictionCol), $(probabilityCol)}) {
      if (Arrays.asList(schema.fieldNames()).contains(out)) {
        throw new SparkDataException("the data has a column '" + out + "' already; name the "
            + "predictions otherwise with setPredictionCol or setProbabilityCol");
      }
    }
    return schema.add($(predictionCol), DataTypes.DoubleType, false)
        .add($(probabilityCol), SQLDataTypes.VectorType(), false);
  }

  /**
   * Returns {@code dataset} with the predictions added; computed lazily by Spark, partition by
   * partition. A row whose features do not fit the model fails the job with a {@link
   * SparkDataException} naming it.
   */
  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    StructType out = transformSchema(dataset.schema());
    RowReader reader = RowReader.check(dataset.schema(), $(featuresCol), null, inputs, outputs,
        described);
    int column = dataset.schema().fieldIndex($(featuresCol));
    return dataset.toDF().mapPartitions(new PredictPartition(model, reader, column),
        Encoders.row(out));
  }

  /** Returns a copy with the same model and parameters, and {@code extra}'s. */
  @Override
  public ChainruleTransformer copy(ParamMap extra) {
    return copyValues(new ChainruleTransformer(uid, model, inputs, outputs, described), extra);
  }
}
