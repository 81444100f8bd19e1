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
 * the shapes of broadcast inputs. The package also holds the one concrete node class, whose
 * methods build these operations ({@code x.sigmoid()} is declared in the graph package and
 * implemented here), and {@link dev.chainrule.core.graph.ops.OpNodes}, the factory through which
 * every graph makes it: so this package depends on the graph package and not the other way.
 */
package dev.chainrule.core.graph.ops;
