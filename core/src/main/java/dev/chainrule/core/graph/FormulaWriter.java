package dev.chainrule.core.graph;

import java.util.Arrays;
import java.util.List;

/**
 * The forms a formula is written with, for {@link Op#formula}: an operation receives a writer
 * holding its operands' formulas and composes them, so that it decides how it is written (Σ with
 * its axes, a power, a transpose mark, a fused loss as BCE(σ(z), y)) and the printer decides
 * parentheses, spacing and Unicode or LaTeX spelling. The printer implements it; no operation
 * needs to be known to the printer.
 *
 * @param <F> the printer's type of a formula
 */
public interface FormulaWriter<F> {
  /** Returns the formula of operand {@code i} of the operation being written. */
  F operand(int i);

  /** Returns the number of operands. */
  int operands();

  /** Returns the node being written, whose inputs the operation may look at to choose a form. */
  Node node();

  /**
   * Returns the operation written by its {@link Notation} alone: infix, prefix, postfix or
   * function.
   */
  F generic(Notation notation);

  /** Returns a + b. */
  F sum(F a, F b);

  /** Returns a − b. */
  F difference(F a, F b);

  /** Returns −x. */
  F negation(F x);

  /**
   * Returns the elementwise product of the operands a and b: a ∘ b, or c·x when one of them is a
   * scalar (a number written as a fraction 1/m where it is one).
   */
  F product(F a, F b);

  /** Returns the elementwise product a ∘ b, whatever the operands' shapes. */
  F hadamard(F a, F b);

  /** Returns the matrix product a·b. */
  F matrixProduct(F a, F b);

  /** Returns a/b. */
  F quotient(F a, F b);

  /** Returns xᵀ. */
  F transposed(F x);

  /** Returns x raised to {@code exponent}. */
  F power(F x, F exponent);

  /**
   * Returns a number the operation holds itself (an exponent, a bound) as the printer writes
   * numbers, a fraction or decimals: never a registered symbol, which stands for values of the
   * graph only.
   */
  F number(double value);

  /** Returns √x. */
  F sqrt(F x);

  /** Returns |x|. */
  F abs(F x);

  /** Returns Σ x, with the summed axes written under it when {@link #showsAxes}. */
  F sigma(String axes, F x);

  /** Returns the indicator 1(a relation b), e.g. 1(Z &gt; 0). */
  F indicator(F a, String relation, F b);

  /** Returns a function applied to arguments, e.g. σ(Z), BCE(σ(Z), Y). */
  F function(String name, List<F> arguments);

  /** Returns a function applied to arguments. */
  @SuppressWarnings("unchecked")
  default F function(String name, F... arguments) {
    return function(name, Arrays.asList(arguments));
  }

  /** Returns plain text as a formula, e.g. a permutation written as an extra argument. */
  F text(String text);

  /**
   * Returns the axes an operation works along, written as an extra argument of its function:
   * {@code axis=1} in text, {@code \text{axis=1}} in LaTeX.
   */
  F axes(String label);

  /** Returns true when the printer writes the axes reductions run over. */
  boolean showsAxes();
}
