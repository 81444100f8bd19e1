package dev.chainrule.examples.newton;

import dev.chainrule.core.check.FormulaComparison;
import dev.chainrule.core.check.ManualFormula;
import dev.chainrule.core.check.ManualFormulaCheck;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.print.FormulaPrinter;
import dev.chainrule.core.rewrite.Rewriter;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Logistic regression solved twice: by Newton's method, θ ← θ − H⁻¹·∇J with the Hessian from
 * autograd, and by gradient descent with the step 1/L, L = tr(X·Xᵀ)/4m bounding the curvature;
 * then the hand-derived Hessian, right and with two slips, compared with autograd's.
 *
 * @param samples m
 * @param seed the data's seed
 * @param hessianFormula autograd's Hessian, simplified and printed
 * @param newton the loss and gradient norm before each Newton step, and after the last
 * @param newtonWeights θ after Newton's method
 * @param learningRate gradient descent's step η = 1/L
 * @param descentSteps how many steps gradient descent took
 * @param descentWeights θ after gradient descent
 * @param descentGradientNorm ‖∇J‖ where gradient descent stopped
 * @param hessian autograd's Hessian at Newton's θ
 * @param comparisons the hand-derived Hessians against autograd's
 */
record NewtonRun(int samples, long seed, String hessianFormula, List<Iterate> newton,
    double[] newtonWeights, double learningRate, int descentSteps, double[] descentWeights,
    double descentGradientNorm, double[][] hessian, List<Comparison> comparisons) {
  /** Newton stops when ‖∇J‖ is below this. */
  static final double NEWTON_TOLERANCE = 1e-10;
  /** Gradient descent stops when ‖∇J‖ is below this. */
  static final double DESCENT_TOLERANCE = 1e-10;
  /** Newton's method gives up after this many steps (the blobs are then separable). */
  static final int MAX_NEWTON_STEPS = 30;
  /** Gradient descent gives up after this many steps. */
  static final int MAX_DESCENT_STEPS = 1_000_000;

  /**
   * One Newton iterate.
   *
   * @param iteration how many steps were taken before it
   * @param loss J
   * @param gradientNorm ‖∇J‖
   */
  record Iterate(int iteration, double loss, double gradientNorm) {}

  /**
   * One hand-derived Hessian compared with autograd's.
   *
   * @param where at which θ, in words
   * @param report the comparison
   */
  record Comparison(String where, FormulaComparison report) {}

  /** Runs both methods on {@code samples} points of the blobs drawn with {@code seed}. */
  static NewtonRun compute(int samples, long seed) {
    LogisticProblem p = new LogisticProblem(samples, seed);
    String formula = FormulaPrinter.unicode().withSymbol("m", samples).expression(
        Rewriter.standard().hessian(p.loss, p.theta).targets().get(0));
    List<Iterate> newton = newton(p);
    double[] optimum = p.theta.storedValue().toArray();
    double[][] hessian = Plan.compile(p.hessian).run(Feeds.none()).get(p.hessian).toMatrix();
    double eta = 1 / p.curvatureBound();
    p.theta.storedValue().fillInPlace(0.0);
    Plan gradient = Plan.compile(p.gradient);
    int steps = 0;
    double norm = norm(gradient.run(Feeds.none()).get(p.gradient));
    while (norm >= DESCENT_TOLERANCE && steps < MAX_DESCENT_STEPS) {
      p.theta.storedValue().addScaledInPlace(-eta, gradient.run(Feeds.none()).get(p.gradient));
      steps++;
      norm = norm(gradient.run(Feeds.none()).get(p.gradient));
    }
    double[] descent = p.theta.storedValue().toArray();
    p.theta.storedValue().copyFromInPlace(Tensor.of(optimum, 1, 3));
    List<Comparison> comparisons = new ArrayList<>();
    String atOptimum = "at Newton's θ";
    comparisons.add(compare(p, atOptimum, "H = (1/m)·X·diag(A ∘ (1 − A))·Xᵀ",
        () -> p.handHessian(true, true)));
    comparisons.add(compare(p, atOptimum, "H = X·diag(A ∘ (1 − A))·Xᵀ, the 1/m forgotten",
        () -> p.handHessian(false, true)));
    comparisons.add(compare(p, atOptimum, "H = (1/m)·X·Xᵀ, A ∘ (1 − A) forgotten",
        () -> p.handHessian(true, false)));
    p.theta.storedValue().fillInPlace(0.0);
    comparisons.add(compare(p, "at θ = 0, where every σ is ½",
        "H = (1/m)·X·Xᵀ, A ∘ (1 − A) forgotten", () -> p.handHessian(true, false)));
    p.theta.storedValue().copyFromInPlace(Tensor.of(optimum, 1, 3));
    return new NewtonRun(samples, seed, formula, newton, optimum, eta, steps, descent, norm,
        hessian, comparisons);
  }

  /** Runs Newton's method from θ = 0 and returns its iterates; θ holds the optimum after. */
  private static List<Iterate> newton(LogisticProblem p) {
    Plan plan = Plan.compile(p.loss, p.gradient, p.hessian);
    List<Iterate> iterates = new ArrayList<>();
    for (int k = 0; ; k++) {
      Results r = plan.run(Feeds.none());
      double norm = norm(r.get(p.gradient));
      iterates.add(new Iterate(k, r.scalar(p.loss), norm));
      if (norm < NEWTON_TOLERANCE) {
        return iterates;
      }
      if (k == MAX_NEWTON_STEPS) {
        throw new IllegalStateException("Newton's method did not converge in " + k + " steps "
            + "(‖∇J‖ = " + norm + "): the blobs are linearly separable, so the loss has no "
            + "minimum; use more samples");
      }
      double[] step = SymmetricSolve.solve(r.get(p.hessian).toMatrix(), r.get(p.gradient)
          .toArray());
      p.theta.storedValue().addScaledInPlace(-1.0, Tensor.of(step, 1, 3));
    }
  }

  private static Comparison compare(LogisticProblem p, String where, String name,
      Supplier<Node> formula) {
    return new Comparison(where, ManualFormulaCheck.compareHessian(p.loss, p.theta,
        ManualFormula.graph(name, formula), Feeds.none()));
  }

  private static double norm(Tensor t) {
    double s = 0;
    for (double v : t.buffer()) {
      s += v * v;
    }
    return Math.sqrt(s);
  }

  /** Returns the largest |Newton's θ − gradient descent's θ| over the weights. */
  double weightDifference() {
    double d = 0;
    for (int i = 0; i < newtonWeights.length; i++) {
      d = Math.max(d, Math.abs(newtonWeights[i] - descentWeights[i]));
    }
    return d;
  }

  /** Returns how many Newton steps were taken. */
  int newtonSteps() {
    return newton.get(newton.size() - 1).iteration();
  }
}
