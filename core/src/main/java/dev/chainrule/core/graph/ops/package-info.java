/**
 * The operation catalogue: one small file per operation, holding its shape rule, its kernel or
 * (for an elementwise operation) its scalar form, its local derivative (as graph operations, so
 * gradients can be differentiated again), its notation and its algebra. Users reach these through
 * {@link dev.chainrule.core.graph.NodeAlgebra}'s methods ({@code x.sigmoid()}) or {@link
 * dev.chainrule.core.graph.Graph#apply}. Elementwise operations implement {@link
 * dev.chainrule.core.graph.ops.UnaryElementwise}, {@link
 * dev.chainrule.core.graph.ops.BinaryElementwise} or {@link
 * dev.chainrule.core.graph.ops.Elementwise} and write only their form, from which the kernel and
 * the fused loops follow; {@link dev.chainrule.core.graph.ops.Unbroadcast} sums gradients back to
 * the shapes of broadcast inputs. {@link dev.chainrule.core.graph.ops.Range} is NumPy's
 * {@code start:stop:step}, which {@link dev.chainrule.core.graph.NodeAlgebra#slice} takes per axis.
 */
package dev.chainrule.core.graph.ops;
