package dev.chainrule.examples.newton;

import java.io.PrintStream;
import java.util.Locale;

/** Prints a {@link NewtonRun} as a short report: the iterations, the weights, the comparisons. */
final class NewtonReport {
  /** Gradient norms below this are rounding noise. */
  private static final double ROUNDING = 1e-13;

  private NewtonReport() {}

  static void print(NewtonRun r, PrintStream out) {
    out.printf(Locale.ROOT, "Logistic regression on two overlapping Gaussian blobs: m = %d "
        + "samples, seed %d%n", r.samples(), r.seed());
    out.println("  A = σ(θ·X), J = −mean(Y ∘ log A + (1 − Y) ∘ log(1 − A)); X's last row is ones,"
        + " so θ = (w1, w2, b)");
    out.println("  autograd's Hessian, simplified: ∂²J/∂θ² = " + r.hessianFormula());
    out.println();
    out.println("Newton's method: θ ← θ − H⁻¹·∇J, H = Autodiff.hessian(J, θ)");
    out.println("  step  J               ‖∇J‖");
    for (NewtonRun.Iterate i : r.newton()) {
      out.printf(Locale.ROOT, "  %-4d  %.12f  %s%n", i.iteration(), i.loss(),
          norm(i.gradientNorm()));
    }
    out.printf(Locale.ROOT, "  converged in %d steps (‖∇J‖ < %.0e)%n", r.newtonSteps(),
        NewtonRun.NEWTON_TOLERANCE);
    out.println();
    out.printf(Locale.ROOT, "Gradient descent: θ ← θ − η·∇J, η = 1/L = %.6f (L = tr(X·Xᵀ)/4m "
        + "bounds H)%n", r.learningRate());
    out.printf(Locale.ROOT, "  converged in %,d steps (‖∇J‖ = %.2e < %.0e)%n", r.descentSteps(),
        r.descentGradientNorm(), NewtonRun.DESCENT_TOLERANCE);
    out.println();
    out.println("θ                 w1               w2               b");
    weights(out, "Newton", r.newtonWeights());
    weights(out, "gradient descent", r.descentWeights());
    double[] difference = new double[3];
    for (int i = 0; i < 3; i++) {
      difference[i] = r.newtonWeights()[i] - r.descentWeights()[i];
    }
    out.printf(Locale.ROOT, "  %-16s %-16.2e %-16.2e %.2e%n", "difference", difference[0],
        difference[1], difference[2]);
    out.println();
    out.println("Hand-derived Hessians against autograd's");
    for (NewtonRun.Comparison c : r.comparisons()) {
      out.println(c.where() + ":");
      out.print(c.report().text());
      out.println();
    }
  }

  /**
   * Returns ‖∇J‖ with three digits, or "< 1e-13" below it, where it is rounding noise that
   * differs with the order of the additions.
   */
  private static String norm(double v) {
    return v < ROUNDING ? "< 1e-13" : String.format(Locale.ROOT, "%.2e", v);
  }

  private static void weights(PrintStream out, String label, double[] w) {
    out.printf(Locale.ROOT, "  %-16s %-16.10f %-16.10f %.10f%n", label, w[0], w[1], w[2]);
  }
}
