/**
 * Running graphs: a set of target nodes is compiled once into a straight-line schedule over
 * reused buffers and run many times, each run with its own input values. Interactive evaluation
 * ({@code node.value()}) uses the same path.
 *
 * <p>Entry points: {@link dev.chainrule.core.exec.Plan#compile} and {@link
 * dev.chainrule.core.exec.Plan#run}, given {@link dev.chainrule.core.exec.Feeds} and returning
 * {@link dev.chainrule.core.exec.Results}; a bad feed raises a {@link
 * dev.chainrule.core.exec.FeedException}. {@link dev.chainrule.core.exec.Anomaly} mode stops a
 * run at the first operation, forward or backward, whose value is not finite, with an {@link
 * dev.chainrule.core.exec.AnomalyException} naming it.
 *
 * <p>{@link dev.chainrule.core.exec.TrainingStep} compiles forward, backward and an {@link
 * dev.chainrule.core.exec.Update} of the parameters in place into one plan. The compiler
 * ({@code Compiler}) folds transposes into matrix products, fuses elementwise operations into
 * loops ({@link dev.chainrule.core.exec.fused}, with generated code from {@link
 * dev.chainrule.core.exec.codegen}), prepares the other operations' kernels and reuses buffers; {@link dev.chainrule.core.exec.ExecOptions} switches each optimisation. {@link
 * dev.chainrule.core.exec.Plan#explain()} lists the compiled steps and {@link
 * dev.chainrule.core.exec.Plan#profile} times them ({@link dev.chainrule.core.exec.PlanProfile}).
 */
package dev.chainrule.core.exec;
