/**
 * The long run: {@link dev.chainrule.examples.soak.SoakRun} trains seed 001's XOR network for 10⁶
 * single-sample steps while measuring the heap after GC; {@link
 * dev.chainrule.examples.soak.SoakCommand} is the {@code soak} subcommand that repeats it with the
 * same seed and checks the results are bit-identical.
 */
package dev.chainrule.examples.soak;
