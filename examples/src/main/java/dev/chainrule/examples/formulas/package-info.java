/**
 * The formula subcommands: {@link dev.chainrule.examples.formulas.FormulasCommand} prints a seed
 * network's passes as equations, {@link dev.chainrule.examples.formulas.CompareCommand} checks a
 * seed's own hand-derived formulas against reverse mode and finite differences (and with {@code
 * --graph} draws them, through {@link dev.chainrule.examples.formulas.ComparisonPictures}), and
 * {@link dev.chainrule.examples.formulas.TraceCommand} writes the chain rule step by step for seed
 * 001. {@link dev.chainrule.examples.formulas.SimplifiedPass} is the simplified backward pass that
 * {@code formulas} prints and {@code graph --view simplified} draws.
 */
package dev.chainrule.examples.formulas;
