/**
 * Manual references: each seed's hand-derived backpropagation implemented directly with tensor
 * kernels ({@link dev.chainrule.core.tensor.Tensor#matmul}, transpose, sum, mul, map), never
 * through autodiff, so that autograd can be checked against it and it against autograd.
 *
 * <p>Entry points, one class per seed, each exposing the formulas as the seed writes them and,
 * where the seed slips, a corrected variant:
 * <ul>
 *   <li>{@link dev.chainrule.nn.manual.FourEquations} — seed 000's four equations for any depth,
 *       activation and loss, one sample and batch;
 *   <li>{@link dev.chainrule.nn.manual.TestNetBatchManual} — seed 002, row layout 3-4-2, ReLU,
 *       softmax, cross-entropy;
 *   <li>{@link dev.chainrule.nn.manual.TestNetSingleManual} — seed 003, column layout 2-3-2,
 *       sigmoid, softmax, cross-entropy with L2;
 *   <li>{@link dev.chainrule.nn.manual.ShallowManual} — seed 004, column layout 3-4-1, tanh or ReLU
 *       hidden, sigmoid output, binary cross-entropy.
 * </ul>
 * Results come as {@link dev.chainrule.nn.manual.ManualGradients} (tensors by the seed's names);
 * {@link dev.chainrule.nn.manual.GradientComparison} compares them with autograd's, giving a
 * {@link dev.chainrule.nn.manual.GradientDiff} per gradient. A formula whose factors do not
 * conform raises a {@link dev.chainrule.nn.manual.FormulaShapeException} quoting it.
 */
package dev.chainrule.nn.manual;
