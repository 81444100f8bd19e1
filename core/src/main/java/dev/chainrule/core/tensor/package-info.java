/**
 * Dense float64 and float32 tensors and the kernels behind every operation. Entry points: {@link
 * dev.chainrule.core.tensor.Tensor} (a row-major value with a {@link
 * dev.chainrule.core.tensor.Shape} and a {@link dev.chainrule.core.tensor.DType}), and the kernels
 * {@link dev.chainrule.core.tensor.Broadcast}, {@link dev.chainrule.core.tensor.Reduce},
 * {@link dev.chainrule.core.tensor.MatMulKernel}, {@link dev.chainrule.core.tensor.Gemm} (on
 * {@code double[]} and on {@code float[]}) and {@link dev.chainrule.core.tensor.Permute}; their
 * loops prepared once for fixed shapes, which operations' prepared kernels use, are
 * {@link dev.chainrule.core.tensor.BroadcastLoop}, {@link dev.chainrule.core.tensor.ReduceLoop} and
 * {@link dev.chainrule.core.tensor.PermuteLoop}, with {@link dev.chainrule.core.tensor.BatchedGemm}
 * for batched matrix products and {@link dev.chainrule.core.tensor.Window} for slices and padding.
 * {@link dev.chainrule.core.tensor.Rows} gathers chosen rows of a matrix (a shuffled mini-batch),
 * on the GEMM's threads when the copy is large.
 * {@link dev.chainrule.core.tensor.FiniteStatistics} summarises a tensor's finite elements (count,
 * mean, standard deviation, minimum, maximum), as node labels and the explorer show them.
 */
package dev.chainrule.core.tensor;
