/**
 * Execution: {@link dev.chainrule.core.exec.Plan} compiles a set of target nodes once and runs it
 * many times with {@link dev.chainrule.core.exec.Feeds}, returning {@link
 * dev.chainrule.core.exec.Results}; interactive evaluation ({@code node.value()}) uses the same
 * path. {@link dev.chainrule.core.exec.TrainingStep} compiles forward, backward and an {@link
 * dev.chainrule.core.exec.Update} of the parameters in place into one plan. The compiler
 * ({@code Compiler}) folds transposes into matrix products, fuses elementwise operations into
 * loops ({@code Fusion}, {@code FusedProgram}), prepares the other operations' kernels and reuses
 * buffers; {@link dev.chainrule.core.exec.ExecOptions} switches each optimisation.
 */
package dev.chainrule.core.exec;
