package dev.chainrule.examples.docs;

import static dev.chainrule.examples.docs.CookbookFunctions.leastSquares;
import static dev.chainrule.examples.docs.CookbookFunctions.quadratic;
import static dev.chainrule.examples.docs.CookbookFunctions.weightedLeastSquares;
import static dev.chainrule.examples.docs.CookbookRow.hessian;
import static dev.chainrule.examples.docs.Dense.add;
import static dev.chainrule.examples.docs.Dense.diag;
import static dev.chainrule.examples.docs.Dense.identity;
import static dev.chainrule.examples.docs.Dense.mul;
import static dev.chainrule.examples.docs.Dense.scale;
import static dev.chainrule.examples.docs.Dense.sigmoid;
import static dev.chainrule.examples.docs.Dense.sigmoidSlope;
import static dev.chainrule.examples.docs.Dense.softmax;
import static dev.chainrule.examples.docs.Dense.sub;
import static dev.chainrule.examples.docs.Dense.t;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.print.FormulaPrinter;
import dev.chainrule.core.rewrite.Rewriter;
import dev.chainrule.examples.docs.CookbookFunctions.LeastSquares;
import dev.chainrule.examples.docs.CookbookFunctions.Quadratic;
import dev.chainrule.examples.docs.CookbookFunctions.WeightedLeastSquares;
import dev.chainrule.examples.docs.CookbookRow.Inputs;
import dev.chainrule.examples.docs.CookbookRow.Matrix;
import java.util.List;

/**
 * The rows of the Hessian table of docs/matrix-calculus.md: the second derivatives of The Matrix
 * Cookbook's quadratic forms (its equations (96)–(98): the Hessian of xᵀAx + bᵀx is A + Aᵀ) and of
 * the textbooks' losses, as {@link Rewriter#hessian} prints them, each with its closed form
 * computed in plain Java. A Hessian is over the elements of the variable, row by row, so the
 * Hessian of a function of an n × 1 column or a 1 × n row is n × n.
 */
final class CookbookHessians {
  private CookbookHessians() {}

  /** The labels of the logistic-loss rows: five samples, three of class 1. */
  private static final double[][] LABELS = {{1}, {0}, {0}, {1}, {1}};

