/**
 * Plans and buffers: a set of target nodes is compiled once into a straight-line schedule over
 * reused buffers and run many times, each run with its own input values. Interactive evaluation
 * ({@code node.value()}) uses the same path, through the {@link
 * dev.chainrule.core.exec.PlanEvaluator} this package installs in the graph.
 *
 * <p>Entry points: {@link dev.chainrule.core.exec.Plan#compile} and {@link
 * dev.chainrule.core.exec.Plan#run}, given {@link dev.chainrule.core.exec.Feeds} and returning
 * {@link dev.chainrule.core.exec.Results}; a bad feed raises a {@link
 * dev.chainrule.core.exec.FeedException}. {@link dev.chainrule.core.exec.Anomaly} mode stops a
 * run at the first operation, forward or backward, whose value is not finite, with an {@link
 * dev.chainrule.core.exec.AnomalyException} naming it. {@link
 * dev.chainrule.core.exec.Accumulations} make a plan add to parameters in place at the end of each
 * run (W ← W + s·G, inside G's matrix product where it can): the training step of {@code
 * dev.chainrule.core.exec.train} is built on them.
 *
 * <p>The compiler ({@code Compiler}) folds transposes into matrix products, fuses elementwise
 * operations into loops ({@link dev.chainrule.core.exec.fused}, with generated code from {@link
 * dev.chainrule.core.exec.codegen}), prepares the other operations' kernels and reuses buffers
 * ({@code Buffers}); {@link dev.chainrule.core.exec.ExecOptions} switches each optimisation.
 * {@link dev.chainrule.core.exec.Plan#explain()} lists the compiled steps and {@link
 * dev.chainrule.core.exec.Plan#profile} times them ({@link dev.chainrule.core.exec.PlanProfile}).
 */
package dev.chainrule.core.exec;
