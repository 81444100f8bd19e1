package dev.chainrule.core.check;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One report of a hand-derived formula against reverse mode and central finite differences: the
 * verdict, both shapes, the largest absolute and relative errors and the element where the error
 * is largest, with the three values there. When the formula is off by one constant factor
 * everywhere (the seeds' missing or doubled 1/m) the factor is reported; when its dimensions do not
 * agree, that is the verdict, with both shapes named.
 */
public final class FormulaComparison {
  private final Parts p;
  private final int samples;

  /**
   * The measured parts of a comparison.
   *
   * @param formula the formula's name
   * @param wrt the node the gradient is taken with respect to
   * @param derivative the derivative as written in the report, ∂J/∂W or ∂²J/∂W²
   * @param quantity what the derivative is called in the report: "gradient" or "Hessian"
   * @param verdict the outcome
   * @param tolerance the largest relative error (scaled by the gradient's magnitude) that agrees
   * @param autograd reverse mode's gradient
   * @param manual the formula's value, or null when it could not be evaluated
   * @param numeric the central-difference gradient, or null when it was not computed
   * @param built the formula as built from graph nodes, printed, or null
   * @param message why the shapes disagree, or null
   * @param gradientNode reverse mode's gradient node
   * @param expression the formula's node when it was built from graph nodes, else null
   */
  record Parts(String formula, String wrt, String derivative, String quantity, Verdict verdict,
      double tolerance,
      Tensor autograd, Tensor manual, Tensor numeric, String built, String message,
      Node gradientNode, Node expression) {}

  FormulaComparison(Parts parts) {
    this(parts, 0);
  }

  private FormulaComparison(Parts parts, int samples) {
    this.p = parts;
    this.samples = samples;
  }

  /**
   * Returns this comparison read for a formula that stacks per-sample gradients ∂L⁽ⁱ⁾/∂· of a
   * loss that is the mean of {@code samples} per-sample losses: when the formula is exactly
   * {@code samples} times the gradient, it is the gradient of the summed losses, ∂(Σᵢ L⁽ⁱ⁾)/∂·,
   * and the report says so — "AGREES per sample; DIFFERS from the batch gradient by the factor
   * m = 8" — instead of a bare DIFFERS. The verdict itself stays {@link Verdict#DIFFERS}.
   */
  public FormulaComparison perSample(int samples) {
    if (samples < 2) {
      throw new IllegalArgumentException("a per-sample reading needs at least 2 samples, got "
          + samples);
    }
    return new FormulaComparison(p, samples);
  }

  /**
   * Returns true when this comparison is read per sample ({@link #perSample}) and the formula is
   * exactly m times the gradient of the mean: it agrees with the gradient of the summed losses.
   */
  public boolean agreesPerSample() {
    Double c = constantFactor();
    return samples > 1 && c != null && Math.abs(c - samples) <= 1e-9 * samples;
  }

  /** Returns m when this comparison is read per sample, else 0. */
  int samples() {
    return samples;
  }

  /** Returns the formula's name. */
  public String formula() {
    return p.formula();
  }

  /** Returns the name of the node the gradient is taken with respect to. */
  public String wrt() {
    return p.wrt();
  }

  /** Returns the verdict. */
  public Verdict verdict() {
    return p.verdict();
  }

  /** Returns reverse mode's gradient. */
  public Tensor autograd() {
    return p.autograd();
  }

  /** Returns the formula's value, or null when it could not be evaluated. */
  public Tensor manual() {
    return p.manual();
  }

  /** Returns the central-difference gradient, or null when it was not computed. */
  public Tensor numeric() {
    return p.numeric();
  }

  /**
   * Returns the gradient node reverse mode built for this comparison (in the loss's graph), so
   * that it can be drawn or printed next to the formula.
   */
  public Node autogradNode() {
    return p.gradientNode();
  }

  /**
   * Returns the node the formula was built as, in the loss's graph, or null when the formula is
   * computed on tensors or its products did not conform.
   */
  public Node manualNode() {
    return p.expression();
  }

  /** Returns why the shapes disagree, or null when they agree. */
  public String message() {
    return p.message();
  }

  /**
   * Returns the largest |manual − autograd|: NaN when the shapes disagree or one side is NaN where
   * the other is not, ∞ when one side is infinite where the other is not.
   */
  public double maxAbsoluteError() {
    return comparable() ? Errors.maxAbs(p.manual(), p.autograd()) : Double.NaN;
  }

  /**
   * Returns how many elements differ by a value that is NaN or infinite on one side (0 when none
   * does, or when the shapes disagree); the finite measures of the report skip them.
   */
  public int nonFiniteElements() {
    NonFinite n = nonFinite();
    return n == null ? 0 : n.count();
  }

  /** Returns the non-finite mismatches, or null when there are none or no comparison. */
  NonFinite nonFinite() {
    return comparable() ? NonFinite.of(p.manual(), p.autograd()) : null;
  }

  /**
   * Returns the largest elementwise relative error, or NaN when the shapes disagree or an element
   * differs by a value that is not finite.
   */
  public double maxRelativeError() {
    return comparable() ? Errors.maxRel(p.manual(), p.autograd()) : Double.NaN;
  }

  /** Returns the index of the element with the largest absolute error, or null. */
  public int[] worstIndex() {
    return comparable() ? Errors.index(p.autograd().shape(), Errors.worst(p.manual(),
        p.autograd())) : null;
  }

  /**
   * Returns c when a differing formula equals c × reverse mode at every element (for a gradient
   * of one element, simply their ratio), else null.
   */
  public Double constantFactor() {
    return comparable() && p.verdict() == Verdict.DIFFERS ? Errors.factor(p.manual(),
        p.autograd()) : null;
  }

  /** Returns true when the formula's value is reverse mode's gradient transposed. */
  public boolean isTransposed() {
    Tensor m = p.manual();
    Tensor a = p.autograd();
    return m != null && !m.shape().equals(a.shape()) && a.rank() == 2 && m.rank() == 2
        && Errors.maxAbs(m, a.transpose(1, 0)) <= p.tolerance() * Errors.scale(m, a);
  }

  private boolean comparable() {
    return p.manual() != null && p.manual().shape().equals(p.autograd().shape());
  }

  /** Returns the report as a few lines of text. */
  public String text() {
    return ComparisonText.render(p, this);
  }

  @Override
  public String toString() {
    return text();
  }

  /** Returns the report as one JSON object. */
  public String toJson() {
    return JsonText.write(toMap());
  }

  /** Returns the report as a map of plain values (strings, numbers, lists), in a fixed order. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("formula", p.formula());
    m.put(p.quantity().equals("gradient") ? "gradient" : "hessian", p.derivative());
    m.put("verdict", p.verdict().name());
    m.put("autogradShape", dims(p.autograd().shape()));
    m.put("manualShape", p.manual() == null ? null : dims(p.manual().shape()));
    m.put("message", p.message());
    m.put("maxAbsError", maxAbsoluteError());
    m.put("maxRelError", maxRelativeError());
    int[] worst = worstIndex();
    m.put("worstIndex", worst == null ? null : dims(Shape.of(worst)));
    if (worst != null) {
      int flat = Errors.worst(p.manual(), p.autograd());
      Map<String, Object> at = new LinkedHashMap<>();
      at.put("autograd", p.autograd().buffer()[flat]);
      at.put("manual", p.manual().buffer()[flat]);
      at.put("finiteDifferences", p.numeric() == null ? null : p.numeric().buffer()[flat]);
      m.put("worst", at);
    }
    NonFinite n = nonFinite();
    if (n == null) {
      m.put("nonFinite", null);
    } else {
      Map<String, Object> nf = new LinkedHashMap<>();
      nf.put("count", n.count());
      nf.put("first", dims(Shape.of(Errors.index(p.autograd().shape(), n.firstFlat()))));
      nf.put("side", n.side());
      m.put("nonFinite", nf);
    }
    m.put("constantFactor", constantFactor());
    m.put("agreesPerSample", samples > 1 ? agreesPerSample() : null);
    m.put("autogradVsFiniteDifferences", p.numeric() == null ? null
        : Errors.maxAbs(p.autograd(), p.numeric()));
    m.put("manualVsFiniteDifferences", p.numeric() == null || !comparable() ? null
        : Errors.maxAbs(p.manual(), p.numeric()));
    m.put("tolerance", p.tolerance());
    m.put("built", p.built());
    return m;
  }

  private static List<Integer> dims(Shape s) {
    return Arrays.stream(s.dims()).boxed().toList();
  }
}