  /** Returns the Hessian rows, in the order of the page. */
  static List<CookbookRow> hessians() {
    return List.of(
        new CookbookRow("aᵀx", "a.T().matmul(x).sum()",
            "0 (the gradient a of (69) does not depend on x)", "0", in -> {
              Matrix a = in.input("a", 3, 1);
              Matrix x = in.parameter("x", 3, 1);
              return hessian(a.node().T().matmul(x.node()).sum(), x, new double[3][3]);
            }),
        new CookbookRow("xᵀx", "x.T().matmul(x).sum()", "2I ((98) with A = I)", "2·I", in -> {
          Matrix x = in.parameter("x", 3, 1);
          return hessian(x.node().T().matmul(x.node()).sum(), x, scale(2, identity(3)));
        }),
        new CookbookRow("½‖x‖₂²", "x.square().sum().mul(0.5)", "I ((98) with A = ½I)", "I",
            in -> {
              Matrix x = in.parameter("x", 3, 1);
              return hessian(x.node().square().sum().mul(0.5), x, identity(3));
            }),
        new CookbookRow("xᵀAx", "x.T().matmul(A).matmul(x).sum()", "A + Aᵀ (98)", "A + Aᵀ",
            in -> {
              Quadratic q = quadratic(in, "A", a -> a);
              return hessian(q.f(), q.x(), add(q.m().value(), t(q.m().value())));
            }),
        new CookbookRow("xᵀAx + bᵀx", "x.T().matmul(A).matmul(x).add(b.T().matmul(x)).sum()",
            "A + Aᵀ ((96), (98))", "A + Aᵀ", in -> {
              Matrix a = in.input("A", 3, 3);
              Matrix b = in.input("b", 3, 1);
              Matrix x = in.parameter("x", 3, 1);
              Node f = x.node().T().matmul(a.node()).matmul(x.node())
                  .add(b.node().T().matmul(x.node())).sum();
              return hessian(f, x, add(a.value(), t(a.value())));
            }),
        new CookbookRow("xᵀAx, A = BᵀB symmetric", "x.T().matmul(B.T().matmul(B)).matmul(x).sum()",
            "2A for a symmetric A ((98) with Aᵀ = A)", "2·Bᵀ·B", in -> {
              Quadratic q = quadratic(in, "B", b -> b.T().matmul(b));
              return hessian(q.f(), q.x(), scale(2, mul(t(q.m().value()), q.m().value())));
            }),
        new CookbookRow("xᵀAx, A = S + Sᵀ symmetric",
            "x.T().matmul(S.add(S.T())).matmul(x).sum()",
            "2A for a symmetric A ((98) with Aᵀ = A)", "2·(S + Sᵀ)", in -> {
              Quadratic q = quadratic(in, "S", s -> s.add(s.T()));
              return hessian(q.f(), q.x(), scale(2, add(q.m().value(), t(q.m().value()))));
            }),
        new CookbookRow("aᵀx · xᵀb", "a.T().matmul(x).mul(x.T().matmul(b)).sum()",
            "abᵀ + baᵀ ((98) with A = abᵀ: aᵀx · xᵀb = xᵀabᵀx)", "b·aᵀ + a·bᵀ", in -> {
              Matrix a = in.input("a", 3, 1);
              Matrix b = in.input("b", 3, 1);
              Matrix x = in.parameter("x", 3, 1);
              Node f = a.node().T().matmul(x.node()).mul(x.node().T().matmul(b.node())).sum();
              return hessian(f, x, add(mul(a.value(), t(b.value())), mul(b.value(), t(a.value()))));
            }),
        new CookbookRow("‖Xw − y‖₂² (least squares)", "X.matmul(w).sub(y).square().sum()",
            "2XᵀX ((98) with A = XᵀX, b = −2Xᵀy)", "2·Xᵀ·X", in -> {
              LeastSquares l = leastSquares(in);
              return hessian(l.squares(), l.w(), scale(2, mul(t(l.x().value()), l.x().value())));
            }),
        new CookbookRow("½‖Xw − y‖₂²", "X.matmul(w).sub(y).square().sum().mul(0.5)",
            "XᵀX (not in the Cookbook; Bishop, PRML (4.94), ΦᵀΦ)", "Xᵀ·X", in -> {
              LeastSquares l = leastSquares(in);
              return hessian(l.squares().mul(0.5), l.w(), mul(t(l.x().value()), l.x().value()));
            }),
        new CookbookRow("‖Xw − y‖₂² + λ‖w‖₂² (ridge)",
            "X.matmul(w).sub(y).square().sum().add(λ.mul(w.square().sum()))",
            "2(XᵀX + λI) ((98) with A = XᵀX + λI)", "2·λ·I + 2·Xᵀ·X", in -> {
              LeastSquares l = leastSquares(in);
              Matrix lambda = in.input("λ", new double[][] {{0.3}});
              Node f = l.squares().add(lambda.node().mul(l.w().node().square().sum()));
              double[][] a = add(mul(t(l.x().value()), l.x().value()), scale(0.3, identity(3)));
              return hessian(f, l.w(), scale(2, a));
            }),
        new CookbookRow("(x − As)ᵀW(x − As), by s",
            "r.T().matmul(W).matmul(r).sum(), r = x.sub(A.matmul(s))",
            "2AᵀWA for a symmetric W; Aᵀ(W + Wᵀ)A for any W ((98) for the quadratic term sᵀAᵀWAs)",
            "Aᵀ·(W + Wᵀ)·A", in -> {
              WeightedLeastSquares l = weightedLeastSquares(in);
              double[][] a = l.a().value();
              return hessian(l.f(), l.s(), mul(mul(t(a), add(l.w().value(), t(l.w().value()))), a));
            }),
        new CookbookRow("log Σᵢ exp(xᵢ)", "x.logSumExp()",
            "diag(p) − ppᵀ, p = softmax(x) (not in the Cookbook; Boyd and Vandenberghe, "
                + "Convex Optimization, ch. 3, log-sum-exp)",
            "diag(softmax(x)) − softmax(x)·softmax(x)ᵀ", in -> {
              Matrix x = in.parameter("x", 4, 1);
              return hessian(x.node().logSumExp(), x, softmaxJacobian(x.value()));
            }),
        new CookbookRow("log Σᵢ exp(xᵢ), written out", "x.exp().sum().log()",
            "diag(p) − ppᵀ (as above)", "diag(softmax(x)) − softmax(x)·softmax(x)ᵀ", in -> {
              Matrix x = in.parameter("x", 4, 1);
              return hessian(x.node().exp().sum().log(), x, softmaxJacobian(x.value()));
            }),
        new CookbookRow("softmax cross-entropy −yᵀ log softmax(z), by the logits, y one-hot",
            "y.mul(z.logSoftmax(0)).sum().neg()",
            "diag(p) − ppᵀ, p = softmax(z) (not in the Cookbook; Bishop, PRML §4.3.4)",
            "diag(softmax(z)) − softmax(z)·softmax(z)ᵀ", in -> {
              Matrix z = in.parameter("z", 3, 1);
              Matrix y = in.input("y", new double[][] {{0}, {1}, {0}});
              Node f = y.node().mul(z.node().logSoftmax(0)).sum().neg();
              return hessian(f, z, softmaxJacobian(z.value()),
                  Rewriter.standard().assumingDistribution(y.node(), 0), FormulaPrinter.unicode());
            }),
        new CookbookRow("logistic loss, summed: −Σ [y log p + (1 − y) log(1 − p)], p = σ(Xw)",
            "y.mul(p.log()).add(y.rsub(1).mul(p.rsub(1).log())).sum().neg(), "
                + "p = X.matmul(w).sigmoid().named(\"p\")",
            "XᵀRX, R = diag(p ∘ (1 − p)) (not in the Cookbook; Bishop, PRML §4.3.3, ΦᵀRΦ with "
                + "(4.98))",
            "Xᵀ·diag(p ∘ (1 − p))·X", in -> logisticByRows(in, false)),
        new CookbookRow("logistic loss, mean over m samples, one sample per row of X",
            "y.mul(p.log()).add(y.rsub(1).mul(p.rsub(1).log())).mean().neg(), "
                + "p = X.matmul(w).sigmoid().named(\"p\")",
            "(1/m)XᵀRX (the above over m)", "(1/m)·Xᵀ·diag(p ∘ (1 − p))·X",
            in -> logisticByRows(in, true)),
        new CookbookRow("logistic loss, mean over m samples, one sample per column of X "
            + "(chainrule's layout, W a row)",
            "Y.mul(A.log()).add(Y.rsub(1).mul(A.rsub(1).log())).mean().neg(), "
                + "A = W.matmul(X).sigmoid().named(\"A\")",
            "(1/m)X·diag(A ∘ (1 − A))·Xᵀ (the above, transposed layout)",
            "(1/m)·X·diag(A ∘ (1 − A))·Xᵀ", in -> {
              Matrix x = in.input("X", 3, 5);
              Matrix y = in.input("Y", t(LABELS));
              Matrix w = in.parameter("W", 1, 3);
              Node a = w.node().matmul(x.node()).sigmoid().named("A");
              Node f = y.node().mul(a.log()).add(y.node().rsub(1).mul(a.rsub(1).log())).mean()
                  .neg();
              double[][] slope = diag(sigmoidSlope(sigmoid(mul(w.value(), x.value()))));
              double[][] closed = scale(1.0 / 5, mul(mul(x.value(), slope), t(x.value())));
              return hessian(f, w, closed, Rewriter.standard(),
                  FormulaPrinter.unicode().withSymbol("m", 5));
            }));
  }

