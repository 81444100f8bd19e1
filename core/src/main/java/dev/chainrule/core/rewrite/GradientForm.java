package dev.chainrule.core.rewrite;

/**
 * Which quantities a simplified backward pass names dZ, dA, … when the loss is a mean over a
 * batch, J = (1/m)·Σᵢ L⁽ⁱ⁾. Both are exact; they differ in where the 1/m stands.
 */
public enum GradientForm {
  /**
   * Every dX is ∂J/∂X. The 1/m of the mean enters at the top, dZ[2] = (1/m)·(A[2] − Y), and every
   * other gradient inherits it: dW[2] = dZ[2]·A[1]ᵀ.
   */
  ADJOINTS,
  /**
   * The seeds' convention: dZ and dA hold the per-sample errors δ⁽ⁱ⁾ = ∂L⁽ⁱ⁾/∂Z stacked by
   * columns (or rows), i.e. the adjoints of Σᵢ L⁽ⁱ⁾ = m·J, so dZ[2] = A[2] − Y; the 1/m enters
   * once, in the parameter gradients, which are the true ∂J/∂W: dW[2] = (1/m)·dZ[2]·A[1]ᵀ.
   */
  PER_SAMPLE
}
