/**
 * Computation graphs: {@link dev.chainrule.core.graph.Graph} builds {@link
 * dev.chainrule.core.graph.Node}s (inputs, parameters, constants, operations), checking shapes as
 * each is built; {@link dev.chainrule.core.graph.Op} is the contract every operation implements:
 * shape rule, forward kernel (and its {@link dev.chainrule.core.graph.Kernel} prepared for fixed
 * shapes, which compiled plans run), local derivative as graph nodes, and {@link
 * dev.chainrule.core.graph.Notation}. Start with {@code new Graph()} and the methods of {@link
 * dev.chainrule.core.graph.NodeAlgebra}. The graph knows no executor: {@code node.value()}
 * evaluates through the {@link dev.chainrule.core.graph.Evaluator} the executor installs.
 */
package dev.chainrule.core.graph;
