/**
 * Execution: {@link dev.chainrule.core.exec.Plan} compiles a set of target nodes once and runs it
 * many times with {@link dev.chainrule.core.exec.Feeds}, returning {@link
 * dev.chainrule.core.exec.Results}; interactive evaluation ({@code node.value()}) uses the same path.
 * {@link dev.chainrule.core.exec.Anomaly} mode makes runs stop at the first operation, forward or
 * backward, whose value is not finite, with an {@link dev.chainrule.core.exec.AnomalyException}
 * naming it.
 */
package dev.chainrule.core.exec;
