/**
 * JMH micro-benchmarks of chainrule's kernels, each reporting a reference measured in the same run.
 * Run them from the shaded jar: {@code java -cp examples/target/chainrule-examples.jar
 * org.openjdk.jmh.Main GemmBenchmark}.
 */
package dev.chainrule.examples.bench.jmh;
