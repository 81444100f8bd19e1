/**
 * The {@code bp4} subcommand: seed 000's four backpropagation equations on its 2-3-2-1 network
 * against autograd ({@link dev.chainrule.examples.fourequations.Bp4Command}).
 */
package dev.chainrule.examples.fourequations;
