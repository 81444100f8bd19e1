/**
 * The end-to-end benchmark behind {@code chainrule-examples bench}: {@link
 * dev.chainrule.examples.bench.BenchCommand} runs chainrule's workloads ({@code SeedStepWorkload},
 * {@code MlpWorkload}, {@code GemmWorkload}, {@code HornerWorkload}, {@code ChainScaling}, {@code
 * HeapWorkload}) in float64 or float32 in a JVM per thread count, the NumPy and PyTorch scripts
 * shipped beside them in the same dtype, and reports the ratios.
 */
package dev.chainrule.examples.bench;
