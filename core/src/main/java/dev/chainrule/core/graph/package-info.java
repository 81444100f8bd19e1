/**
 * Computation graphs: {@link dev.chainrule.core.graph.Graph} builds {@link
 * dev.chainrule.core.graph.Node}s (inputs, parameters, constants, operations), checking shapes as
 * each is built; {@link dev.chainrule.core.graph.Op} is the contract every operation implements:
 * shape rule, forward kernel (and its {@link dev.chainrule.core.graph.Kernel} prepared for fixed
 * shapes, which compiled plans run) or scalar form, local derivative as graph nodes, {@link
 * dev.chainrule.core.graph.Notation} and {@link dev.chainrule.core.graph.FormulaWriter formula},
 * and the {@link dev.chainrule.core.graph.Algebra} the rewriter may assume (with identities of its
 * own as {@link dev.chainrule.core.graph.Rewrite}s). Start with {@code new Graph()} and the
 * methods of {@link dev.chainrule.core.graph.NodeAlgebra} (and, along one axis, of {@link
 * dev.chainrule.core.graph.AxisAlgebra}: gather, concat, stack, split; {@link
 * dev.chainrule.core.graph.Range} is NumPy's {@code start:stop:step} for slices). This package
 * names no operation: it declares the fluent methods, and the operations package implements them
 * in the one concrete node class, which a graph makes through the {@link
 * dev.chainrule.core.graph.NodeFactory} that package installs. Neither does the graph know an
 * executor: {@code node.value()} evaluates through the {@link dev.chainrule.core.graph.Evaluator}
 * the executor installs.
 */
package dev.chainrule.core.graph;
