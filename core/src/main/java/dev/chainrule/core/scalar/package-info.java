/**
 * Scalar forms: the math of elementwise operations as data, and the loops that evaluate it. An
 * elementwise operation writes its function once as a {@link dev.chainrule.core.scalar.Scalar}
 * built from a fixed set of {@link dev.chainrule.core.scalar.Primitive}s ({@code x.tanh()}, {@code
 * x.gt(0).select(x, x.mul(alpha))}). A {@link dev.chainrule.core.scalar.Program} flattens one or
 * several chained forms into straight-line code; a {@link dev.chainrule.core.scalar.Layout} lays it
 * out over a shape in chunks (how each operand reaches its register: in full, as a scalar, as a
 * row, gathered) and a {@link dev.chainrule.core.scalar.ChunkLoop} runs it, one {@link
 * dev.chainrule.core.scalar.Loops} loop per primitive; for float32 arrays a {@link
 * dev.chainrule.core.scalar.FloatChunkLoop} runs {@link dev.chainrule.core.scalar.FloatLoops}, each
 * primitive's {@link dev.chainrule.core.scalar.Primitive#applyFloat}. The operations' forward
 * kernels and the plans' fused loops run on this one evaluator, and the JVM-code generator knows
 * the same primitives, so none of them lists an operation. The package knows no graph and no plan.
 */
package dev.chainrule.core.scalar;
