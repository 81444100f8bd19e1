package dev.chainrule.core.check;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.rewrite.Rewritten;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks reverse-mode gradients against central finite differences in float64:
 * ∂f/∂xᵢ ≈ (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h, element by element, for parameters and inputs.
 * A float32 graph is checked through its float64 copy ({@link
 * dev.chainrule.core.rewrite.GraphCopy#inDType}): the same function at the same point (the model's
 * float32 parameters, constants and feeds are float64 numbers exactly), so the check is as tight
 * as for a float64 model and moves only the copy's parameters. In float32 itself central
 * differences could not do better than about u^(2/3) ≈ 1.5e-5 of the gradient (u = 2⁻²⁴, at the
 * best step h ≈ 5e-3), too coarse to tell a formula off by 1e-5 from a right one.
 */
public final class GradCheck {
  /** The default step h, near the cube root of machine epsilon, for central differences. */
  public static final double DEFAULT_STEP = 1e-6;

  private GradCheck() {}

  /** Compares the gradients of a one-element {@code loss} with finite differences. */
  public static GradCheckReport check(Node loss, List<Node> wrt, Feeds feeds) {
    return check(loss, wrt, feeds, DEFAULT_STEP);
  }

  /** Compares the gradients of a one-element {@code loss} with finite differences of step h. */
  public static GradCheckReport check(Node loss, List<Node> wrt, Feeds feeds, double h) {
    List<Node> targets = new ArrayList<>(wrt);
    targets.add(0, loss);
    Rewritten float64 = InFloat64.copyIfNeeded(targets);
    if (float64 != null) {
      return check(float64.get(loss), wrt.stream().map(float64::get).toList(),
          float64.feeds(feeds), h);
    }
    List<Node> grads = Autodiff.grad(loss, wrt.toArray(new Node[0]));
    Plan gradients = Plan.compile(grads);
    Results analytic = gradients.run(feeds.usedBy(gradients));
    Plan forward = Plan.compile(loss);
    List<GradCheckReport.Entry> entries = new ArrayList<>();
    for (int k = 0; k < wrt.size(); k++) {
      Node w = wrt.get(k);
      Tensor exact = analytic.get(grads.get(k)).copy();
      Tensor numeric = numericGradient(forward, loss, w, feeds, h);
      entries.add(GradCheckReport.Entry.compare(w.name(), exact, numeric));
    }
    return new GradCheckReport(entries);
  }

  /**
   * Returns the central-difference gradient of {@code loss} with respect to {@code w}, a float64
   * node; for a float32 graph use {@link #check}, which differences its float64 copy.
   */
  public static Tensor numericGradient(Plan forward, Node loss, Node w, Feeds feeds, double h) {
    if (w.dtype() != DType.FLOAT64 || loss.dtype() != DType.FLOAT64) {
      throw new IllegalArgumentException("numericGradient differences float64 values, but "
          + (w.dtype() != DType.FLOAT64 ? w.name() + " is " + w.dtype() : loss.name() + " is "
          + loss.dtype()) + "; check a float32 graph with GradCheck.check, which differences "
          + "its float64 copy (GraphCopy.inDType(targets, DType.FLOAT64))");
    }
    Moving m = Moving.of(w, feeds, forward);
    Feeds f = m.feeds();
    double[] x = m.target().buffer();
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double original = x[i];
      x[i] = original + h;
      double up = forward.run(f).scalar(loss);
      x[i] = original - h;
      double down = forward.run(f).scalar(loss);
      x[i] = original;
      out[i] = (up - down) / (2 * h);
    }
    return Tensor.wrap(w.shape(), out);
  }

  /**
   * The tensor a finite difference moves for a parameter or input {@code w}, and the feeds that
   * make {@code plan} read it: a parameter's own tensor (restored by the caller), or a copy fed in
   * place of an input's value.
   *
   * @param target the tensor to move
   * @param feeds the feeds to run the plan with
   */
  record Moving(Tensor target, Feeds feeds) {
    static Moving of(Node w, Feeds feeds, Plan plan) {
      if (w.kind() != NodeKind.INPUT) {
        valueOf(w, feeds);
        return new Moving(w.storedValue(), feeds.usedBy(plan));
      }
      Tensor moving = valueOf(w, feeds).copy();
      Feeds f = feeds.get(w) != null ? feeds.replacing(w, moving) : feeds.with(w, moving);
      return new Moving(moving, f.usedBy(plan));
    }
  }

  private static Tensor valueOf(Node w, Feeds feeds) {
    switch (w.kind()) {
      case PARAMETER:
        return w.storedValue();
      case INPUT:
        Tensor fed = feeds.get(w);
        if (fed == null && w.heldValue() == null) {
          throw new IllegalArgumentException("input " + w.name() + " needs a value to be checked");
        }
        return fed != null ? fed : w.heldValue();
      default:
        throw new IllegalArgumentException("gradcheck varies parameters and inputs; " + w.name()
            + " is a " + w.kind().name().toLowerCase(java.util.Locale.ROOT));
    }
  }
}
