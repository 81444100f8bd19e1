package dev.chainrule.core.export;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.graph.Notation;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one step of a folded run as the loop it came from: {@code y ← y ∘ x + 0.1} for each value
 * carried to the next step, {@code → dy ∘ yᵢ} for each value only used outside the run. Operands
 * are the step's own nodes (written inline), the previous step's carried values (by name), nodes
 * every step shares (by name), numbers, and step i of another run, subscripted ᵢ. A carried value
 * is named by its own name, else for a gradient by the variable it is the derivative of, else by
 * the loop's initial value, else {@code v}.
 */
final class StepFormula {
  private static final int MAX_LINES = 3;
  private static final int MAX_LENGTH = 48;
  private static final String STEP = "ᵢ";

  private final Selection selection;
  private final RunFinder finder;
  private final List<Fold> runs;
  private final boolean[] escapes;

  /**
   * Creates the writer for the folds {@code runs} of {@code finder}'s sequence; {@code escapes}
   * tells, by node id, which folded nodes are read from outside their fold.
   */
  StepFormula(Selection selection, RunFinder finder, List<Fold> runs, boolean[] escapes) {
    this.selection = selection;
    this.finder = finder;
    this.runs = runs;
    this.escapes = escapes;
  }

  /** Returns the lines describing one step of {@code fold}. */
  List<String> lines(Fold fold) {
    RunFinder.Run run = fold.run();
    boolean[] carried = new boolean[run.period()];
    boolean[] escapes = new boolean[run.period()];
    for (int r = 0; r < run.period(); r++) {
      for (Node in : node(run, 2, r).inputs()) {
        int p = finder.position(in);
        if (p >= run.start() + run.period() && p < run.start() + 2 * run.period()) {
          carried[p - run.start() - run.period()] = true;
        }
      }
    }
    for (int p = run.start(); p < run.end(); p++) {
      escapes[(p - run.start()) % run.period()] |= this.escapes[finder.sequence().get(p).id()];
    }
    List<String> lines = new ArrayList<>();
    for (int r = 0; r < run.period(); r++) {
      if (carried[r]) {
        lines.add(name(fold, r) + " ← " + expression(fold, r, "").text());
      }
    }
    for (int r = 0; r < run.period(); r++) {
      if (escapes[r] && !carried[r]) {
        lines.add("→ " + expression(fold, r, "").text());
      }
    }
    List<String> clipped = new ArrayList<>();
    for (String line : lines.subList(0, Math.min(lines.size(), MAX_LINES))) {
      clipped.add(line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH - 1) + "…" : line);
    }
    if (lines.size() > MAX_LINES) {
      clipped.add("…");
    }
    return clipped;
  }

  /** Returns the node at offset {@code r} of step {@code step} of {@code run}. */
  private Node node(RunFinder.Run run, int step, int r) {
    return finder.sequence().get(run.start() + step * run.period() + r);
  }

  /** An expression and how tightly it binds, for parentheses. */
  private record Text(String text, int precedence) {}

  /**
   * Returns the expression of the node at offset {@code r} of step 1 of {@code fold}, marking
   * per-step names with {@code subscript} (empty in the fold's own box, ᵢ when quoted in
   * another).
   */
  private Text expression(Fold fold, int r, String subscript) {
    RunFinder.Run run = fold.run();
    Node n = node(run, 1, r);
    if (n.op() == null) {
      return new Text(n.name() + STEP, Notation.ATOM);
    }
    List<Text> operands = new ArrayList<>();
    for (Node in : n.inputs()) {
      operands.add(operand(fold, in, subscript));
    }
    Notation notation = n.op().notation();
    String op = notation.text();
    switch (notation.form()) {
      case INFIX:
        if (operands.size() == 2) {
          return new Text(wrap(operands.get(0), notation.precedence(), false) + " " + op + " "
              + wrap(operands.get(1), notation.precedence(), true), notation.precedence());
        }
        break;
      case PREFIX:
        return new Text(op + wrap(operands.get(0), Notation.PREFIX, false), Notation.PREFIX);
      case POSTFIX:
        return new Text(wrap(operands.get(0), Notation.POSTFIX, false) + op, Notation.POSTFIX);
      default:
        break;
    }
    List<String> args = new ArrayList<>();
    operands.forEach(t -> args.add(t.text()));
    return new Text(n.op().label() + "(" + String.join(", ", args) + ")", Notation.ATOM);
  }

  private static String wrap(Text t, int precedence, boolean right) {
    boolean parens = t.precedence() < precedence || right && t.precedence() == precedence
        && precedence != Notation.ATOM;
    return parens ? "(" + t.text() + ")" : t.text();
  }

  /** Returns an operand of a node of step 1 of {@code fold} as the formula writes it. */
  private Text operand(Fold fold, Node in, String subscript) {
    if (in.isLiteral()) {
      return new Text(selection.literalText(in), Notation.ATOM);
    }
    RunFinder.Run run = fold.run();
    int p = finder.position(in);
    int offset = p - run.start();
    if (offset >= run.period() && offset < 2 * run.period()) {
      return expression(fold, offset - run.period(), subscript);
    }
    if (offset >= 0 && offset < run.period()) {
      return new Text(name(fold, offset) + subscript, Notation.ATOM);
    }
    Fold other = runAt(p);
    if (other != null) {
      int r = (p - other.run().start()) % other.run().period();
      if (isCarried(other, r)) {
        return new Text(name(other, r) + STEP, Notation.ATOM);
      }
      return subscript.isEmpty() ? expression(other, r, STEP) : new Text("…" + STEP,
          Notation.ATOM);
    }
    return new Text(display(in) + (sharedOperand(run, in) ? "" : STEP), Notation.ATOM);
  }

  /** Returns true when every step reads {@code in} itself: a weight shared by the loop. */
  private boolean sharedOperand(RunFinder.Run run, Node in) {
    for (int r = 0; r < run.period(); r++) {
      if (node(run, 2, r).inputs().contains(in)) {
        return true;
      }
    }
    return false;
  }

  private boolean isCarried(Fold fold, int r) {
    RunFinder.Run run = fold.run();
    Node carried = node(run, 1, r);
    for (int k = 0; k < run.period(); k++) {
      if (node(run, 2, k).inputs().contains(carried)) {
        return true;
      }
    }
    return false;
  }

  /** Returns the run fold at sequence position {@code p}, or null. */
  private Fold runAt(int p) {
    for (Fold f : runs) {
      if (f.run().contains(p)) {
        return f;
      }
    }
    return null;
  }

  /** Returns the name of the value at offset {@code r} of {@code fold}'s steps. */
  private String name(Fold fold, int r) {
    RunFinder.Run run = fold.run();
    Node n = node(run, 1, r);
    if (n.isUserNamed()) {
      return n.name();
    }
    Node of = n.derivativeOf();
    if (n.isGradient() && of != null && of.kind() != NodeKind.OPERATION && of.isUserNamed()) {
      return "d" + of.name();
    }
    if (n.isGradient()) {
      for (int k = 0; k < run.period(); k++) {
        for (Node in : node(run, 1, k).inputs()) {
          Fold forward = runAt(finder.position(in));
          if (forward != null && forward != fold && !forward.nodes().get(0).isGradient()) {
            String carried = carriedName(forward);
            if (carried != null) {
              return "d" + carried;
            }
          }
        }
      }
    }
    Node initial = initialValue(fold, r);
    return initial != null && initial.isUserNamed() && !initial.isGradient() ? initial.name()
        : n.isGradient() ? "g" : "v";
  }

  /** Returns the name of the first carried value of a forward run, or null. */
  private String carriedName(Fold fold) {
    for (int r = 0; r < fold.run().period(); r++) {
      if (isCarried(fold, r)) {
        Node initial = initialValue(fold, r);
        Node n = node(fold.run(), 1, r);
        return n.isUserNamed() ? n.name() : initial != null && initial.isUserNamed()
            ? initial.name() : null;
      }
    }
    return null;
  }

  /**
   * Returns the value step 0 reads where later steps read the carried value at offset {@code r}:
   * the loop's initial value.
   */
  private Node initialValue(Fold fold, int r) {
    RunFinder.Run run = fold.run();
    Node carried = node(run, 1, r);
    for (int k = 0; k < run.period(); k++) {
      List<Node> inputs = node(run, 2, k).inputs();
      for (int j = 0; j < inputs.size(); j++) {
        if (inputs.get(j) == carried) {
          return node(run, 0, k).inputs().get(j);
        }
      }
    }
    return null;
  }

  /** Returns a node outside every run as a formula names it: its name, or its operation. */
  private String display(Node n) {
    return n.isUserNamed() || n.kind() != NodeKind.OPERATION ? n.name() : "(" + n.op().label()
        + ")";
  }
}
