/**
 * Formulas of nodes in the seeds' notation, as Unicode text or LaTeX: {@link
 * dev.chainrule.core.print.FormulaPrinter} writes one node as an equation (dW[2] = (1/m)·dZ[2]·A[1]ᵀ),
 * and {@link dev.chainrule.core.print.Equations} picks the named nodes of a forward or backward
 * pass in evaluation order.
 */
package dev.chainrule.core.print;
