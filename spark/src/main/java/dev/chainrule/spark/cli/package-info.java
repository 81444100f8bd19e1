/**
 * The command line of {@code java -jar spark/target/chainrule-spark.jar}: {@link
 * dev.chainrule.spark.cli.Main} and its {@code fashion-mnist} subcommand, {@link
 * dev.chainrule.spark.cli.FashionMnistCommand}, which trains the examples' Fashion-MNIST MLP on
 * Spark and reports its accuracy and where the time went, and its {@code overhead} subcommand,
 * {@link dev.chainrule.spark.cli.OverheadCommand}, which measures what a Spark job costs beyond
 * its computation.
 */
package dev.chainrule.spark.cli;
