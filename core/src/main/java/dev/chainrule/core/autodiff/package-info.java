/**
 * Reverse-mode automatic differentiation that builds gradient nodes rather than numbers. Entry
 * points: {@link dev.chainrule.core.autodiff.Autodiff#grad} for the gradients of a scalar loss, and
 * {@link dev.chainrule.core.autodiff.Autodiff#gradients} for the full pass with every adjoint.
 */
package dev.chainrule.core.autodiff;
