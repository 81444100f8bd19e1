package dev.chainrule.spark.docs;

import dev.chainrule.nn.data.Generators;
import dev.chainrule.nn.init.Initializers;
import dev.chainrule.nn.io.ModelFile;
import dev.chainrule.nn.layers.Activation;
import dev.chainrule.nn.layers.Layout;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Sequential;
import dev.chainrule.nn.optim.Adam;
import dev.chainrule.nn.train.Evaluation;
import dev.chainrule.nn.train.FitOptions;
import dev.chainrule.nn.train.Inference;
import dev.chainrule.spark.SparkTrainer;
import dev.chainrule.spark.TrainingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Trains a chainrule network on Spark from a Parquet file, then predicts as a column. */
public final class MoonsOnSpark {
  public static void main(String[] args) throws Exception {
    SparkSession spark = SparkSession.builder().master("local[2]").appName("moons")
        .config("spark.ui.enabled", "false").getOrCreate();

    // Some data in Parquet, as it would come from a data lake: columns x1, x2, label.
    Path parquet = Files.createTempDirectory("moons").resolve("moons.parquet");
    var moons = Generators.moons(1000, 0.15, 1);
    List<Row> points = new ArrayList<>();
    for (int i = 0; i < moons.size(); i++) {
      points.add(RowFactory.create(moons.features().get(i, 0), moons.features().get(i, 1),
          (double) moons.label(i)));
    }
    StructType schema = new StructType().add("x1", DataTypes.DoubleType)
        .add("x2", DataTypes.DoubleType).add("label", DataTypes.DoubleType);
    spark.createDataFrame(points, schema).write().parquet(parquet.toString());

    // Spark's side: read, assemble a features vector, split.
    Dataset<Row> rows = new VectorAssembler().setInputCols(new String[] {"x1", "x2"})
        .setOutputCol("features").transform(spark.read().parquet(parquet.toString()));
    Dataset<Row>[] split = rows.randomSplit(new double[] {0.8, 0.2}, 7);

    // chainrule's side: a model as code, trained data-parallel; each partition runs the
    // compiled training step one machine runs.
    Sequential net = Sequential.builder(Layout.ROW, 2).dense(16, Activation.tanh())
        .dense(2, Activation.softmax()).weights(Initializers.xavierNormal()).seed(1).build();
    SparkTrainer trainer = SparkTrainer.builder(net)
        .loss(Loss::softmaxCrossEntropy).optimizer(() -> Adam.of(0.03))
        .mode(TrainingMode.synchronous())
        .build();
    trainer.fit(split[0], FitOptions.defaults().epochs(20).batchSize(100).shuffled(1));
    Evaluation test = trainer.evaluate(split[1]);
    System.out.printf(Locale.ROOT, "test accuracy %.3f on %d rows%n", test.accuracy(),
        test.samples());

    // Predictions as columns, with any Spark ML pipeline around them.
    Dataset<Row> predicted = trainer.transformer().transform(split[1]);
    long right = predicted.filter("prediction = label").count();
    System.out.println("the prediction column is right on " + right + " rows");

    // The model is an ordinary chainrule model file.
    Path file = Files.createTempFile("moons", ".crm");
    ModelFile.save(net, file);
    Sequential plain = ModelFile.load(file);
    int[] classes = new Inference(plain, null).predictClasses(moons.features());
    System.out.println("plain chainrule loads it: " + plain.architecture().orElseThrow().widths()
        + ", class " + classes[0] + " for the first point");
    spark.stop();
  }
}
