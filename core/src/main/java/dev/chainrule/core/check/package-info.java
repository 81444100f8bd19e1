/**
 * Checking gradients: {@link dev.chainrule.core.check.GradCheck} compares reverse-mode gradients
 * with central finite differences and reports the errors per node in a {@link
 * dev.chainrule.core.check.GradCheckReport}.
 */
package dev.chainrule.core.check;
