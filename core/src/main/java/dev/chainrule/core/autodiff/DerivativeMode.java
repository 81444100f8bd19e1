package dev.chainrule.core.autodiff;

/**
 * Which way a derivative matrix is assembled. A Jacobian of an output of m elements with respect
 * to an input of n elements takes n forward passes (one Jacobian-vector product per column) or m
 * reverse passes (one vector-Jacobian product per row), each costing a small multiple of the
 * function itself; the cheaper mode is the one with fewer passes.
 */
public enum DerivativeMode {
  /** Whichever of {@link #FORWARD} and {@link #REVERSE} takes fewer passes (reverse on a tie). */
  AUTO,
  /**
   * Forward mode: one {@link Autodiff#jvp} per input element, each giving a column. Cheaper when
   * the input is smaller than the output (n &lt; m); for a Hessian-vector product,
   * forward-over-reverse: the jvp of the gradient.
   */
  FORWARD,
  /**
   * Reverse mode: one vector-Jacobian product per output element, each giving a row. Cheaper when
   * the output is smaller than the input (m &lt; n), and the only mode a gradient (m = 1) needs;
   * for a Hessian-vector product, reverse-over-reverse: the gradient of ⟨∇f, v⟩.
   */
  REVERSE
}
