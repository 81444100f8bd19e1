/**
 * The formula subcommands: {@link dev.chainrule.examples.formulas.FormulasCommand} prints a seed
 * network's passes as equations, {@link dev.chainrule.examples.formulas.CompareCommand} checks a
 * seed's own hand-derived formulas against reverse mode and finite differences, and {@link
 * dev.chainrule.examples.formulas.TraceCommand} writes the chain rule step by step for seed 001.
 */
package dev.chainrule.examples.formulas;
