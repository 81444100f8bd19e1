/**
 * Data for training: labelled datasets held in memory, mini-batches, readers for real files,
 * synthetic sets and input scaling.
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link dev.chainrule.nn.data.Dataset} — an immutable set of samples in row layout
 *       (features (n, features), targets (n, outputs), class indices), with slicing, subsets, a
 *       seeded train/validation split and the seeds' column layout ({@code featuresColumns()});
 *   <li>{@link dev.chainrule.nn.data.Batches} — seeded, reproducible mini-batch epochs that
 *       refill one reused {@link dev.chainrule.nn.data.Batch} instead of allocating per batch;
 *   <li>{@link dev.chainrule.nn.data.FashionMnist} and {@link dev.chainrule.nn.data.IdxReader} —
 *       the MNIST IDX format, plain or gzipped, and the Fashion-MNIST files installed by Debian's
 *       {@code dataset-fashion-mnist} in {@code /usr/share/datasets/fashion-mnist};
 *   <li>{@link dev.chainrule.nn.data.CsvReader} — numeric CSV with a label column or target
 *       columns;
 *   <li>{@link dev.chainrule.nn.data.Generators} — XOR and seeded planar sets: flower, moons,
 *       spirals, blobs;
 *   <li>{@link dev.chainrule.nn.data.SequenceTasks} — seeded sequence tasks, such as adding two
 *       binary numbers digit by digit;
 *   <li>{@link dev.chainrule.nn.data.Scaler} — standardisation and min-max scaling fitted on
 *       training data, because gradients grow with the inputs (seed 003);
 *   <li>{@link dev.chainrule.nn.data.Elements} — copies between tensors of either dtype, for
 *       datasets and batches held in float32 ({@link dev.chainrule.nn.data.Dataset#to}).
 * </ul>
 *
 * <p>Files that cannot be read as expected raise a {@link
 * dev.chainrule.nn.data.DataFileException} naming the file and what was expected and found;
 * {@link dev.chainrule.nn.data.IoMessages} words the JDK's file-system exceptions for every error
 * message about a file (data, model files, the command line's outputs).
 */
package dev.chainrule.nn.data;
