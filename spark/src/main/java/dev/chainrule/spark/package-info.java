/**
 * Data-parallel training of chainrule models on Apache Spark, the only part of chainrule that sees
 * Spark: every partition runs the compiled training step a single machine runs.
 *
 * <p>Entry points: {@link dev.chainrule.spark.SparkTrainer#builder} trains a model from a {@code
 * Dataset<Row>} in one of two {@link dev.chainrule.spark.TrainingMode}s (synchronous, equal to
 * single-machine training, or local steps with averaging), with the loss and optimizer given as
 * {@link dev.chainrule.spark.Recipe}s the executors build from; {@link
 * dev.chainrule.spark.ChainruleTransformer} adds a model's predictions to rows as columns; {@link
 * dev.chainrule.spark.SparkTimings} says where the time of a fit went; data that does not fit the
 * model raises a {@link dev.chainrule.spark.SparkDataException} naming the row.
 */
package dev.chainrule.spark;
