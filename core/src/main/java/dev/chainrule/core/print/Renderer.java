package dev.chainrule.core.print;

import dev.chainrule.core.graph.FormulaWriter;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.print.Piece.Kind;
import dev.chainrule.core.tensor.TensorFormat;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a node into a formula. Named nodes and leaves are atoms; unnamed operations are written
 * inline, each by its own {@link dev.chainrule.core.graph.Op#formula} over a writer of this
 * renderer's forms. The unnamed nodes below a root are rendered in creation order, each from its
 * inputs' renderings, so no recursion over the graph is needed however deep it is.
 */
final class Renderer {
  /** Longer subexpressions are written as an ellipsis (deep unnamed chains would be unreadable). */
  private static final int MAX_LENGTH = 20_000;

  private final Style style;
  private final SymbolTies ties;
  private final boolean axes;

  Renderer(Style style, Map<String, Double> symbols, boolean axes) {
    this.style = style;
    this.ties = new SymbolTies(symbols);
    this.axes = axes;
  }

  /** Returns the formula for {@code root}'s own operation over its inputs. */
  Piece definition(Node root) {
    if (root.kind() != NodeKind.OPERATION) {
      return leaf(root, null);
    }
    Map<Node, Piece> done = new IdentityHashMap<>();
    for (Node n : interior(root)) {
      done.put(n, clip(render(n, done)));
    }
    return render(root, done);
  }

  /** Returns the formula for {@code node} as it appears inside another: its name if it has one. */
  Piece reference(Node node) {
    return isAtom(node) ? leaf(node, null) : definition(node);
  }

  private static boolean isAtom(Node n) {
    return n.kind() != NodeKind.OPERATION || n.isUserNamed();
  }

  /**
   * Returns the unnamed operations below {@code root} that are written inline, by creation order.
   */
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

  /** Returns a leaf as {@code consumer} (null for none) reads it: a literal as its number. */
  private Piece leaf(Node n, Node consumer) {
    return n.isLiteral() ? number(n.storedValue().item(), ties.of(n, consumer))
        : Piece.atom(style.name(n.name()), true);
  }

  private Piece render(Node n, Map<Node, Piece> done) {
    List<Piece> in = n.inputs().stream().map(x -> isAtom(x) ? leaf(x, n) : done.get(x)).toList();
    if (in.contains(Piece.ELIDED)) {
      return Piece.ELIDED;
    }
    return n.op().formula(new Writer(n, in));
  }

  /** The forms one node's operation is written with, over its operands' pieces. */
  private final class Writer implements FormulaWriter<Piece> {
    private final Node node;
    private final List<Piece> in;

    Writer(Node node, List<Piece> in) {
      this.node = node;
      this.in = in;
    }

    @Override
    public Piece operand(int i) {
      return in.get(i);
    }

    @Override
    public int operands() {
      return in.size();
    }

    @Override
    public Piece generic(Notation notation) {
      return Renderer.this.generic(notation, in);
    }

    @Override
    public Piece sum(Piece a, Piece b) {
      return additive(false, a, b);
    }

    @Override
    public Piece difference(Piece a, Piece b) {
      return additive(true, a, b);
    }

    @Override
    public Piece negation(Piece x) {
      return new Piece(style.minus(wrapIf(x, x.is(Kind.ADDITIVE) || x.minus())), Kind.NEGATION,
          true, false);
    }

    @Override
    public Node node() {
      return node;
    }

    @Override
    public Piece product(Piece a, Piece b) {
      return Renderer.this.product(node, a, b);
    }

    @Override
    public Piece hadamard(Piece a, Piece b) {
      return Renderer.this.hadamard(a, b);
    }

    @Override
    public Piece matrixProduct(Piece a, Piece b) {
      return Renderer.this.matrixProduct(a, b);
    }

    @Override
    public Piece quotient(Piece a, Piece b) {
      return Renderer.this.quotient(a, b);
    }

    @Override
    public Piece transposed(Piece x) {
      return Renderer.this.transposed(x);
    }

    @Override
    public Piece power(Piece x, Piece exponent) {
      return Piece.of(style.power(postfixBase(x), exponent.text()), Kind.POSTFIX);
    }

    @Override
    public Piece number(double value) {
      return Renderer.this.number(value, Map.of());
    }

    @Override
    public Piece sqrt(Piece x) {
      return Piece.atom(style.sqrt(x.text(), x.precedence() >= Kind.POSTFIX.precedence), false);
    }

    @Override
    public Piece abs(Piece x) {
      return Piece.atom(style.abs(x.text()), false);
    }

    @Override
    public Piece sigma(String axesLabel, Piece x) {
      return Piece.of(style.sum(axesLabel, x.text(), x.precedence() >= Kind.POSTFIX.precedence
          && !x.minus()), Kind.SIGMA);
    }

    @Override
    public Piece indicator(Piece a, String relation, Piece b) {
      return Piece.atom(style.indicator(a.text() + style.operator(relation) + b.text()), false);
    }

    @Override
    public Piece function(String name, List<Piece> arguments) {
      String args = arguments.stream().map(Piece::text).collect(Collectors.joining(", "));
      return Piece.atom(style.function(name, args), false);
    }

    @Override
    public Piece text(String text) {
      return Piece.atom(text, false);
    }

    @Override
    public Piece axes(String label) {
      return Piece.atom(style.words(label), false);
    }

    @Override
    public boolean showsAxes() {
      return axes;
    }
  }

  private Piece additive(boolean sub, Piece left, Piece right) {
    boolean wrap = right.minus() || (sub && right.is(Kind.ADDITIVE));
    return Piece.of(left.text() + style.operator(sub ? "−" : "+") + wrapIf(right, wrap),
        Kind.ADDITIVE).withMinus(left.minus());
  }

  private Piece generic(Notation notation, List<Piece> in) {
    String symbol = notation.text();
    switch (notation.form()) {
      case INFIX:
        return Piece.of(in.get(0).text() + style.operator(symbol) + wrapIf(in.get(1),
            in.get(1).precedence() <= notation.precedence()), Kind.ADDITIVE);
      case PREFIX:
        return Piece.of(symbol + wrapIf(in.get(0), in.get(0).precedence() < Kind.POSTFIX
            .precedence), Kind.NEGATION);
      case POSTFIX:
        return Piece.of(postfixBase(in.get(0)) + symbol, Kind.POSTFIX);
      default:
        String args = in.stream().map(Piece::text).collect(Collectors.joining(", "));
        return Piece.atom(style.function(symbol, notation.latex(), args), false);
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
      return scaled(factorNode, n, scalarA ? a : b, scalarA ? b : a);
    }
    if (scalarA) {
      return Piece.of(wrapIf(a, a.precedence() < Kind.HADAMARD.precedence) + style.tight("·")
              + wrapIf(b, b.precedence() < Kind.HADAMARD.precedence || b.minus()),
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

  private Piece scaled(Node factorNode, Node product, Piece factor, Piece x) {
    String body = wrapIf(x, x.precedence() < 2 || x.minus());
    if (factorNode.isLiteral()) {
      double v = factorNode.storedValue().item();
      Map<String, Double> tied = ties.of(factorNode, product);
      Fraction f = symbol(Math.abs(v), tied) == null ? Fraction.of(v, tied) : null;
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
    return Piece.of(wrapIf(a, wrapA) + style.tight("·") + wrapIf(b, wrapB), Kind.MATRIX)
        .withMinus(a.minus() && !wrapA);
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
   * Returns a number as written: one of the {@code tied} symbols (m), the reciprocal of one (1/m),
   * a fraction 1/k when its decimal form is long (1/8, 1/3; but 0.5, 0.1), or the decimal number.
   */
  private Piece number(double v, Map<String, Double> tied) {
    String name = symbol(Math.abs(v), tied);
    if (name != null) {
      Piece p = Piece.atom(style.name(name), false);
      return v < 0 ? new Piece(style.minus(p.text()), Kind.NEGATION, true, false) : p;
    }
    Fraction f = Fraction.of(v, tied);
    if (f != null) {
      String text = style.fraction("1", style.name(f.denominator()));
      Kind kind = style.fractionsAreAtoms() ? Kind.ATOM : Kind.QUOTIENT;
      return f.negative() ? new Piece(style.minus(text), Kind.NEGATION, true, false)
          : Piece.of(text, kind);
    }
    String text = style.number(TensorFormat.number(v));
    return v < 0 ? new Piece(text, Kind.NEGATION, true, false) : Piece.atom(text, false);
  }

  private static String symbol(double magnitude, Map<String, Double> tied) {
    for (Map.Entry<String, Double> s : tied.entrySet()) {
      if (magnitude == s.getValue()) {
        return s.getKey();
      }
    }
    return null;
  }
}
