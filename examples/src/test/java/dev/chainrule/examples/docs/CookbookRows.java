package dev.chainrule.examples.docs;

import static dev.chainrule.examples.docs.CookbookFunctions.leastSquares;
import static dev.chainrule.examples.docs.CookbookFunctions.quadratic;
import static dev.chainrule.examples.docs.CookbookFunctions.weightedLeastSquares;
import static dev.chainrule.examples.docs.CookbookRow.gradient;
import static dev.chainrule.examples.docs.Dense.add;
import static dev.chainrule.examples.docs.Dense.mul;
import static dev.chainrule.examples.docs.Dense.scale;
import static dev.chainrule.examples.docs.Dense.sub;
import static dev.chainrule.examples.docs.Dense.t;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.print.FormulaPrinter;
import dev.chainrule.core.rewrite.Rewriter;
import dev.chainrule.examples.docs.CookbookFunctions.LeastSquares;
import dev.chainrule.examples.docs.CookbookFunctions.Quadratic;
import dev.chainrule.examples.docs.CookbookFunctions.WeightedLeastSquares;
import dev.chainrule.examples.docs.CookbookRow.Matrix;
import java.util.List;

/**
 * The rows of the gradient table of docs/matrix-calculus.md: classic results of The Matrix
 * Cookbook (Petersen and Pedersen, version of November 15, 2012; equation numbers in
 * parentheses) and of the textbooks' losses, each with its closed form computed in plain Java. A
 * new row is one more entry here; {@link MatrixCookbookTest} checks it and writes it into the page.
 */
final class CookbookRows {
  private CookbookRows() {}

