/**
 * The operation catalogue: one small file per operation, holding its forward kernel, shape rule,
 * local derivative (as graph operations, so gradients can be differentiated again) and notation.
 * Users reach these through {@link dev.chainrule.core.graph.NodeAlgebra}'s methods ({@code
 * x.sigmoid()}) or {@link dev.chainrule.core.graph.Graph#apply}. Elementwise operations share
 * {@link dev.chainrule.core.graph.ops.UnaryElementwise} and {@link
 * dev.chainrule.core.graph.ops.BinaryElementwise}; {@link dev.chainrule.core.graph.ops.Unbroadcast}
 * sums gradients back to the shapes of broadcast inputs.
 */
package dev.chainrule.core.graph.ops;
