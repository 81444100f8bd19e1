package dev.chainrule.core.export;

import dev.chainrule.core.graph.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a summarised picture draws: the folds (boxes standing for many nodes) and the nodes drawn in
 * detail, with the counts the caption and the message report.
 */
final class Summary {
  private final Fold[] foldOf;
  private final List<Fold> folds;
  private final List<Node> detailed;
  private final int selected;
  private final Budget budget;
  private final RunFinder finder;

  /**
   * What a picture was summarised to.
   *
   * @param boxes the node budget
   * @param rows the most rows deep a picture may be unsummarised
   * @param deepRows how many rows deep the picture would be in full, when that is why it was
   *     summarised; else 0
   */
  record Budget(int boxes, int rows, int deepRows) {
    /** Returns the budget as the caption and the message write it. */
    String words() {
      return "budget " + count(boxes) + (deepRows == 0 ? "" : "; " + count(deepRows)
          + " rows deep in full, over the budget of " + count(rows) + " rows");
    }
  }

  /**
   * Creates the summary.
   *
   * @param foldOf the fold of each node id, null for nodes drawn in detail or not drawn
   * @param folds the folds in use, in order of their first node
   * @param detailed the nodes drawn in detail, in creation order
   * @param selected how many nodes the picture would draw in full
   * @param budget what it was summarised to
   * @param finder the run search whose runs the RUN folds are
   */
  Summary(Fold[] foldOf, List<Fold> folds, List<Node> detailed, int selected, Budget budget,
      RunFinder finder) {
    this.foldOf = foldOf;
    this.folds = folds;
    this.detailed = detailed;
    this.selected = selected;
    this.budget = budget;
    this.finder = finder;
  }

  /** Returns the fold {@code n} is drawn in, or null when it is drawn in detail. */
  Fold foldOf(Node n) {
    return n.id() < foldOf.length ? foldOf[n.id()] : null;
  }

  /** Returns the folds, in order of their first node. */
  List<Fold> folds() {
    return folds;
  }

  /** Returns the nodes drawn in detail, in creation order. */
  List<Node> detailed() {
    return detailed;
  }

  /** Returns the run search the RUN folds come from. */
  RunFinder finder() {
    return finder;
  }

  /** Returns how many boxes the picture draws: folds plus nodes in detail. */
  int drawn() {
    return folds.size() + detailed.size();
  }

  /** Returns how many nodes the picture would draw in full. */
  int selected() {
    return selected;
  }

  /** Returns the caption line: how many nodes, drawn as how many boxes. */
  String caption() {
    return "summary: " + count(selected) + " nodes drawn as " + count(drawn()) + " boxes"
        + " (" + budget.words() + ")";
  }

  /**
   * Returns the message for the user: what was summarised, how, and how to see more, e.g.
   * {@code summarised: 10 001 nodes drawn as 8 boxes (budget 400); folded: fold 1 (× 2 000), …;
   * to see more, expand a fold by its name or raise the budget (…)}.
   */
  String message() {
    List<String> names = new ArrayList<>();
    for (Fold f : folds) {
      names.add(f.kind() == Fold.Kind.RUN ? f.name() + " (× " + count(f.run().steps()) + ")"
          : f.kind() == Fold.Kind.REST ? count(f.nodes().size()) + " nodes left out"
          : f.name());
    }
    int shown = Math.min(names.size(), 6);
    return "summarised: " + count(selected) + " nodes drawn as " + count(drawn())
        + " boxes (" + budget.words() + "); folded: " + String.join(", ",
        names.subList(0, shown)) + (names.size() > shown ? ", …" : "")
        + "; to see more, expand a fold by its name or raise the budget (--expand NAME, "
        + "--max-nodes N or all; ExportOptions.withExpanded, withMaxNodes)";
  }

  /** Formats a count with a thin space between thousands: {@code 2 000}. */
  static String count(int n) {
    return String.format(Locale.ROOT, "%,d", n).replace(',', '\u202f');
  }
}
