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
 */
package dev.chainrule.core.exec;
