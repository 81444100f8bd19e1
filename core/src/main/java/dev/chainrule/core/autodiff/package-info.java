/**
 * Automatic differentiation that builds derivative nodes rather than numbers. Entry points: {@link
 * dev.chainrule.core.autodiff.Autodiff#grad} for the gradients of a scalar loss, {@link
 * dev.chainrule.core.autodiff.Autodiff#gradients} for the full reverse pass with every adjoint,
 * and {@link dev.chainrule.core.autodiff.Autodiff#jvp} for forward mode's tangents.
 */
package dev.chainrule.core.autodiff;