  /** Returns the gradient rows, in the order of the page. */
  static List<CookbookRow> gradients() {
    return List.of(
        new CookbookRow("aᵀx", "a.T().matmul(x).sum()", "a (69)", "dx = a", in -> {
          Matrix a = in.input("a", 3, 1);
          Matrix x = in.parameter("x", 3, 1);
          return gradient(a.node().T().matmul(x.node()).sum(), x, a.value());
        }),
        new CookbookRow("xᵀa", "x.T().matmul(a).sum()", "a (69)", "dx = a", in -> {
          Matrix a = in.input("a", 3, 1);
          Matrix x = in.parameter("x", 3, 1);
          return gradient(x.node().T().matmul(a.node()).sum(), x, a.value());
        }),
        new CookbookRow("xᵀx", "x.T().matmul(x).sum()", "2x ((81) with B = I)", "dx = 2·x",
            in -> {
              Matrix x = in.parameter("x", 3, 1);
              return gradient(x.node().T().matmul(x.node()).sum(), x, scale(2, x.value()));
            }),
        new CookbookRow("‖x‖₂²", "x.square().sum()", "2x ((81) with B = I)", "dx = 2·x", in -> {
          Matrix x = in.parameter("x", 3, 1);
          return gradient(x.node().square().sum(), x, scale(2, x.value()));
        }),
        new CookbookRow("xᵀAx", "x.T().matmul(A).matmul(x).sum()", "(A + Aᵀ)x (81)",
            "dx = (A + Aᵀ)·x", in -> {
              Quadratic q = quadratic(in, "A", a -> a);
              double[][] a = q.m().value();
              return gradient(q.f(), q.x(), mul(add(a, t(a)), q.x().value()));
            }),
        new CookbookRow("xᵀAx, A = BᵀB symmetric", "x.T().matmul(B.T().matmul(B)).matmul(x).sum()",
            "2Ax for a symmetric A ((81) with Aᵀ = A)", "dx = 2·Bᵀ·B·x", in -> {
              Quadratic q = quadratic(in, "B", b -> b.T().matmul(b));
              double[][] b = q.m().value();
              return gradient(q.f(), q.x(), scale(2, mul(mul(t(b), b), q.x().value())));
            }),
        new CookbookRow("xᵀAx, A = S + Sᵀ symmetric",
            "x.T().matmul(S.add(S.T())).matmul(x).sum()",
            "2Ax for a symmetric A ((81) with Aᵀ = A)", "dx = 2·(S + Sᵀ)·x", in -> {
              Quadratic q = quadratic(in, "S", s -> s.add(s.T()));
              double[][] a = add(q.m().value(), t(q.m().value()));
              return gradient(q.f(), q.x(), scale(2, mul(a, q.x().value())));
            }),
        new CookbookRow("‖Xw − y‖₂² (least squares)", "X.matmul(w).sub(y).square().sum()",
            "−2Xᵀ(y − Xw) ((84) with W = I)", "dw = 2·Xᵀ·(X·w − y)", in -> {
              LeastSquares l = leastSquares(in);
              double[][] x = l.x().value();
              double[][] r = sub(mul(x, l.w().value()), l.y().value());
              return gradient(l.squares(), l.w(), scale(2, mul(t(x), r)));
            }),
        new CookbookRow("(x − As)ᵀW(x − As), by s", "r.T().matmul(W).matmul(r).sum(), "
            + "r = x.sub(A.matmul(s))",
            "−2AᵀW(x − As) for a symmetric W (84); −Aᵀ(W + Wᵀ)(x − As) for any W",
            "ds = −Aᵀ·(W + Wᵀ)·(x − A·s)", in -> {
              WeightedLeastSquares l = weightedLeastSquares(in);
              double[][] a = l.a().value();
              double[][] r = sub(l.x().value(), mul(a, l.s().value()));
              double[][] w = l.w().value();
              return gradient(l.f(), l.s(), scale(-1, mul(mul(t(a), add(w, t(w))), r)));
            }),
        new CookbookRow("‖x − As‖₂², by A", "x.sub(A.matmul(s)).square().sum()",
            "−2(x − As)sᵀ ((88) with W = I)", "dA = −2·(x − A·s)·sᵀ", in -> {
              Matrix x = in.input("x", 3, 1);
              Matrix s = in.input("s", 2, 1);
              Matrix a = in.parameter("A", 3, 2);
              Node f = x.node().sub(a.node().matmul(s.node())).square().sum();
              double[][] rv = sub(x.value(), mul(a.value(), s.value()));
              return gradient(f, a, scale(-2, mul(rv, t(s.value()))));
            }),
        new CookbookRow("aᵀXb", "a.T().matmul(X).matmul(b).sum()", "abᵀ (70)", "dX = a·bᵀ",
            in -> {
              Matrix a = in.input("a", 3, 1);
              Matrix b = in.input("b", 2, 1);
              Matrix x = in.parameter("X", 3, 2);
              Node f = a.node().T().matmul(x.node()).matmul(b.node()).sum();
              return gradient(f, x, mul(a.value(), t(b.value())));
            }),
        new CookbookRow("aᵀXᵀb", "a.T().matmul(X.T()).matmul(b).sum()", "baᵀ (71)", "dX = b·aᵀ",
            in -> {
              Matrix a = in.input("a", 2, 1);
              Matrix b = in.input("b", 3, 1);
              Matrix x = in.parameter("X", 3, 2);
              Node f = a.node().T().matmul(x.node().T()).matmul(b.node()).sum();
              return gradient(f, x, mul(b.value(), t(a.value())));
            }),
        new CookbookRow("bᵀXᵀXc", "b.T().matmul(X.T()).matmul(X).matmul(c).sum()",
            "X(bcᵀ + cbᵀ) (77)", "dX = X·b·cᵀ + X·c·bᵀ", in -> {
              Matrix b = in.input("b", 2, 1);
              Matrix c = in.input("c", 2, 1);
              Matrix x = in.parameter("X", 3, 2);
              Node f = b.node().T().matmul(x.node().T()).matmul(x.node()).matmul(c.node()).sum();
              double[][] outer = add(mul(b.value(), t(c.value())), mul(c.value(), t(b.value())));
              return gradient(f, x, mul(x.value(), outer));
            }),
        new CookbookRow("bᵀXᵀDXc", "b.T().matmul(X.T()).matmul(D).matmul(X).matmul(c).sum()",
            "DᵀXbcᵀ + DXcbᵀ (82)", "dX = (bᵀ·Xᵀ·D)ᵀ·cᵀ + D·X·c·bᵀ", in -> {
              Matrix b = in.input("b", 2, 1);
              Matrix c = in.input("c", 2, 1);
              Matrix d = in.input("D", 3, 3);
              Matrix x = in.parameter("X", 3, 2);
              Node f = b.node().T().matmul(x.node().T()).matmul(d.node()).matmul(x.node())
                  .matmul(c.node()).sum();
              double[][] xv = x.value();
              double[][] closed = add(mul(mul(mul(t(d.value()), xv), b.value()), t(c.value())),
                  mul(mul(mul(d.value(), xv), c.value()), t(b.value())));
              return gradient(f, x, closed);
            }),
        new CookbookRow("(Xb + c)ᵀD(Xb + c)", "u.T().matmul(D).matmul(u).sum(), "
            + "u = X.matmul(b).add(c)", "(D + Dᵀ)(Xb + c)bᵀ (83)", "dX = (D + Dᵀ)·(X·b + c)·bᵀ",
            in -> {
              Matrix b = in.input("b", 2, 1);
              Matrix c = in.input("c", 3, 1);
              Matrix d = in.input("D", 3, 3);
              Matrix x = in.parameter("X", 3, 2);
              Node u = x.node().matmul(b.node()).add(c.node());
              Node f = u.T().matmul(d.node()).matmul(u).sum();
              double[][] uv = add(mul(x.value(), b.value()), c.value());
              return gradient(f, x,
                  mul(mul(add(d.value(), t(d.value())), uv), t(b.value())));
            }),
        new CookbookRow("tr(AX)", "A.T().mul(X).sum()", "Aᵀ ((100), of Tr(XA) = Tr(AX))",
            "dX = Aᵀ", in -> {
          Matrix a = in.input("A", 3, 2);
          Matrix x = in.parameter("X", 2, 3);
          return gradient(a.node().T().mul(x.node()).sum(), x, t(a.value()));
        }),
        new CookbookRow("tr(AXB)", "A.T().mul(X.matmul(B)).sum()", "AᵀBᵀ (101)", "dX = Aᵀ·Bᵀ",
            in -> {
              Matrix a = in.input("A", 2, 3);
              Matrix b = in.input("B", 4, 2);
              Matrix x = in.parameter("X", 3, 4);
              Node f = a.node().T().mul(x.node().matmul(b.node())).sum();
              return gradient(f, x, mul(t(a.value()), t(b.value())));
            }),
        new CookbookRow("tr(XᵀBX)", "X.mul(B.matmul(X)).sum()", "BX + BᵀX (108)",
            "dX = (B + Bᵀ)·X", in -> {
              Matrix b = in.input("B", 3, 3);
              Matrix x = in.parameter("X", 3, 2);
              Node f = x.node().mul(b.node().matmul(x.node())).sum();
              return gradient(f, x, add(mul(b.value(), x.value()), mul(t(b.value()), x.value())));
            }),
        new CookbookRow("tr(XBXᵀ)", "X.mul(X.matmul(B)).sum()", "XBᵀ + XB (111)",
            "dX = X·(B + Bᵀ)", in -> {
              Matrix b = in.input("B", 2, 2);
              Matrix x = in.parameter("X", 3, 2);
              Node f = x.node().mul(x.node().matmul(b.node())).sum();
              return gradient(f, x, add(mul(x.value(), t(b.value())), mul(x.value(), b.value())));
            }),
        new CookbookRow("tr(XᵀX)", "X.mul(X).sum()", "2X (115)", "dX = 2·X", in -> {
          Matrix x = in.parameter("X", 3, 2);
          return gradient(x.node().mul(x.node()).sum(), x, scale(2, x.value()));
        }),
        new CookbookRow("log Σᵢ exp(xᵢ)", "x.logSumExp()",
            "softmax(x) = eˣ/Σᵢ exp(xᵢ) (not in the Cookbook)", "dx = softmax(x)", in -> {
              Matrix x = in.parameter("x", 4, 1);
              return gradient(x.node().logSumExp(), x, Dense.softmax(x.value()));
            }),
        new CookbookRow("log Σᵢ exp(xᵢ), written out", "x.exp().sum().log()",
            "softmax(x) (not in the Cookbook)", "dx = softmax(x)", in -> {
              Matrix x = in.parameter("x", 4, 1);
              return gradient(x.node().exp().sum().log(), x, Dense.softmax(x.value()));
            }),
        new CookbookRow("logistic loss −(1/m)Σ [y log σ(Xw) + (1 − y) log(1 − σ(Xw))]",
            "y.mul(p.log()).add(y.rsub(1).mul(p.rsub(1).log())).mean().neg(), "
                + "p = X.matmul(w).sigmoid()",
            "(1/m)Xᵀ(σ(Xw) − y) (not in the Cookbook; Bishop, PRML §4.3.2)",
            "dw = (1/m)·Xᵀ·(σ(X·w) − y)", in -> {
              Matrix x = in.input("X", 5, 3);
              Matrix y = in.input("y", new double[][] {{1}, {0}, {0}, {1}, {1}});
              Matrix w = in.parameter("w", 3, 1);
              Node p = x.node().matmul(w.node()).sigmoid();
              Node f = y.node().mul(p.log()).add(y.node().rsub(1).mul(p.rsub(1).log())).mean()
                  .neg();
              double[][] error = sub(Dense.sigmoid(mul(x.value(), w.value())), y.value());
              return gradient(f, w, scale(1.0 / 5, mul(t(x.value()), error)), Rewriter.standard(),
                  FormulaPrinter.unicode().withSymbol("m", 5));
            }),
        new CookbookRow("softmax cross-entropy −yᵀ log softmax(Wx), y one-hot",
            "y.mul(W.matmul(x).logSoftmax(0)).sum().neg()",
            "(softmax(Wx) − y)xᵀ (not in the Cookbook; Bishop, PRML §4.3.4)",
            "dW = (softmax(W·x) − y)·xᵀ", in -> {
              Matrix x = in.input("x", 4, 1);
              Matrix y = in.input("y", new double[][] {{0}, {1}, {0}});
              Matrix w = in.parameter("W", 3, 4);
              Node f = y.node().mul(w.node().matmul(x.node()).logSoftmax(0)).sum().neg();
              double[][] error = sub(Dense.softmax(mul(w.value(), x.value())), y.value());
              return gradient(f, w, mul(error, t(x.value())),
                  Rewriter.standard().assumingDistribution(y.node(), 0), FormulaPrinter.unicode());
            }));
  }
}
