/**
 * Newton's method on logistic regression with the Hessian autograd builds: {@link
 * dev.chainrule.examples.newton.NewtonCommand} ({@code newton}) runs it against gradient descent
 * and checks the hand-derived Hessian (1/m)·X·diag(A ∘ (1 − A))·Xᵀ against autograd's.
 */
package dev.chainrule.examples.newton;
