/**
 * JMH micro-benchmarks of chainrule's kernels, each reporting a reference measured in the same run:
 * {@link dev.chainrule.examples.bench.jmh.GemmBenchmark}; narrow products cut into single-threaded
 * BLAS calls against one threaded call, {@link
 * dev.chainrule.examples.bench.jmh.NarrowGemmBenchmark}; building a graph with and without
 * creation sites, {@link dev.chainrule.examples.bench.jmh.GraphBuildBenchmark}; and an optimizer
 * step in float32 against float64, {@link dev.chainrule.examples.bench.jmh.OptimizerStepBenchmark};
 * and a shuffled batch's rows gathered on two threads against one, {@link
 * dev.chainrule.examples.bench.jmh.RowGatherBenchmark}.
 * They inherit their shared JMH settings from {@link
 * dev.chainrule.examples.bench.jmh.JmhDefaults}. Run them from the shaded jar: {@code java -cp
 * examples/target/chainrule-examples.jar org.openjdk.jmh.Main GemmBenchmark}.
 */
package dev.chainrule.examples.bench.jmh;
