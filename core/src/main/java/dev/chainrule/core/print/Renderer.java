package dev.chainrule.core.print;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.ops.Abs;
import dev.chainrule.core.graph.ops.Add;
import dev.chainrule.core.graph.ops.BroadcastTo;
import dev.chainrule.core.graph.ops.Compare;
import dev.chainrule.core.graph.ops.Div;
import dev.chainrule.core.graph.ops.Identity;
import dev.chainrule.core.graph.ops.MatMul;
import dev.chainrule.core.graph.ops.Mean;
import dev.chainrule.core.graph.ops.Mul;
import dev.chainrule.core.graph.ops.Neg;
import dev.chainrule.core.graph.ops.Pow;
import dev.chainrule.core.graph.ops.Reshape;
import dev.chainrule.core.graph.ops.SigmoidCrossEntropy;
import dev.chainrule.core.graph.ops.SoftmaxCrossEntropy;
import dev.chainrule.core.graph.ops.Sqrt;
import dev.chainrule.core.graph.ops.Square;
import dev.chainrule.core.graph.ops.Sub;
import dev.chainrule.core.graph.ops.Sum;
import dev.chainrule.core.graph.ops.Transpose;
import dev.chainrule.core.graph.ops.Where;
import dev.chainrule.core.print.Piece.Kind;
import dev.chainrule.core.tensor.TensorFormat;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a node into a formula. Named nodes and leaves are atoms; unnamed operations are written
 * inline. The unnamed nodes below a root are rendered in creation order, each from its inputs'
 * renderings, so no recursion over the graph is needed however deep it is.
 */
final class Renderer {
  /** Longer subexpressions are written as an ellipsis (deep unnamed chains would be unreadable). */
  private static final int MAX_LENGTH = 20_000;

  private final Style style;
  private final Map<String, Double> symbols;
  private final boolean axes;

  Renderer(Style style, Map<String, Double> symbols, boolean axes) {
    this.style = style;
    this.symbols = symbols;
    this.axes = axes;
  }

  /** Returns the formula for {@code root}'s own operation over its inputs. */
  Piece definition(Node root) {
    if (root.kind() != NodeKind.OPERATION) {
      return leaf(root);
    }
    Map<Node, Piece> done = new IdentityHashMap<>();
    for (Node n : interior(root)) {
      done.put(n, clip(render(n, done)));
    }
    return render(root, done);
  }

  /** Returns the formula for {@code node} as it appears inside another: its name if it has one. */
  Piece reference(Node node) {
    return isAtom(node) ? leaf(node) : definition(node);
  }

  private static boolean isAtom(Node n) {
    return n.kind() != NodeKind.OPERATION || n.isUserNamed();
  }

  /** Returns the unnamed operations below {@code root} that are written inline, by creation order. */
  private static List<Node> interior(Node root) {
    BitSet marked = new BitSet(root.id());
    for (Node in : root.inputs()) {
      if (!isAtom(in)) {
        marked.set(in.id());
      }
    }
    List<Node> found = new ArrayList<>();
    for (int id = marked.previousSetBit(root.id()); id >= 0; id = marked.previousSetBit(id - 1)) {
      Node n = root.graph().node(id);
      found.add(n);
      for (Node in : n.inputs()) {
        if (!isAtom(in)) {
          marked.set(in.id());
        }
      }
    }
    Collections.reverse(found);
    return found;
  }

  private static Piece clip(Piece p) {
    return p.text().length() <= MAX_LENGTH ? p : Piece.ELIDED;
  }

  private Piece leaf(Node n) {
    return n.isLiteral() ? number(n.storedValue().item()) : Piece.atom(style.name(n.name()), true);
  }

  private Piece render(Node n, Map<Node, Piece> done) {
    List<Piece> in = n.inputs().stream().map(x -> isAtom(x) ? leaf(x) : done.get(x)).toList();
    if (in.contains(Piece.ELIDED)) {
      return Piece.ELIDED;
    }
    Op op = n.op();
    if (op instanceof BroadcastTo || op instanceof Reshape || op == Identity.INSTANCE) {
      return in.get(0);
    }
    if (op == Add.INSTANCE || op == Sub.INSTANCE) {
      boolean sub = op == Sub.INSTANCE;
      Piece right = in.get(1);
      boolean wrap = right.minus() || (sub && right.is(Kind.ADDITIVE));
      return Piece.of(in.get(0).text() + style.operator(sub ? "−" : "+")
          + wrapIf(right, wrap), Kind.ADDITIVE).withMinus(in.get(0).minus());
    }
    if (op == Neg.INSTANCE) {
      Piece x = in.get(0);
      return new Piece(style.minus(wrapIf(x, x.is(Kind.ADDITIVE) || x.minus())), Kind.NEGATION,
          true, false);
    }
    if (op == Mul.INSTANCE) {
      return product(n, in.get(0), in.get(1));
    }
    if (op instanceof MatMul m) {
      Piece a = m.transposeA() ? transposed(in.get(0)) : in.get(0);
      Piece b = m.transposeB() ? transposed(in.get(1)) : in.get(1);
      return matrixProduct(a, b);
    }
    if (op == Div.INSTANCE) {
      return quotient(in.get(0), in.get(1));
    }
    if (isMaskSelect(n)) {
      return hadamard(in.get(1), in.get(0));
    }
    return other(op, n, in);
  }

