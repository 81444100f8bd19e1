/**
 * Fused elementwise loops: connected elementwise operations of one shape run as one loop.
 * {@link dev.chainrule.core.exec.fused.Fusion#groups} decides which operations of a plan form a
 * loop; a {@link dev.chainrule.core.exec.fused.FusedProgram} inlines their scalar forms into one
 * program (run in chunks by {@link dev.chainrule.core.scalar.ChunkLoop}, or element by element and
 * as generated code for tiny shapes), and a {@link dev.chainrule.core.exec.fused.FusedFrame} runs
 * it for one thread ({@link dev.chainrule.core.exec.fused.FloatFusedFrame} in float32). Nothing
 * here names an operation: only primitives of their forms.
 */
package dev.chainrule.core.exec.fused;
