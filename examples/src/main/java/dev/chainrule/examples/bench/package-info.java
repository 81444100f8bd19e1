/**
 * The end-to-end benchmark behind {@code chainrule-examples bench}: {@link
 * dev.chainrule.examples.bench.BenchCommand} runs chainrule's workloads ({@code SeedStepWorkload},
 * {@code MlpWorkload}, {@code GemmWorkload}, {@code HornerWorkload}, {@code ChainScaling}) in a
 * JVM per thread count, the NumPy and PyTorch scripts shipped beside them, and reports the ratios.
 */
package dev.chainrule.examples.bench;