  /**
   * Returns true for where(c, g, 0) with a comparison c: it selects g by the mask 1(c), which the
   * seeds write as the product g ∘ 1(c) (ReLU's derivative dA ∘ 1(Z &gt; 0) among others).
   */
  private static boolean isMaskSelect(Node n) {
    Node otherwise = n.op() == Where.INSTANCE ? n.inputs().get(2) : null;
    return otherwise != null && otherwise.isLiteral() && otherwise.storedValue().item() == 0.0
        && n.inputs().get(0).op() instanceof Compare;
  }

  private Piece other(Op op, Node n, List<Piece> in) {
    Piece x = in.get(0);
    if (op instanceof Transpose t) {
      return t.permutation().length == 2 ? transposed(x)
          : Piece.atom(style.function("transpose", x.text() + ", "
              + Arrays.toString(t.permutation())), false);
    }
    if (op == Square.INSTANCE) {
      return Piece.of(style.power(postfixBase(x), "2"), Kind.POSTFIX);
    }
    if (op instanceof Pow p) {
      return Piece.of(style.power(postfixBase(x), number(p.exponent()).text()), Kind.POSTFIX);
    }
    if (op == Sqrt.INSTANCE) {
      return Piece.atom(style.sqrt(x.text(), x.precedence() >= Kind.POSTFIX.precedence), false);
    }
    if (op == Abs.INSTANCE) {
      return Piece.atom(style.abs(x.text()), false);
    }
    if (op instanceof Sum s) {
      String label = axes ? s.axes().formulaLabel() : "";
      return Piece.of(style.sum(label, x.text(), x.precedence() >= Kind.POSTFIX.precedence
          && !x.minus()), Kind.SIGMA);
    }
    if (op instanceof Mean m && axes) {
      return Piece.atom(style.function("mean", x.text() + ", "
          + m.axes().formulaLabel()), false);
    }
    if (op instanceof Compare) {
      return Piece.atom(style.indicator(x.text() + style.operator(op.notation().text())
          + in.get(1).text()), false);
    }
    if (op == SigmoidCrossEntropy.INSTANCE) {
      return Piece.atom(style.function("BCE", style.function("σ", x.text()) + ", "
          + in.get(1).text()), false);
    }
    if (op instanceof SoftmaxCrossEntropy) {
      return Piece.atom(style.function("CE", style.function("softmax", x.text()) + ", "
          + in.get(1).text()), false);
    }
    return generic(op, in);
  }

  private Piece generic(Op op, List<Piece> in) {
    String symbol = op.notation().text();
    switch (op.notation().form()) {
      case INFIX:
        return Piece.of(in.get(0).text() + style.operator(symbol) + wrapIf(in.get(1),
            in.get(1).precedence() <= op.notation().precedence()), Kind.ADDITIVE);
      case PREFIX:
        return Piece.of(symbol + wrapIf(in.get(0), in.get(0).precedence() < Kind.POSTFIX
            .precedence), Kind.NEGATION);
      case POSTFIX:
        return Piece.of(postfixBase(in.get(0)) + symbol, Kind.POSTFIX);
      default:
        String args = in.stream().map(Piece::text).collect(Collectors.joining(", "));
        return Piece.atom(style.function(symbol, args), false);
    }
  }

  private String wrapIf(Piece p, boolean wrap) {
    return wrap ? style.paren(p.text()) : p.text();
  }

  private String postfixBase(Piece x) {
    return wrapIf(x, x.precedence() < Kind.ATOM.precedence || x.minus());
  }

  private Piece transposed(Piece x) {
    boolean atom = x.precedence() >= Kind.ATOM.precedence && !x.minus();
    return Piece.of(style.transpose(atom ? x.text() : style.paren(x.text()), atom && x.named()),
        Kind.POSTFIX);
  }

