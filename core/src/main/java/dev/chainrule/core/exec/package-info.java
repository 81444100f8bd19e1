/**
 * Execution: {@link dev.chainrule.core.exec.Plan} compiles a set of target nodes once and runs it
 * many times with {@link dev.chainrule.core.exec.Feeds}, returning {@link
 * dev.chainrule.core.exec.Results}; interactive evaluation ({@code node.value()}) uses the same path.
 */
package dev.chainrule.core.exec;