  /** Returns diag(p) − p·pᵀ for p = softmax(x): the Jacobian of softmax, computed by loops. */
  private static double[][] softmaxJacobian(double[][] x) {
    double[][] p = softmax(x);
    return sub(diag(p), mul(p, t(p)));
  }

  /** The logistic loss of five samples, one per row of X, summed or averaged. */
  private static CookbookRow.Example logisticByRows(Inputs in, boolean mean) {
    Matrix x = in.input("X", 5, 3);
    Matrix y = in.input("y", LABELS);
    Matrix w = in.parameter("w", 3, 1);
    Node p = x.node().matmul(w.node()).sigmoid().named("p");
    Node total = y.node().mul(p.log()).add(y.node().rsub(1).mul(p.rsub(1).log()));
    Node f = (mean ? total.mean() : total.sum()).neg();
    double[][] slope = diag(sigmoidSlope(sigmoid(mul(x.value(), w.value()))));
    double[][] closed = mul(mul(t(x.value()), slope), x.value());
    FormulaPrinter printer = FormulaPrinter.unicode();
    return mean
        ? hessian(f, w, scale(1.0 / 5, closed), Rewriter.standard(), printer.withSymbol("m", 5))
        : hessian(f, w, closed, Rewriter.standard(), printer);
  }
}