  private Piece product(Node n, Piece a, Piece b) {
    boolean scalarA = n.inputs().get(0).shape().isScalar();
    boolean scalarB = n.inputs().get(1).shape().isScalar();
    if (scalarA && scalarB && n.inputs().get(0).isLiteral() != n.inputs().get(1).isLiteral()) {
      scalarA = n.inputs().get(0).isLiteral();
      scalarB = !scalarA;
    }
    if (scalarA != scalarB) {
      Node factorNode = scalarA ? n.inputs().get(0) : n.inputs().get(1);
      return scaled(factorNode, scalarA ? a : b, scalarA ? b : a);
    }
    if (scalarA) {
      return Piece.of(wrapIf(a, a.precedence() < Kind.HADAMARD.precedence) + style.tight("·") + wrapIf(b, b.precedence() < Kind.HADAMARD.precedence || b.minus()),
          Kind.SCALED).withMinus(a.minus());
    }
    return hadamard(a, b);
  }

  private Piece hadamard(Piece a, Piece b) {
    boolean wrapA = a.precedence() < 2 || a.is(Kind.MATRIX, Kind.QUOTIENT, Kind.SIGMA);
    boolean wrapB = b.precedence() < 2 || b.minus()
        || b.is(Kind.MATRIX, Kind.QUOTIENT, Kind.SIGMA, Kind.SCALED);
    return Piece.of(wrapIf(a, wrapA) + style.operator("∘") + wrapIf(b, wrapB), Kind.HADAMARD)
        .withMinus(a.minus() && !wrapA);
  }

  private Piece scaled(Node factorNode, Piece factor, Piece x) {
    String body = wrapIf(x, x.precedence() < 2 || x.minus());
    if (factorNode.isLiteral()) {
      double v = factorNode.storedValue().item();
      Fraction f = symbol(Math.abs(v)) == null ? Fraction.of(v, symbols) : null;
      if (f != null) {
        String text = style.scaled(style.fraction("1", style.name(f.denominator())), true, body);
        return f.negative() ? new Piece(style.minus(text), Kind.NEGATION, true, false)
            : Piece.of(text, Kind.SCALED);
      }
    }
    String factorText = wrapIf(factor, factor.precedence() < Kind.ATOM.precedence && !factor
        .is(Kind.NEGATION));
    return new Piece(style.scaled(factorText, false, body), Kind.SCALED, factor.minus(), false);
  }

  private Piece matrixProduct(Piece a, Piece b) {
    boolean wrapA = a.precedence() < 2 || a.is(Kind.HADAMARD, Kind.QUOTIENT, Kind.SIGMA);
    boolean wrapB = b.precedence() < 2 || b.minus() || b.is(Kind.HADAMARD, Kind.QUOTIENT,
        Kind.SIGMA);
    return Piece.of(wrapIf(a, wrapA) + style.tight("·") + wrapIf(b, wrapB), Kind.MATRIX).withMinus(a.minus() && !wrapA);
  }

  private Piece quotient(Piece a, Piece b) {
    if (style.fractionsAreAtoms()) {
      return Piece.atom(style.fraction(a.text(), b.text()), false);
    }
    boolean wrapB = b.precedence() < Kind.POSTFIX.precedence || b.minus();
    return Piece.of(wrapIf(a, a.precedence() < 2) + "/" + wrapIf(b, wrapB), Kind.QUOTIENT)
        .withMinus(a.minus());
  }

  /**
   * Returns a number as written: a registered symbol (m), the reciprocal of one (1/m), a fraction
   * 1/k when its decimal form is long (1/8, 1/3; but 0.5, 0.1), or the decimal number.
   */
  private Piece number(double v) {
    String name = symbol(Math.abs(v));
    if (name != null) {
      Piece p = Piece.atom(style.name(name), false);
      return v < 0 ? new Piece(style.minus(p.text()), Kind.NEGATION, true, false) : p;
    }
    Fraction f = Fraction.of(v, symbols);
    if (f != null) {
      String text = style.fraction("1", style.name(f.denominator()));
      Kind kind = style.fractionsAreAtoms() ? Kind.ATOM : Kind.QUOTIENT;
      return f.negative() ? new Piece(style.minus(text), Kind.NEGATION, true, false)
          : Piece.of(text, kind);
    }
    String text = style.number(TensorFormat.number(v));
    return v < 0 ? new Piece(text, Kind.NEGATION, true, false) : Piece.atom(text, false);
  }

  private String symbol(double magnitude) {
    for (Map.Entry<String, Double> s : symbols.entrySet()) {
      if (magnitude == s.getValue()) {
        return s.getKey();
      }
    }
    return null;
  }
}
